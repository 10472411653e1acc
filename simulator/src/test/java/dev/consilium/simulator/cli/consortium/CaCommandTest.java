package dev.consilium.simulator.cli.consortium;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.runtime.identity.ConsortiumCa;
import dev.consilium.runtime.identity.ConsortiumName;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.simulator.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code consilium ca init} and {@code ca issue}: files, outputs and exit statuses. */
public class CaCommandTest {
  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  private static Path ca;
  private static CommandRun init;

  @BeforeClass
  public static void initCa() {
    ca = FOLDER.getRoot().toPath().resolve("ca");
    init = CommandRun.of("ca", "init", "--out", ca.toString(), "--consortium", "acme");
  }

  @Test
  public void init_createsTheCa_exitsZero() throws Exception {
    assertEquals(init.toString(), 0, init.status());
    assertTrue(init.out(), init.out().startsWith("ca init: created the root CA of consortium acme in " + ca + "\n"));
    assertEquals("", init.err());
    ConsortiumCa loaded = ConsortiumCa.load(ca, Instant.now());
    assertEquals(ConsortiumName.of("acme"), loaded.consortium());
    assertTrue(init.out(), init.out().contains("fingerprint  SHA-256 " + loaded.fingerprint() + "\n"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca.key"))));
  }

  @Test
  public void init_existingCa_refusesAndExitsOne() throws Exception {
    byte[] key = Files.readAllBytes(ca.resolve("ca.key"));
    CommandRun again = CommandRun.of("ca", "init", "--out", ca.toString());
    assertEquals(again.toString(), 1, again.status());
    assertEquals("ca init: " + ca + " already holds a CA (ca.key); refusing to overwrite it\n", again.err());
    assertArrayEquals(key, Files.readAllBytes(ca.resolve("ca.key")));
  }

  @Test
  public void init_withoutOut_isAUsageError() {
    CommandRun run = CommandRun.of("ca", "init");
    assertEquals(run.toString(), 2, run.status());
    assertTrue(run.err(), run.err().startsWith("consilium ca init: Missing required option: '--out=DIR'\n"));
  }

  @Test
  public void init_consortiumNameNotALabel_isAUsageError() {
    CommandRun run = CommandRun.of("ca", "init", "--out", FOLDER.getRoot().toPath().resolve("x").toString(),
        "--consortium", "Acme Bank");
    assertEquals(run.toString(), 2, run.status());
    assertTrue(run.err(), run.err().contains("Invalid value for option '--consortium': consortium name "
        + "'Acme Bank' may hold only lowercase letters, digits and inner hyphens"));
  }

  @Test
  public void issue_writesAMemberThatLoads_exitsZero() throws Exception {
    Path dir = FOLDER.getRoot().toPath().resolve("bank-a");
    CommandRun run = CommandRun.of("ca", "issue", "--ca", ca.toString(), "--member", "bank-a",
        "--roles", "institution,validator", "--out", dir.toString(), "--port", "25601");
    assertEquals(run.toString(), 0, run.status());
    MemberIdentity identity = MemberIdentity.load(dir);
    assertEquals("bank-a", identity.name().value());
    assertEquals("acme", identity.consortium().value());
    assertEquals(Set.of("institution", "validator"), identity.document().roles());
    assertEquals(List.of("127.0.0.1:25601"), identity.document().endpoints());
    assertTrue(run.out(), run.out().startsWith("ca issue: issued member bank-a of consortium acme into " + dir + "\n"));
    assertTrue(run.out(), run.out().contains("did          " + identity.did() + "\n"));
    assertEquals("", run.err());

    CommandRun again = CommandRun.of("ca", "issue", "--ca", ca.toString(), "--member", "bank-a",
        "--roles", "institution", "--out", dir.toString());
    assertEquals(again.toString(), 1, again.status());
    assertEquals("ca issue: " + dir.resolve("tls.key") + " already exists; refusing to overwrite it\n", again.err());
    assertEquals(identity.did(), MemberIdentity.load(dir).did());
  }

  @Test
  public void issue_unknownRole_namesTheAllowedRolesAndExitsTwo() {
    CommandRun run = CommandRun.of("ca", "issue", "--ca", ca.toString(), "--member", "bank-b",
        "--roles", "institution,banker", "--out", FOLDER.getRoot().toPath().resolve("bank-b").toString());
    assertEquals(run.toString(), 2, run.status());
    assertTrue(run.err(), run.err().startsWith("consilium ca issue: Invalid value for option '--roles' (ROLE): "
        + "unknown role 'banker'; roles are compute, device, institution, regulator, validator\n"));
    assertTrue(Files.notExists(FOLDER.getRoot().toPath().resolve("bank-b")));
  }

  @Test
  public void issue_badPortOrHost_isAUsageError() {
    String out = FOLDER.getRoot().toPath().resolve("bank-c").toString();
    CommandRun port = CommandRun.of("ca", "issue", "--ca", ca.toString(), "--member", "bank-c",
        "--roles", "institution", "--out", out, "--port", "70000");
    assertEquals(port.toString(), 2, port.status());
    assertTrue(port.err(), port.err().contains("port must be between 1 and 65535, was 70000"));
    CommandRun host = CommandRun.of("ca", "issue", "--ca", ca.toString(), "--member", "bank-c",
        "--roles", "institution", "--out", out, "--host", "bank c");
    assertEquals(host.toString(), 2, host.status());
    assertTrue(host.err(), host.err().contains("host 'bank c' is neither an IP address nor a DNS name"));
  }

  @Test
  public void issue_noCaThere_namesTheFileAndExitsOne() {
    Path nowhere = FOLDER.getRoot().toPath().resolve("no-ca");
    CommandRun run = CommandRun.of("ca", "issue", "--ca", nowhere.toString(), "--member", "bank-d",
        "--roles", "institution", "--out", FOLDER.getRoot().toPath().resolve("bank-d").toString());
    assertEquals(run.toString(), 1, run.status());
    assertEquals("ca issue: " + nowhere.resolve("ca.crt") + ": is missing\n", run.err());
  }

  @Test
  public void everyCommand_hasHelp() {
    for (String[] args : new String[][] {{"ca", "--help"}, {"ca", "init", "--help"}, {"ca", "issue", "--help"},
        {"genesis", "--help"}}) {
      CommandRun run = CommandRun.of(args);
      assertEquals(String.join(" ", args), 0, run.status());
      assertTrue(run.out(), run.out().startsWith("Usage: consilium " + args[0]));
    }
  }

  @Test
  public void ca_withoutCommand_isAUsageError() {
    CommandRun run = CommandRun.of("ca");
    assertEquals(run.toString(), 2, run.status());
    assertTrue(run.err(), run.err().startsWith("consilium ca: Missing ca command: choose one of init, issue\n"));
  }
}
