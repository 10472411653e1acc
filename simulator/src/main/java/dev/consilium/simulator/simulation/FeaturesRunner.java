package dev.consilium.simulator.simulation;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.pattern.StatusReply;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.ledger.features.FeatureTask;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.roles.features.owner.ScoreReport;
import dev.consilium.roles.features.owner.TaskOwner;
import dev.consilium.roles.features.owner.TaskReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's part of a feature-learning simulation, in the owner's process: once the driver gives the start
 * signal it trains the task the driver wrote (its registration's canonical bytes) on this member's table, and
 * writes the {@link FeaturesResult} for the driver.
 */
final class FeaturesRunner implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(FeaturesRunner.class);
  private static final long POLL_MS = 100;

  private final ActorSystem<?> system;
  private final ActorRef<TaskOwner.Command> owner;
  private final Path taskFile;
  private final Path table;
  private final Path scoreTable;
  private final Path go;
  private final Path resultFile;
  private final boolean plainBaseline;
  private final Duration timeout;
  private volatile boolean finished;

  FeaturesRunner(ActorSystem<?> system, ActorRef<TaskOwner.Command> owner, Path taskFile, Path table,
      Path scoreTable, Path go, Path resultFile, boolean plainBaseline, Duration timeout) {
    this.system = system;
    this.owner = owner;
    this.taskFile = taskFile;
    this.table = table;
    this.scoreTable = scoreTable;
    this.go = go;
    this.resultFile = resultFile;
    this.plainBaseline = plainBaseline;
    this.timeout = timeout;
  }

  boolean finished() {
    return finished;
  }

  @Override
  public void run() {
    try {
      long startMs = startSignal();
      Thread.sleep(Math.max(0, startMs - System.currentTimeMillis()));
      FeatureTask task = CanonicalReader.decode(Files.readAllBytes(taskFile), FeatureTask::read);
      FeatureTable ownerTable = FeatureTable.read(table);
      TaskReport report = AskPattern.<TaskOwner.Command, StatusReply<TaskReport>>ask(owner,
          replyTo -> new TaskOwner.Train(task, ownerTable, plainBaseline, replyTo), timeout, system.scheduler())
          .toCompletableFuture().get().getValue();
      FeaturesResult result = result(report);
      if (report.completed() && Files.exists(scoreTable)) {
        result = score(task.taskId(), result);
      }
      write(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | CanonicalFormatException | RuntimeException | java.util.concurrent.ExecutionException e) {
      LOG.error("The feature-learning task failed to run", e);
      try {
        write(new FeaturesResult("failed", String.valueOf(e.getMessage()), List.of(), List.of(), 0, new int[0],
            new double[0], Double.NaN, Double.NaN, 0, 0, 0, List.of(), new double[0], 0, null));
      } catch (IOException written) {
        LOG.error("Cannot write {}", resultFile, written);
      }
    } finally {
      finished = true;
    }
  }

  /** The start time the driver writes; read again while the file is missing or still being written. */
  private long startSignal() throws InterruptedException {
    while (true) {
      try {
        if (Files.exists(go)) {
          return Long.parseLong(Files.readString(go).strip());
        }
      } catch (IOException | NumberFormatException e) {
        // being written: read it next round
      }
      Thread.sleep(POLL_MS);
    }
  }

  private static FeaturesResult result(TaskReport report) {
    List<FeaturesResult.Round> rounds = new ArrayList<>();
    for (TaskReport.RoundStat round : report.rounds()) {
      rounds.add(new FeaturesResult.Round(round.round(), round.millis(), round.validationAuc()));
    }
    return new FeaturesResult(report.outcome().wireName(), report.reason(), report.alignedIds(), rounds,
        report.finalRound(), report.testRows(), report.testScores(), report.testAuc(), report.testKs(),
        report.resumes(), report.alignMs(), report.totalMs(), List.of(), new double[0], 0, null);
  }

  /** Inference: the new rows, scored with the registered model through the same path as training. */
  private FeaturesResult score(String taskId, FeaturesResult trained) {
    try {
      FeatureTable rows = FeatureTable.read(scoreTable);
      ScoreReport scores = AskPattern.<TaskOwner.Command, StatusReply<ScoreReport>>ask(owner,
          replyTo -> new TaskOwner.Score(taskId, rows, replyTo), timeout, system.scheduler())
          .toCompletableFuture().get().getValue();
      return trained.withScores(scores.ids(), scores.scores(), scores.totalMs(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return trained.withScores(List.of(), new double[0], 0, "interrupted");
    } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
      LOG.error("Scoring new rows failed", e);
      return trained.withScores(List.of(), new double[0], 0, String.valueOf(e.getMessage()));
    }
  }

  private void write(FeaturesResult result) throws IOException {
    Path tmp = resultFile.resolveSibling(resultFile.getFileName() + ".tmp");
    Files.createDirectories(resultFile.getParent());
    Files.write(tmp, new ObjectMapper().writeValueAsBytes(result));
    Files.move(tmp, resultFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
