package dev.consilium.simulator.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A bank's results file: one {@link InquiryOutcome} per line, appended and flushed as each inquiry ends, so
 * the driver can count progress while the run goes and nothing written is lost when the process is killed.
 * A last line cut short by a kill is skipped when reading.
 */
final class ResultsFile implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter writer;

  ResultsFile(Path file) {
    try {
      Files.createDirectories(file.getParent());
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the results file " + file, e);
    }
  }

  synchronized void append(InquiryOutcome outcome) {
    try {
      writer.write(JSON.writeValueAsString(outcome));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the results file", e);
    }
  }

  static List<InquiryOutcome> read(Path file) {
    List<InquiryOutcome> outcomes = new ArrayList<>();
    if (!Files.exists(file)) {
      return outcomes;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          outcomes.add(JSON.readValue(line, InquiryOutcome.class));
        } catch (IOException e) {
          // A line cut short by a kill: that inquiry's answer was lost with the process.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the results file " + file, e);
    }
    return outcomes;
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the results file", e);
    }
  }
}
