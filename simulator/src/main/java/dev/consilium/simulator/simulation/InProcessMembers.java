package dev.consilium.simulator.simulation;

import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.node.ConsortiumNode;
import dev.consilium.simulator.cli.node.MemberConfig;
import dev.consilium.simulator.cli.node.MemberRoles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every member as its own ActorSystem in this JVM, started from its config file as {@code consilium node}
 * would start it, except that stopping one does not exit the JVM.
 */
final class InProcessMembers implements MemberProcesses {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessMembers.class);
  private final WorkDir dir;
  private final Map<String, Running> running = new LinkedHashMap<>();

  private record Running(ConsortiumNode node, MemberRoles roles, SimulatedMember simulated) {}

  InProcessMembers(WorkDir dir) {
    this.dir = dir;
  }

  @Override
  public void start(String member) {
    try {
      MemberConfig config = MemberConfig.read(dir.config(member));
      ConsortiumNode node = ConsortiumNode.start(config.identity(), config.settings().genesis(), Contracts.standard(),
          ConfigFactory.parseString("akka.coordinated-shutdown.exit-jvm = off\n"
              + "akka.cluster.jmx.multi-mbeans-in-same-jvm = on").withFallback(config.nodeConfig()));
      MemberRoles roles = MemberRoles.start(node, config.settings().memberDir(), config.settings().dataDir());
      SimulatedMember simulated = SimulatedMember.start(node, roles, config.settings().memberDir());
      running.put(member, new Running(node, roles, simulated));
    } catch (IdentityException e) {
      throw new IllegalStateException(member + " cannot start: " + e.getMessage(), e);
    }
  }

  @Override
  public void kill(String member) {
    throw new UnsupportedOperationException("killing a member needs one JVM per member");
  }

  @Override
  public void stop(String member) {
    Running stopping = running.remove(member);
    if (stopping == null) {
      return;
    }
    stopping.simulated().close();
    try {
      stopping.node().close();
    } catch (IllegalStateException e) {
      // Artery may take longer than the wait to finish terminating on a loaded machine (akka #30326): the
      // member has left and its journal is closed by then; the offline checks that follow say if it is not.
      LOG.warn("{}", e.getMessage());
    }
    stopping.roles().close();
  }

  @Override
  public void close() {
    List<String> names = new ArrayList<>(running.keySet());
    for (int i = names.size() - 1; i >= 0; i--) {
      stop(names.get(i));
    }
  }
}
