package dev.consilium.simulator.simulation;

import java.nio.file.Path;

/**
 * Where a simulation keeps everything: the CA, each member's identity directory, the genesis block, each
 * member's config file and data directory (journal, loan book, results and status), and the workload.
 */
public record WorkDir(Path root) {
  public Path ca() {
    return root.resolve("ca");
  }

  public Path member(String name) {
    return root.resolve("members").resolve(name);
  }

  public Path genesis() {
    return root.resolve("genesis.block");
  }

  public Path config(String name) {
    return root.resolve("conf").resolve(name + ".conf");
  }

  public Path data(String name) {
    return root.resolve("data").resolve(name);
  }

  public Path workload(String name) {
    return root.resolve("workload").resolve(name + ".jsonl");
  }

  /** Appended to by the member's process, one {@link InquiryOutcome} per line. */
  public Path results(String name) {
    return data(name).resolve("results.jsonl");
  }

  /** Rewritten by the member's process every half second: its {@link MemberSnapshot}. */
  public Path status(String name) {
    return data(name).resolve("status.json");
  }

  public Path log(String name) {
    return data(name).resolve("node.log");
  }

  /** Written by the driver once every member is up: the start time of the workload, in epoch ms. */
  public Path go() {
    return root.resolve("go");
  }
}
