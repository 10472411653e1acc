package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.verify.LedgerCopyVerifier;
import dev.consilium.ledger.verify.SavedHead;
import dev.consilium.ledger.verify.VerificationFailure;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code consilium ledger verify}: re-checks a ledger copy from genesis, as {@link LedgerCopyVerifier} does,
 * and prints its head, or the first bad height and what failed there.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Re-check a copy of a ledger offline: every block's height, link, Merkle root, state root and "
            + "signatures, replaying the contracts from genesis; then that the journal reaches the replica's "
            + "newest snapshot, and the saved head given with --expect-head.",
        "Prints the head and exits 0, or prints 'ledger verify: FAILED at height H: what failed' and exits 1."})
final class VerifyCommand extends LedgerCopyCommand {
  @Option(names = "--expect-head", paramLabel = "HEIGHT:HASH", converter = LedgerValues.Head.class,
      description = "A head saved from an earlier check (as this command prints it): the copy must hold that "
          + "block, at that height with that hash.")
  SavedHead expectedHead;

  @Override
  int run(Connection connection, String channel, PrintWriter out) throws LedgerReadException, SQLException {
    LedgerCopyVerifier.Report report;
    try {
      report = new LedgerCopyVerifier(Contracts.standard()).verify(connection, channel, expectedHead);
    } catch (VerificationFailure e) {
      out.println(name() + ": FAILED at " + e.getMessage());
      return 1;
    } catch (LedgerCopyVerifier.EmptyJournalException e) {
      throw StoredBlocks.noBlocks(connection, channel);
    }
    BlockHeader head = report.head();
    out.println(name() + ": OK, channel " + channel + ", " + report.blocks() + " blocks, " + report.entries()
        + " entries");
    out.println("head height    " + head.height());
    out.println("head hash      " + head.hash().toHex());
    out.println("head time      " + BlockText.time(head.timestampMs()));
    out.println("snapshot       " + (report.snapshotHeight().isPresent()
        ? "at height " + report.snapshotHeight().getAsLong() + ", the journal's block" : "none"));
    if (expectedHead != null) {
      out.println("expected head  " + expectedHead + ", on this chain");
    }
    out.println("To check that a later copy extends this one: --expect-head "
        + new SavedHead(head.height(), head.hash()));
    return 0;
  }
}
