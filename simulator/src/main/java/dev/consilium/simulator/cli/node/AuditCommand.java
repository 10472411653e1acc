package dev.consilium.simulator.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code consilium audit --node URL}: the regulator's audit, as its observer API serves it. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Print the regulator's audit from its observer API (GET URL/audit): the last block it checked "
        + "itself, whether everything checked holds, and the alarms. Exits 0 when healthy, 1 otherwise.")
public final class AuditCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(names = "--node", required = true, paramLabel = "URL",
      description = "The regulator node's observer, for example http://127.0.0.1:8080")
  String node;

  @Override
  public Integer call() throws InterruptedException {
    URI uri;
    try {
      uri = URI.create(node.replaceAll("/+$", "") + "/audit");
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--node " + node + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
          .send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        err.println("audit: " + uri + " answered " + response.statusCode());
        return 1;
      }
      JsonNode audit = new ObjectMapper().readTree(response.body());
      boolean healthy = audit.get("healthy").asBoolean();
      out.printf("verified height  %d (committed %d)%n", audit.get("verifiedHeight").asLong(),
          audit.get("committedHeight").asLong());
      out.printf("verified hash    %s%n", audit.get("verifiedHash").asText());
      out.printf("state root       %s%n", audit.get("stateRoot").asText());
      out.printf("status           %s%n", healthy ? "healthy" : "ALARM");
      for (JsonNode alarm : audit.get("alarms")) {
        out.printf("alarm at height %d: %s%n", alarm.get("height").asLong(), alarm.get("reason").asText());
      }
      return healthy ? 0 : 1;
    } catch (IOException e) {
      err.println("audit: cannot read " + uri + ": " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
