package dev.consilium.simulator.cli.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code consilium ledger show}: the stored blocks, readably; one in full, or a line for each of the last. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
        "Print the blocks of a ledger copy as stored, without checking them (ledger verify does that).",
        "With --height, one block in full: its header fields and a line per entry. Without, a line per block "
            + "for the last " + ShowCommand.LAST_BLOCKS + " blocks, or for every block with --all."})
final class ShowCommand extends LedgerCopyCommand {
  static final int LAST_BLOCKS = 20;

  @Option(names = "--height", paramLabel = "H", description = "Show the block at height H in full.")
  Long height;

  @Option(names = "--all", description = "List every block, not only the last " + LAST_BLOCKS + ".")
  boolean all;

  @Override
  void checkOptions() {
    if (height != null && all) {
      throw usage("--height shows one block and --all lists every block: give one");
    }
    if (height != null && height < 0) {
      throw usage("--height must not be negative, was " + height);
    }
  }

  @Override
  int run(Connection connection, String channel, PrintWriter out) throws LedgerReadException, SQLException {
    StoredBlocks blocks = new StoredBlocks(connection, channel);
    if (height != null) {
      BlockText.details(blocks.at(height)).forEach(out::println);
      return 0;
    }
    long top = blocks.topHeight();
    long from = all ? 0 : Math.max(0, top - (LAST_BLOCKS - 1));
    out.println("channel " + channel + ", highest stored height " + top
        + (from > 0 ? "; the last " + LAST_BLOCKS + " blocks (--all lists every one):" : ":"));
    out.println(BlockText.summaryHeading());
    boolean[] unreadable = {false};
    blocks.forEachFrom(from, stored -> unreadable[0] |= !printSummary(out, stored));
    return unreadable[0] ? 1 : 0;
  }

  /** Prints the row's summary line; false if it holds no block. */
  private static boolean printSummary(PrintWriter out, StoredBlocks.Stored stored) {
    out.println(BlockText.summary(stored));
    return stored.block() != null;
  }
}
