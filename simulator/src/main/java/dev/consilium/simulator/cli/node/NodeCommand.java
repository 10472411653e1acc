package dev.consilium.simulator.cli.node;

import com.typesafe.config.ConfigException;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.node.ConsortiumNode;
import dev.consilium.simulator.simulation.SimulatedMember;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code consilium node --config FILE}: runs one member until it is stopped (Ctrl-C leaves the cluster
 * cleanly) or the cluster downs it. Every setting is checked before anything starts; a bad one stops the
 * node with one line naming it, and exit status 1. A regulator also serves its observer API when
 * {@code consilium.observer.port} is set, opening the reports filed to it with the agreement key in its member
 * directory; an observer port it cannot bind stops the node the same way.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
        "Run one member of the consortium: join the cluster over mutual TLS with the member's certificate, keep "
            + "its copy of the ledger, and take part in sequencing if it is a validator.",
        "FILE is the member's config (see conf/bank-a.conf): consilium.node.member-dir, genesis, host, port, "
            + "seed-nodes and consilium.data-dir."})
public final class NodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The member's config file.")
  Path configFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MemberConfig member;
    ConsortiumNode node;
    try {
      member = MemberConfig.read(configFile);
      node = ConsortiumNode.start(member.identity(), member.settings().genesis(), Contracts.standard(),
          member.nodeConfig());
    } catch (ConfigException | IdentityException | IllegalArgumentException e) {
      err.println("node: " + e.getMessage());
      err.flush();
      return 1;
    }
    MemberRoles roles;
    SimulatedMember simulated = null;
    try {
      roles = MemberRoles.start(node, member.settings().memberDir(), member.settings().dataDir());
      if (SimulatedMember.configured(node.config())) {
        simulated = SimulatedMember.start(node, roles, member.settings().memberDir());
      }
    } catch (ConfigException | IdentityException | IllegalArgumentException e) {
      err.println("node: " + e.getMessage());
      err.flush();
      node.close();
      return 1;
    }
    out.printf("node: %s (%s, roles %s) at %s:%d, ledger %s in %s; Ctrl-C to leave%n", member.identity().name(),
        member.identity().did(), member.identity().roles(), member.settings().host(), member.settings().port(),
        member.settings().genesis().hash().toHex(), member.settings().dataDir());
    out.flush();
    node.system().getWhenTerminated().toCompletableFuture().join();
    if (simulated != null) {
      simulated.close();
    }
    roles.close();
    out.println("node: " + member.identity().name() + " stopped");
    return 0;
  }
}
