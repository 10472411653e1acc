package dev.consilium.ledger.features;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.Objects;

/**
 * The payload of {@code register-model}: the task's final model is the one of {@code round}, which early
 * stopping picked (the best, not always the last), named by {@code modelHash} ({@link ModelHash} of that
 * round's digests, which the contract checks). The metadata says how it was found and how good it is: epochs
 * trained, and validation AUC, test AUC and test KS statistic in millionths.
 */
public record ModelRegistration(String taskId, int round, Sha256Hash modelHash, int epochsTrained,
    int validationAucMicros, int testAucMicros, int testKsMicros) implements CanonicalEncodable {
  public ModelRegistration {
    Objects.requireNonNull(modelHash, "modelHash");
    String problem = problem(taskId, round, epochsTrained, validationAucMicros, testAucMicros, testKsMicros);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static ModelRegistration read(CanonicalReader reader) throws CanonicalFormatException {
    String taskId = TaskIds.read(reader);
    int round = reader.readI32();
    Sha256Hash modelHash = Sha256Hash.fromBytes(reader.readFixedBytes(Sha256Hash.LENGTH_BYTES));
    int epochsTrained = reader.readI32();
    int validationAucMicros = reader.readI32();
    int testAucMicros = reader.readI32();
    int testKsMicros = reader.readI32();
    String problem = problem(taskId, round, epochsTrained, validationAucMicros, testAucMicros, testKsMicros);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new ModelRegistration(taskId, round, modelHash, epochsTrained, validationAucMicros, testAucMicros,
        testKsMicros);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(taskId).writeI32(round).writeFixedBytes(modelHash.toByteArray()).writeI32(epochsTrained)
        .writeI32(validationAucMicros).writeI32(testAucMicros).writeI32(testKsMicros);
  }

  private static String problem(String taskId, int round, int epochsTrained, int validationAucMicros,
      int testAucMicros, int testKsMicros) {
    String problem = TaskIds.problem(taskId);
    if (problem != null) {
      return problem;
    }
    if (round < 1 || round > HyperParameters.MAX_EPOCHS) {
      return "the model of task " + taskId + " takes round " + round + "; rounds are 1 to "
          + HyperParameters.MAX_EPOCHS;
    }
    if (epochsTrained < 1 || epochsTrained > HyperParameters.MAX_EPOCHS) {
      return "the model of task " + taskId + " was trained " + epochsTrained + " epochs; a task trains 1 to "
          + HyperParameters.MAX_EPOCHS;
    }
    problem = RoundCommitment.micros("the validation AUC of the model of task " + taskId, validationAucMicros);
    if (problem == null) {
      problem = RoundCommitment.micros("the test AUC of the model of task " + taskId, testAucMicros);
    }
    if (problem == null) {
      problem = RoundCommitment.micros("the test KS of the model of task " + taskId, testKsMicros);
    }
    return problem;
  }
}
