package dev.consilium.simulator.cli.node;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.simulator.cli.CommandRun;
import dev.consilium.simulator.cli.ConsiliumCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code node} and {@code member} refuse bad settings before anything starts, with one line naming the
 * setting or file. (Nodes that do start are tested in the runtime, through the same ConsortiumNode.)
 */
public class NodeCommandTest {
  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  private static Path root;

  @BeforeClass
  public static void issueConsortium() throws IOException {
    root = FOLDER.newFolder("consortium").toPath();
    ok(CommandRun.of("ca", "init", "--out", root.resolve("ca").toString()));
    ok(CommandRun.of("ca", "issue", "--ca", root.resolve("ca").toString(), "--member", "regulator", "--roles",
        "regulator,validator", "--out", root.resolve("regulator").toString()));
    ok(CommandRun.of("ca", "issue", "--ca", root.resolve("ca").toString(), "--member", "bank-a", "--roles",
        "institution,validator", "--out", root.resolve("bank-a").toString()));
    ok(CommandRun.of("genesis", "--members", root.resolve("bank-a").toString(), "--creator", root.resolve("regulator").toString(),
        "--out", root.resolve("genesis.block").toString()));
  }

  @Test
  public void node_portOutOfRange_stopsNamingTheSetting() throws IOException {
    CommandRun run = CommandRun.of("node", "--config", config("bank-a", "port = 70000").toString());
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("consilium.node.port"));
    assertTrue(run.toString(), run.err().contains("70000"));
  }

  @Test
  public void node_observerPortOutOfRange_stopsNamingTheSetting() throws IOException {
    CommandRun run = CommandRun.of("node", "--config", config("regulator", "", "observer.port = 70000").toString());
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("consilium.observer.port"));
    assertTrue(run.toString(), run.err().contains("70000"));
  }

  /** The regulator's observer is started by its role after the node: a taken port still stops the command. */
  @Test
  public void node_regulatorsObserverPortTaken_stopsNamingTheAddress() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int nodePort = free.getLocalPort();
      free.close();
      CommandRun run = CommandRun.of("node", "--config", config("regulator", "port = " + nodePort,
          "observer { host = \"127.0.0.1\", port = " + taken.getLocalPort() + " }").toString());
      assertEquals(run.toString(), 1, run.status());
      assertTrue(run.toString(), run.err().contains("consilium.observer"));
      assertTrue(run.toString(), run.err().contains("127.0.0.1:" + taken.getLocalPort()));
    }
  }

  @Test
  public void node_missingMemberDirectory_stopsNamingIt() throws IOException {
    CommandRun run = CommandRun.of("node", "--config", config("no-such-member", "").toString());
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("consilium.node.member-dir"));
  }

  @Test
  public void node_genesisOtherThanPinned_stopsNamingBothHashes() throws IOException {
    CommandRun run = CommandRun.of("node", "--config",
        config("bank-a", "genesis-hash = \"" + "ab".repeat(32) + "\"").toString());
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("genesis-hash pins " + "ab".repeat(32)));
  }

  @Test
  public void node_badSeedNode_stopsNamingTheSetting() throws IOException {
    CommandRun run = CommandRun.of("node", "--config", config("bank-a", "seed-nodes = [\"localhost\"]").toString());
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("consilium.node.seed-nodes"));
  }

  @Test
  public void node_missingConfigFile_stopsNamingIt() {
    CommandRun run = CommandRun.of("node", "--config", root.resolve("absent.conf").toString());
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("absent.conf"));
  }

  @Test
  public void memberRevoke_malformedDid_isAUsageError() throws IOException {
    CommandRun run = CommandRun.of("member", "revoke", "--config", config("regulator", "").toString(), "--did", "did:example:1");
    assertEquals(run.toString(), ConsiliumCommand.EXIT_USAGE, run.status());
    assertTrue(run.toString(), run.err().contains("--did"));
  }

  @Test
  public void memberAdmit_asANonRegulator_isRefusedBeforeJoining() throws IOException {
    CommandRun run = CommandRun.of("member", "admit", "--config", config("bank-a", "").toString(), "--member",
        root.resolve("regulator").toString());
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("is not the regulator"));
  }

  @Test
  public void audit_nodeNotListening_exitsOneNamingTheUrl() {
    int port = dev.consilium.runtime.node.LoopbackMember.freePort();
    CommandRun run = CommandRun.of("audit", "--node", "http://127.0.0.1:" + port);
    assertEquals(run.toString(), 1, run.status());
    assertTrue(run.toString(), run.err().contains("127.0.0.1:" + port + "/audit"));
  }

  @Test
  public void audit_notAnHttpUrl_isAUsageError() {
    CommandRun run = CommandRun.of("audit", "--node", "ftp://example");
    assertEquals(run.toString(), ConsiliumCommand.EXIT_USAGE, run.status());
  }

  /** A member config over the issued directories, with {@code extra} in its consilium.node section. */
  private static Path config(String member, String extra) throws IOException {
    return config(member, extra, "");
  }

  /** As {@link #config(String, String)}, with {@code consiliumExtra} in its consilium section. */
  private static Path config(String member, String extra, String consiliumExtra) throws IOException {
    Path file = Files.createTempFile(root, member, ".conf");
    Files.writeString(file, String.join("\n",
        "consilium {",
        "  data-dir = \"" + root.resolve("data-" + member) + "\"",
        "  node {",
        "    member-dir = \"" + root.resolve(member) + "\"",
        "    genesis = \"" + root.resolve("genesis.block") + "\"",
        "    seed-nodes = [\"127.0.0.1:25520\"]",
        "    " + extra,
        "  }",
        "  " + consiliumExtra,
        "}", ""));
    return file;
  }

  private static void ok(CommandRun run) {
    assertEquals(run.toString(), 0, run.status());
  }
}
