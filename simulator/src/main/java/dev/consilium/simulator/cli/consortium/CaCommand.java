package dev.consilium.simulator.cli.consortium;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code consilium ca ...}: the consortium's root CA and the members it issues. */
@Command(
    name = "ca",
    mixinStandardHelpOptions = true,
    description = "Create the consortium's root CA and issue members: TLS key and certificate, Ed25519 signing "
        + "key, DID and DID document.",
    subcommands = {CaInitCommand.class, CaIssueCommand.class})
public final class CaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing ca command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
