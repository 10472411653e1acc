package dev.consilium.roles.features.model;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

public class SettingsTest {
  private static final TrainingSettings BASE = TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC);

  @Test
  public void defaults_areValidForBothKinds() {
    for (ModelSpec.Kind kind : ModelSpec.Kind.values()) {
      TrainingSettings settings = TrainingSettings.defaults(kind);
      assertEquals(100, settings.validationPermille());
      assertEquals(200, settings.testPermille());
      assertEquals(0, settings.l2(), 0);
      assertEquals(kind, ModelSpec.defaults(kind).kind());
    }
    assertEquals(ModelSpec.DEFAULT_HIDDEN_UNITS, ModelSpec.defaults(ModelSpec.Kind.MLP).outputWidth());
  }

  @Test
  public void badTrainingSettings_nameTheSettingAndTheValue() {
    List<String> failures = new ArrayList<>();
    expect(failures, "learningRate must be in (0, 10.0], was -0.1", () -> BASE.withLearningRate(-0.1));
    expect(failures, "learningRate must be in (0, 10.0], was 0.0", () -> BASE.withLearningRate(0));
    expect(failures, "learningRate must be in (0, 10.0], was NaN", () -> BASE.withLearningRate(Double.NaN));
    expect(failures, "batchSize must be in [1, 65536], was 0", () -> BASE.withBatchSize(0));
    expect(failures, "batchSize must be in [1, 65536], was -5", () -> BASE.withBatchSize(-5));
    expect(failures, "batchSize must be in [1, 65536], was 65537", () -> BASE.withBatchSize(65_537));
    expect(failures, "maxEpochs must be in [1, 10000], was -1", () -> BASE.withEpochs(-1, 3));
    expect(failures, "patience must be in [1, 10000], was 0", () -> BASE.withEpochs(10, 0));
    expect(failures, "validationPermille must be in [0, 900], was -1", () -> BASE.withSplit(-1, 200));
    expect(failures, "testPermille must be in [1, 900], was 0", () -> BASE.withSplit(100, 0));
    expect(failures, "testPermille must be in [1, 900], was -200", () -> BASE.withSplit(100, -200));
    expect(failures, "validationPermille + testPermille must leave at least 100‰ for training, were 500 + 401",
        () -> BASE.withSplit(500, 401));
    expect(failures, "l2 must be in [0, 10.0], was -0.01", () -> BASE.withL2(-0.01));
    assertEquals(List.of(), failures);
  }

  @Test
  public void badModelSpecs_nameTheSetting() {
    List<String> failures = new ArrayList<>();
    expect(failures, "outputWidth of a logistic model must be 1, was 2",
        () -> new ModelSpec(ModelSpec.Kind.LOGISTIC, 2));
    expect(failures, "outputWidth must be in [1, 256], was 0", () -> ModelSpec.mlp(0));
    expect(failures, "outputWidth must be in [1, 256], was -3", () -> ModelSpec.mlp(-3));
    expect(failures, "outputWidth must be in [1, 256], was 257", () -> ModelSpec.mlp(257));
    expect(failures, "model kind must be given", () -> new ModelSpec(null, 1));
    expect(failures, "model kind must be 'logistic' or 'mlp', was 'tree'", () -> ModelSpec.Kind.fromName("tree"));
    assertEquals(List.of(), failures);
    assertEquals(ModelSpec.Kind.MLP, ModelSpec.Kind.fromName("MLP"));
    assertEquals("logistic", ModelSpec.Kind.LOGISTIC.label());
  }

  @Test
  public void zeroValidation_isAllowed() {
    assertEquals(0, BASE.withSplit(0, 200).validationPermille());
  }

  /** Collects, rather than stops at, each case whose message differs, so one run shows them all. */
  private static void expect(List<String> failures, String message, ThrowingRunnable action) {
    try {
      action.run();
      failures.add("accepted; expected: " + message);
    } catch (IllegalArgumentException e) {
      if (!message.equals(e.getMessage())) {
        failures.add("'" + e.getMessage() + "' instead of '" + message + "'");
      }
    } catch (Throwable t) {
      failures.add(t + " instead of '" + message + "'");
    }
  }
}
