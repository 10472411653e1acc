package dev.consilium.roles.features.task;

import dev.consilium.ledger.features.FeatureTask;
import dev.consilium.ledger.features.FeaturesContract;
import dev.consilium.ledger.features.ModelRegistration;
import dev.consilium.ledger.features.RoundCommitment;
import dev.consilium.ledger.features.TaskEnd;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.runtime.ledger.LedgerSubmitter;
import java.util.concurrent.CompletionStage;

/** A task's entries on the {@code features} contract, as its owner (or a party recording a lost owner) puts them. */
public final class TaskRecords {
  private final LedgerSubmitter ledger;

  public TaskRecords(LedgerSubmitter ledger) {
    this.ledger = ledger;
  }

  public CompletionStage<Receipt> register(FeatureTask task) {
    return ledger.submit(FeaturesContract.NAME, FeaturesContract.REGISTER_TASK, task.toCanonicalBytes());
  }

  public CompletionStage<Receipt> commitRound(RoundCommitment commitment) {
    return ledger.submit(FeaturesContract.NAME, FeaturesContract.COMMIT_ROUND, commitment.toCanonicalBytes());
  }

  public CompletionStage<Receipt> registerModel(ModelRegistration model) {
    return ledger.submit(FeaturesContract.NAME, FeaturesContract.REGISTER_MODEL, model.toCanonicalBytes());
  }

  public CompletionStage<Receipt> end(TaskEnd end) {
    return ledger.submit(FeaturesContract.NAME, FeaturesContract.END_TASK, end.toCanonicalBytes());
  }
}
