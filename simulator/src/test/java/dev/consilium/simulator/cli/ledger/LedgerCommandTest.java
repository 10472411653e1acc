package dev.consilium.simulator.cli.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.merkle.InclusionProof;
import dev.consilium.simulator.cli.ConsiliumCommand;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

/** {@code consilium ledger ...} on a small ledger copy: outputs, exit statuses, and the proof round trip. */
public class LedgerCommandTest {
  private static final int BLOCKS_AFTER_GENESIS = 29;
  private static final int ENTRIES_PER_BLOCK = 3;

  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  private static SampleLedger ledger;
  private static String data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeClass
  public static void writeLedger() throws Exception {
    ledger = SampleLedger.write(FOLDER.newFolder(), BLOCKS_AFTER_GENESIS, ENTRIES_PER_BLOCK);
    data = ledger.dataDir.getAbsolutePath();
  }

  @Test
  public void verify_goodCopy_printsTheHeadAndExitsZero() {
    assertEquals(err.toString(), 0, run("ledger", "verify", "--data", data));
    String head = ledger.head().hash().toHex();
    assertTrue(out.toString(), out.toString().startsWith("ledger verify: OK, channel main, 30 blocks, 88 entries\n"));
    assertTrue(out.toString(), out.toString().contains("head height    29\n"));
    assertTrue(out.toString(), out.toString().contains("head hash      " + head + "\n"));
    assertTrue(out.toString(), out.toString().contains("snapshot       at height 29, the journal's block\n"));
    assertTrue(out.toString(), out.toString().contains("--expect-head 29:" + head + "\n"));
    assertEquals("", err.toString());
  }

  @Test
  public void verify_tamperedCopy_namesTheHeightAndExitsOne() throws Exception {
    SampleLedger tampered = SampleLedger.write(FOLDER.newFolder(), 10, 2);
    tampered.tamper(7);
    assertEquals(1, run("ledger", "verify", "--data", tampered.dataDir.getPath()));
    assertTrue(out.toString(), out.toString().startsWith("ledger verify: FAILED at height 7: "));
    assertEquals(1, out.toString().split("\n").length);
  }

  @Test
  public void verify_expectHead_onTheChainPasses_otherwiseFails() {
    Block block = ledger.blocks.get(12);
    assertEquals(0, run("ledger", "verify", "--data", data, "--expect-head", "12:" + block.hash().toHex()));
    assertTrue(out.toString(), out.toString().contains("expected head  12:" + block.hash().toHex() + ", on this chain\n"));

    assertEquals(1, run("ledger", "verify", "--data", data, "--expect-head", "13:" + block.hash().toHex()));
    assertTrue(out.toString(), out.toString().contains("ledger verify: FAILED at height 13: the saved head 13:"));

    assertEquals(1, run("ledger", "verify", "--data", data, "--expect-head", "40:" + block.hash().toHex()));
    assertTrue(out.toString(), out.toString().contains("ledger verify: FAILED at height 30: the copy ends at height 29"));
  }

  @Test
  public void verify_noDatabase_saysSoAndExitsOne() throws Exception {
    File empty = FOLDER.newFolder();
    assertEquals(1, run("ledger", "verify", "--data", empty.getPath()));
    assertEquals("ledger verify: no ledger database in " + empty.getAbsolutePath() + ": ledger.mv.db is missing"
        + " (--data takes a member's data directory)\n", err.toString());
    assertEquals("", out.toString());
    assertEquals(1, run("ledger", "verify", "--data", new File(empty, "nowhere").getPath()));
    assertTrue(err.toString(), err.toString().contains("nowhere is not a directory"));
    assertEquals("the directory must not be created", 0, empty.list().length);
  }

  @Test
  public void verify_channelWithoutBlocks_namesTheChannelsThereAre() {
    assertEquals(1, run("ledger", "verify", "--data", data, "--channel", "mian"));
    assertEquals("ledger verify: the journal holds no block of channel 'mian'; it holds channel main\n", err.toString());
    assertEquals(1, run("ledger", "show", "--data", data, "--channel", "mian"));
  }

  @Test
  public void show_withoutHeight_listsTheLast20() {
    assertEquals(err.toString(), 0, run("ledger", "show", "--data", data));
    String[] lines = out.toString().split("\n");
    assertEquals(out.toString(), 2 + ShowCommand.LAST_BLOCKS, lines.length);
    assertEquals("channel main, highest stored height 29; the last 20 blocks (--all lists every one):", lines[0]);
    assertTrue(lines[1], lines[1].matches(" *height +epoch +time +entries +hash"));
    assertTrue(lines[2], lines[2].matches(" +10 +0 +2023-11-14T22:13:30Z +3 +" + ledger.blocks.get(10).hash().toHex()));
    assertTrue(lines[21], lines[21].endsWith(ledger.head().hash().toHex()));

    out.getBuffer().setLength(0);
    assertEquals(0, run("ledger", "show", "--data", data, "--all"));
    assertEquals(out.toString(), 2 + 30, out.toString().split("\n").length);
  }

  @Test
  public void show_height_printsTheBlockInFull() {
    Block block = ledger.blocks.get(5);
    assertEquals(err.toString(), 0, run("ledger", "show", "--data", data, "--height", "5"));
    String shown = out.toString();
    assertTrue(shown, shown.startsWith("block 5\n  epoch        0\n  time         2023-11-14T22:13:25Z\n"));
    assertTrue(shown, shown.contains("  hash         " + block.hash().toHex() + "\n"));
    assertTrue(shown, shown.contains("  previous     " + ledger.blocks.get(4).hash().toHex() + "\n"));
    assertTrue(shown, shown.contains("  merkle root  " + block.header().merkleRoot().toHex() + "\n"));
    assertTrue(shown, shown.contains("  state root   " + block.header().stateRoot().toHex() + "\n"));
    assertTrue(shown, shown.contains("  sequencer    " + block.header().sequencer() + "\n"));
    assertTrue(shown, shown.contains("  entries      3\n"));
    assertTrue(shown, shown.contains("  entry 2: membership.update by " + block.entries().get(2).submitter() + ", nonce "
        + block.entries().get(2).nonce() + ", " + block.entries().get(2).payload().length + " payload bytes, hash "
        + block.entries().get(2).hash().toHex() + "\n"));

    assertEquals(1, run("ledger", "show", "--data", data, "--height", "99"));
    assertTrue(err.toString(), err.toString().contains("ledger show: no block at height 99: the highest stored height"
        + " of channel 'main' is 29"));
  }

  @Test
  public void show_rowsThatHoldNoBlockOrAreMarkedDeleted_areFlagged() throws Exception {
    SampleLedger changed = SampleLedger.write(FOLDER.newFolder(), 5, 1);
    changed.changeRow(3, "UPDATE \"event_journal\" SET \"event_ser_manifest\" = 'zzz'"
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?");
    changed.changeRow(4, "UPDATE \"event_journal\" SET \"deleted\" = TRUE"
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?");
    assertEquals(1, run("ledger", "show", "--data", changed.dataDir.getPath()));
    String[] lines = out.toString().split("\n");
    assertEquals("       3  the row holds no block: its manifest is 'zzz', not 'block-appended'", lines[5]);
    assertTrue(lines[6], lines[6].endsWith(changed.blocks.get(4).hash().toHex() + "  (row marked deleted)"));
    assertEquals(0, run("ledger", "show", "--data", changed.dataDir.getPath(), "--height", "4"));
    assertTrue(out.toString(), out.toString().startsWith("block 4  (row marked deleted)\n"));
  }

  @Test
  public void proof_checkedByCheckProof_bothWays() {
    Map<String, String> proof = proof(17, 2);
    Block block = ledger.blocks.get(17);
    assertEquals(block.entries().get(2).hash().toHex(), proof.get("entry hash"));
    assertEquals(block.hash().toHex(), proof.get("block hash"));
    assertEquals("3", proof.get("entry count"));

    assertEquals(out.toString(), 0, checkReceipt(proof.get("receipt"), proof.get("block hash")));
    assertEquals("valid\n", out.toString());
    out.getBuffer().setLength(0);
    assertEquals(out.toString(), 0, checkProof(proof.get("entry hash"), proof.get("proof"), proof.get("merkle root"),
        proof.get("entry count")));
    assertEquals("valid\n", out.toString());
  }

  /** Every single changed hex digit, wherever it falls (index, size, path, header, entry hash), is refused. */
  @Test
  public void checkProof_anyHexDigitFlipped_isInvalid() {
    Map<String, String> proof = proof(17, 1);
    for (String part : new String[] {"proof", "receipt"}) {
      String hex = proof.get(part);
      for (int i = 0; i < hex.length(); i++) {
        String flipped = hex.substring(0, i) + (hex.charAt(i) == '0' ? '1' : '0') + hex.substring(i + 1);
        out.getBuffer().setLength(0);
        int status = part.equals("proof")
            ? checkProof(proof.get("entry hash"), flipped, proof.get("merkle root"), proof.get("entry count"))
            : checkReceipt(flipped, proof.get("block hash"));
        assertEquals(part + " digit " + i + ": " + out, 1, status);
        assertTrue(part + " digit " + i + ": " + out, out.toString().startsWith("INVALID: "));
      }
    }
  }

  /** Leaf 0 of 3 and leaf 0 of 4 take the same path: only the entry count shows the forged size. */
  @Test
  public void checkProof_proofOfAnotherTreeSize_isInvalidThoughItsPathLeadsToTheRoot() throws Exception {
    Map<String, String> proof = proof(3, 0);
    InclusionProof real = InclusionProof.fromHex(proof.get("proof"));
    InclusionProof resized = InclusionProof.of(0, 4, real.auditPath());
    assertEquals(real.rootFor(ledger.blocks.get(3).entries().get(0).hash()),
        resized.rootFor(ledger.blocks.get(3).entries().get(0).hash()));
    assertEquals(1, checkProof(proof.get("entry hash"), resized.toHex(), proof.get("merkle root"), "3"));
    assertEquals("INVALID: the proof is for a block of 4 entries, but the block holds 3\n", out.toString());
  }

  @Test
  public void checkProof_receiptAgainstAnotherBlock_isInvalid() {
    Map<String, String> proof = proof(3, 0);
    assertEquals(1, checkReceipt(proof.get("receipt"), ledger.blocks.get(4).hash().toHex()));
    assertTrue(out.toString(), out.toString().startsWith("INVALID: the receipt's block header hashes to "
        + ledger.blocks.get(3).hash().toHex() + ", not to the block hash " + ledger.blocks.get(4).hash().toHex()));
  }

  @Test
  public void proof_indexBeyondTheBlock_exitsOne() {
    assertEquals(1, run("ledger", "proof", "--data", data, "--height", "3", "--index", "3"));
    assertEquals("ledger proof: block 3 holds 3 entries, so --index must be below 3\n", err.toString());
  }

  @Test
  public void badOptions_exitTwoNamingTheProblem() {
    String hash = ledger.head().hash().toHex();
    String[][] cases = {
        {"Missing ledger command: choose one of verify, show, proof, check-proof", "ledger"},
        {"give --data DIR (a member's data directory) or --jdbc URL", "ledger", "verify"},
        {"--data and --jdbc are alternatives: give one", "ledger", "verify", "--data", data, "--jdbc", "jdbc:h2:mem:x"},
        {"--user and --password go with --jdbc", "ledger", "verify", "--data", data, "--user", "sa"},
        {"Unknown option: '--bogus'", "ledger", "verify", "--data", data, "--bogus"},
        {"'--expect-head': expected HEIGHT:HASH, found no ':' in '12'", "ledger", "verify", "--data", data,
            "--expect-head", "12"},
        {"'--expect-head': expected HEIGHT:HASH, the hash is wrong: a SHA-256 hash is 64 hex digits, was 3",
            "ledger", "verify", "--data", data, "--expect-head", "12:abc"},
        {"--height must not be negative, was -1", "ledger", "show", "--data", data, "--height", "-1"},
        {"--height shows one block and --all lists every block: give one", "ledger", "show", "--data", data,
            "--height", "1", "--all"},
        {"Missing required option: '--index=I'", "ledger", "proof", "--data", data, "--height", "1"},
        {"Invalid value for option '--height': 'x' is not a long", "ledger", "proof", "--data", data, "--height", "x", "--index", "0"},
        {"give --receipt HEX --block-hash HASH, or all of --entry-hash, --proof, --merkle-root and --entry-count",
            "ledger", "check-proof"},
        {"--receipt needs --block-hash", "ledger", "check-proof", "--receipt", "00"},
        {"'--receipt': not hex", "ledger", "check-proof", "--receipt", "xyz0", "--block-hash", hash},
        {"missing --merkle-root, --entry-count", "ledger", "check-proof", "--entry-hash", hash, "--proof", "00"},
        {"--block-hash goes with --receipt", "ledger", "check-proof", "--block-hash", hash},
    };
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      err.getBuffer().setLength(0);
      assertEquals(String.join(" ", args) + ": " + err, 2, run(args));
      assertTrue(String.join(" ", args) + ": " + err, err.toString().contains(c[0]));
      assertTrue(err.toString(), err.toString().contains("--help' for usage."));
    }
  }

  @Test
  public void everyLedgerCommand_hasHelp() {
    for (String command : new String[] {"verify", "show", "proof", "check-proof"}) {
      out.getBuffer().setLength(0);
      assertEquals(command, 0, run("ledger", command, "--help"));
      assertTrue(out.toString(), out.toString().startsWith("Usage: consilium ledger " + command));
    }
    out.getBuffer().setLength(0);
    assertEquals(0, run("--help"));
    assertTrue(out.toString(), out.toString().contains("ledger"));
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cmd = ConsiliumCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  /** The fields {@code ledger proof} prints, by name. */
  private Map<String, String> proof(long height, int index) {
    assertEquals(err.toString(), 0, run("ledger", "proof", "--data", data, "--height", String.valueOf(height),
        "--index", String.valueOf(index)));
    Map<String, String> fields = new HashMap<>();
    String[] lines = out.toString().split("\n");
    assertEquals("ledger proof: entry " + index + " of block " + height + ", channel main", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      fields.put(lines[i].substring(0, 13).trim(), lines[i].substring(14));
    }
    return fields;
  }

  private int checkReceipt(String receipt, String blockHash) {
    return run("ledger", "check-proof", "--receipt", receipt, "--block-hash", blockHash);
  }

  private int checkProof(String entryHash, String proof, String merkleRoot, String entryCount) {
    return run("ledger", "check-proof", "--entry-hash", entryHash, "--proof", proof, "--merkle-root", merkleRoot,
        "--entry-count", entryCount);
  }
}
