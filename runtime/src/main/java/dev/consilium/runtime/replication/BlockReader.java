package dev.consilium.runtime.replication;

import akka.actor.typed.ActorSystem;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.PersistenceQuery;
import akka.stream.javadsl.Sink;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.replica.BlockAppended;
import dev.consilium.ledger.replica.LedgerReplica;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads committed blocks back from this member's journal for peers that catch up, through the JDBC read
 * journal. Sequence number = height + 1; a gap or a foreign event is a broken journal and fails the read.
 */
final class BlockReader {
  private final ActorSystem<?> system;
  private final String persistenceId;
  private final JdbcReadJournal journal;

  BlockReader(ActorSystem<?> system, String channel) {
    this.system = system;
    this.persistenceId = LedgerReplica.persistenceId(channel).id();
    this.journal = PersistenceQuery.get(system.classicSystem())
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
  }

  /** Blocks {@code fromHeight} onwards: at most {@code maxBlocks}, and stopping once {@code maxBytes} is passed. */
  CompletionStage<List<Block>> read(long fromHeight, long maxBlocks, long maxBytes) {
    long fromSequenceNr = fromHeight + 1;
    return journal.currentEventsByPersistenceId(persistenceId, fromSequenceNr, fromSequenceNr + maxBlocks - 1)
        .runWith(Sink.seq(), system)
        .thenApply(envelopes -> blocks(envelopes, fromHeight, maxBytes));
  }

  private static List<Block> blocks(List<EventEnvelope> envelopes, long fromHeight, long maxBytes) {
    List<Block> blocks = new ArrayList<>(envelopes.size());
    long bytes = 0;
    for (EventEnvelope envelope : envelopes) {
      if (!(envelope.event() instanceof BlockAppended appended)) {
        throw new IllegalStateException("ledger journal holds a " + envelope.event().getClass().getName()
            + " at sequence number " + envelope.sequenceNr());
      }
      Block block = appended.block();
      long expected = fromHeight + blocks.size();
      // Asserted where it is read as where it was written: heights follow the sequence numbers.
      if (block.height() != expected || envelope.sequenceNr() != expected + 1) {
        throw new IllegalStateException("ledger journal has block " + block.height() + " at sequence number "
            + envelope.sequenceNr() + " where block " + expected + " belongs");
      }
      blocks.add(block);
      bytes += block.toCanonicalBytes().length;
      if (bytes >= maxBytes) {
        break;
      }
    }
    return blocks;
  }
}
