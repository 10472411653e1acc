package dev.consilium.simulator.cli.consortium;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.genesis.AdmissionPolicy;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.simulator.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code consilium genesis} over members issued by {@code ca issue}. */
public class GenesisCommandTest {
  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  private static Path root;

  @BeforeClass
  public static void issueFounders() {
    root = FOLDER.getRoot().toPath();
    run("ca", "init", "--out", dir("ca"));
    issue("ca", "bank-a", "institution,validator");
    issue("ca", "bank-b", "institution,validator");
    issue("ca", "compute-1", "compute");
    issue("ca", "regulator", "regulator,validator");
    run("ca", "init", "--out", dir("other-ca"));
    issue("other-ca", "bank-x", "institution,validator");
  }

  @Test
  public void genesis_founders_writesAValidBlockAndPrintsItsHash() throws Exception {
    Path out = root.resolve("out/genesis.block");
    CommandRun run = CommandRun.of("genesis", "--members", dir("bank-a"), dir("bank-b"), dir("compute-1"),
        "--creator", dir("regulator"), "--out", out.toString());
    assertEquals(run.toString(), 0, run.status());
    assertEquals("", run.err());

    Block block = Block.fromBytes(Files.readAllBytes(out));
    GenesisBlock.validate(block, Contracts.standard());
    assertTrue(run.out(), run.out().endsWith("genesis hash   " + block.hash().toHex() + "\n"));
    assertTrue(run.out(), run.out().startsWith("genesis: consortium demo, channel main, 4 founders\n"));
    assertTrue(run.out(), run.out().contains("commit quorum  2 of 3 founding validators\n"));

    GenesisConfig config = CanonicalReader.decode(block.entries().get(0).payload(), GenesisConfig::read);
    assertEquals("demo", config.consortium());
    assertEquals("main", config.channel());
    assertEquals("a majority of the 3 founding validators", 2, config.commitQuorum());
    assertEquals(AdmissionPolicy.REGULATOR, config.admissionPolicy());
    assertEquals(List.of(document("bank-a"), document("bank-b"), document("compute-1"), document("regulator")),
        config.founders());
    MemberIdentity creator = MemberIdentity.load(Path.of(dir("regulator")));
    assertArrayEquals(creator.caCertificate().getEncoded(), config.caCertificate());
    assertEquals(creator.did(), block.header().sequencer());
  }

  @Test
  public void genesis_creatorListedAmongMembers_isOneFounder_quorumAsGiven() throws Exception {
    Path out = root.resolve("listed.block");
    CommandRun run = CommandRun.of("genesis", "--members", dir("regulator"), dir("bank-a"),
        "--creator", dir("regulator"), "--out", out.toString(), "--quorum", "1", "--channel", "credit");
    assertEquals(run.toString(), 0, run.status());
    GenesisConfig config = CanonicalReader.decode(Block.fromBytes(Files.readAllBytes(out)).entries().get(0).payload(),
        GenesisConfig::read);
    assertEquals(List.of(document("regulator"), document("bank-a")), config.founders());
    assertEquals(1, config.commitQuorum());
    assertEquals("credit", config.channel());
  }

  @Test
  public void genesis_creatorNotARegulator_exitsOne() {
    Path out = root.resolve("not-regulator.block");
    CommandRun run = CommandRun.of("genesis", "--members", dir("bank-b"), "--creator", dir("bank-a"),
        "--out", out.toString());
    assertEquals(run.toString(), 1, run.status());
    assertEquals("genesis: the creator bank-a (" + dir("bank-a") + ") has roles [institution, validator]; the "
        + "genesis block is created by a founding regulator\n", run.err());
    assertTrue(Files.notExists(out));
  }

  @Test
  public void genesis_memberOfAnotherCa_exitsOneNamingIt() {
    Path out = root.resolve("foreign.block");
    CommandRun run = CommandRun.of("genesis", "--members", dir("bank-a"), dir("bank-x"), "--creator", dir("regulator"),
        "--out", out.toString());
    assertEquals(run.toString(), 1, run.status());
    assertEquals("genesis: " + dir("bank-x") + " holds a ca.crt other than the creator's: bank-x belongs to another"
        + " CA\n", run.err());
    assertTrue(Files.notExists(out));
  }

  @Test
  public void genesis_existingOut_refusesAndExitsOne() throws Exception {
    Path out = root.resolve("existing.block");
    Files.writeString(out, "pinned");
    CommandRun run = CommandRun.of("genesis", "--members", dir("bank-a"), "--creator", dir("regulator"),
        "--out", out.toString());
    assertEquals(run.toString(), 1, run.status());
    assertEquals("genesis: " + out + " already exists; refusing to overwrite a genesis block\n", run.err());
    assertEquals("pinned", Files.readString(out));
  }

  @Test
  public void genesis_withoutCreator_isAUsageError() {
    CommandRun run = CommandRun.of("genesis", "--members", dir("bank-a"), "--out", root.resolve("x").toString());
    assertEquals(run.toString(), 2, run.status());
    assertTrue(run.err(), run.err().startsWith("consilium genesis: Missing required option: '--creator=DIR'\n"));
  }

  @Test
  public void genesis_quorumAboveTheValidators_isAUsageError() {
    CommandRun run = CommandRun.of("genesis", "--members", dir("bank-a"), "--creator", dir("regulator"),
        "--out", root.resolve("q.block").toString(), "--quorum", "3");
    assertEquals(run.toString(), 2, run.status());
    assertTrue(run.err(), run.err().startsWith("consilium genesis: --quorum 3 must be between 1 and the 2 founding "
        + "validators\n"));
  }

  @Test
  public void genesis_otherConsortiumName_isAUsageError() {
    CommandRun run = CommandRun.of("genesis", "--members", dir("bank-a"), "--creator", dir("regulator"),
        "--out", root.resolve("c.block").toString(), "--consortium", "acme");
    assertEquals(run.toString(), 2, run.status());
    assertTrue(run.err(), run.err().startsWith("consilium genesis: --consortium 'acme' is not 'demo', the consortium"
        + " the members' CA certificate names\n"));
  }

  private static String dir(String name) {
    return root.resolve(name).toString();
  }

  private static MemberDocument document(String member) throws Exception {
    return CanonicalReader.decode(Files.readAllBytes(root.resolve(member).resolve("member.doc")), MemberDocument::read);
  }

  private static void issue(String ca, String member, String roles) {
    run("ca", "issue", "--ca", dir(ca), "--member", member, "--roles", roles, "--out", dir(member));
  }

  private static void run(String... args) {
    CommandRun run = CommandRun.of(args);
    if (run.status() != 0) {
      throw new AssertionError(String.join(" ", args) + ": " + run);
    }
  }
}
