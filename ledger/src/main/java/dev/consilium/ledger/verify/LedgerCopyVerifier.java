package dev.consilium.ledger.verify;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.proof.BrokenChainException;
import dev.consilium.ledger.proof.ChainLink;
import dev.consilium.ledger.proof.HeaderChain;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.hash.Sha256Hash;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Verifies one channel's ledger in a database copy (DESIGN §4, "Verification"): every journal row through
 * {@link LedgerVerifier}, then two checks that the rows cannot make on their own, because a journal whose
 * last rows were removed is still a valid chain, only a shorter one:
 *
 * <ul>
 *   <li>the replica's newest snapshot names a head; the journal must hold that block, with that hash;
 *   <li>a head the caller saved earlier ({@link SavedHead}) must be on the chain, at its height with its hash.
 * </ul>
 *
 * <p>Still undetectable: a copy cut back together with every snapshot beyond the cut, checked by someone
 * who saved no head. That is what saved heads are for.
 */
public final class LedgerCopyVerifier {
  private final ContractRegistry registry;
  private final LedgerVerifier verifier;

  public LedgerCopyVerifier(ContractRegistry registry) {
    this.registry = registry;
    this.verifier = new LedgerVerifier(new BlockRules(registry));
  }

  /**
   * Verifies {@code channel}'s ledger through {@code connection}; {@code savedHead} may be null.
   *
   * @throws VerificationFailure naming the first bad height and what failed there
   * @throws EmptyJournalException if the journal holds no row of {@code channel}
   * @throws SQLException or {@link JournalReader.JournalReadException} if the database cannot be read
   */
  public Report verify(Connection connection, String channel, SavedHead savedHead)
      throws VerificationFailure, EmptyJournalException, SQLException {
    // The snapshot first: on a live database the journal only grows while it is read, so a snapshot taken
    // meanwhile cannot make a sound journal look cut short.
    Optional<SnapshotRow> snapshot = SnapshotReader.newest(connection, channel);
    RowTap tap = new RowTap();
    snapshot.ifPresent(s -> tap.keep(s.sequenceNumber() - 1));
    if (savedHead != null) {
      tap.keep(savedHead.height());
    }
    LedgerVerifier.Result result;
    try (JournalReader reader = JournalReader.open(connection, channel)) {
      try {
        result = verifier.verify(tap.over(reader.rows()));
      } catch (VerificationFailure e) {
        if (tap.rowsRead == 0) {
          throw new EmptyJournalException(channel);
        }
        throw e;
      }
    }
    BlockHeader head = result.head();
    if (snapshot.isPresent()) {
      checkSnapshot(snapshot.get(), head, tap);
    }
    if (savedHead != null) {
      checkSavedHead(savedHead, head, tap);
    }
    OptionalLong snapshotHeight = snapshot.map(s -> OptionalLong.of(s.sequenceNumber() - 1))
        .orElse(OptionalLong.empty());
    return new Report(head, result.state(), result.entries(), snapshotHeight);
  }

  /** A copy that verified: its head, the state it leads to, its entries, and its newest snapshot's height. */
  public record Report(BlockHeader head, LedgerState state, long entries, OptionalLong snapshotHeight) {
    /** Blocks from genesis to the head. */
    public long blocks() {
      return head.height() + 1;
    }
  }

  /** The journal holds no row of the channel: a wrong channel name, or not a member's database. */
  public static final class EmptyJournalException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String channel;

    EmptyJournalException(String channel) {
      super("the journal holds no block of channel '" + channel + "'");
      this.channel = channel;
    }

    public String channel() {
      return channel;
    }
  }

  private void checkSnapshot(SnapshotRow snapshot, BlockHeader head, RowTap tap) throws VerificationFailure {
    long height = snapshot.sequenceNumber() - 1;
    if (height < 0) {
      throw new VerificationFailure(0, "the newest snapshot has sequence number " + snapshot.sequenceNumber()
          + ", which names no block");
    }
    if (height > head.height()) {
      throw new VerificationFailure(head.height() + 1, "the journal ends at height " + head.height()
          + ", but the newest snapshot is of height " + height + ": " + missing(head.height() + 1, height)
          + " from the journal");
    }
    if (!ReplicaState.MANIFEST.equals(snapshot.manifest())) {
      throw new VerificationFailure(height, "the snapshot's manifest is '" + snapshot.manifest()
          + "', expected '" + ReplicaState.MANIFEST + "'");
    }
    ReplicaState state;
    try {
      state = CanonicalReader.decode(snapshot.payload(), reader -> ReplicaState.read(reader, registry));
    } catch (CanonicalFormatException e) {
      throw new VerificationFailure(height, "the snapshot is malformed: " + e.getMessage());
    }
    if (state.head().height() != height) {
      throw new VerificationFailure(height, "the snapshot with sequence number " + snapshot.sequenceNumber()
          + " holds the head of height " + state.head().height() + ", not " + height);
    }
    Sha256Hash journalHash = tap.header(height).hash();
    if (!state.head().hash().equals(journalHash)) {
      throw new VerificationFailure(height, "the snapshot's head hash " + state.head().hash().toHex()
          + " differs from the journal's block hash " + journalHash.toHex());
    }
  }

  private static void checkSavedHead(SavedHead saved, BlockHeader head, RowTap tap) throws VerificationFailure {
    if (saved.height() > head.height()) {
      throw new VerificationFailure(head.height() + 1, "the copy ends at height " + head.height()
          + ", below the saved head " + saved + ": it is older than the saved head, or "
          + missing(head.height() + 1, saved.height()));
    }
    // Every link from the saved height up to the head passed BlockRules above; what is left to check is
    // that the saved head itself is the block this chain holds at its height.
    try {
      HeaderChain.extendsHead(saved.height(), saved.hash(), List.of(new HeaderLink(tap.header(saved.height()))));
    } catch (BrokenChainException e) {
      String prefix = "height " + e.height() + ": ";
      String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
      throw new VerificationFailure(e.height(), "the saved head " + saved + " is not on this chain: " + problem);
    }
  }

  private static String missing(long from, long to) {
    return from == to ? "block " + from + " is missing" : "blocks " + from + " to " + to + " are missing";
  }

  /** A block header as a link of {@link HeaderChain}; its hash is computed from its contents. */
  private record HeaderLink(BlockHeader header) implements ChainLink {
    @Override
    public long height() {
      return header.height();
    }

    @Override
    public Sha256Hash previousHash() {
      return header.previousHash();
    }

    @Override
    public Sha256Hash hash() {
      return header.hash();
    }
  }

  /**
   * Passes the journal rows on to the verifier, counting them and keeping the rows of a few heights, so
   * the later checks need no second pass over the journal. Rows are kept by sequence number (height + 1);
   * once the verifier accepted every row, the kept row of a height is that height's verified block.
   */
  private static final class RowTap {
    private final Map<Long, JournalRow> kept = new HashMap<>();
    private long rowsRead;

    void keep(long height) {
      kept.put(height + 1, null);
    }

    Iterator<JournalRow> over(Iterator<JournalRow> rows) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public JournalRow next() {
          JournalRow row = rows.next();
          rowsRead++;
          if (kept.containsKey(row.sequenceNumber())) {
            kept.put(row.sequenceNumber(), row);
          }
          return row;
        }
      };
    }

    /** The header of a verified block at or below the head, kept during the pass. */
    BlockHeader header(long height) {
      JournalRow row = kept.get(height + 1);
      if (row == null) {
        throw new IllegalStateException("the row of height " + height + " was not kept during the pass");
      }
      try {
        return Block.fromBytes(row.payload()).header();
      } catch (CanonicalFormatException e) {
        throw new IllegalStateException("the verified block at height " + height + " no longer decodes", e);
      }
    }
  }
}
