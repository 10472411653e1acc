package dev.consilium.simulator.cli;

import dev.consilium.ledger.credit.OpenInquiry;
import dev.consilium.simulator.bench.CreditBench;
import dev.consilium.simulator.bench.CryptoBench;
import dev.consilium.simulator.bench.FeaturesBench;
import dev.consilium.simulator.bench.LedgerBench;
import dev.consilium.simulator.bench.ReplicatedLedgerBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code consilium bench ...}: benchmark suites, each printed as a table with the ratios the issues set. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run benchmarks and compare them with their baselines, measured in the same run.",
    subcommands = {BenchCommand.Crypto.class, BenchCommand.Ledger.class, BenchCommand.Credit.class,
        BenchCommand.Features.class, BenchCommand.Psi.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark suite: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  @Command(
      name = "crypto",
      mixinStandardHelpOptions = true,
      description = "Benchmark the mpc cryptography against its baselines (Paillier: DJN, textbook and "
          + "javallier; seed-compressed sharing: raw AES-CTR and SecureRandom masks; Ed25519: BouncyCastle and "
          + "JDK; X25519 blinding; hash-to-curve). Exits 1 if a target ratio is missed.")
  static final class Crypto implements Callable<Integer> {
    @Option(names = "--quick", description = "Short warm-up and measurement: finishes in under two minutes.")
    boolean quick;

    @Option(names = "--include", paramLabel = "REGEX",
        description = "Run only the benchmarks whose name matches REGEX (targets whose inputs did not run are skipped).")
    String include;

    @Override
    public Integer call() throws Exception {
      return CryptoBench.run(quick, include, System.out);
    }
  }

  @Command(
      name = "ledger",
      mixinStandardHelpOptions = true,
      description = "Benchmark one ledger replica and its block builder on an H2 file: committed entries/s from "
          + "8 client threads against the Ed25519 verification rate of one thread (target >= 0.70), latency "
          + "at half the peak rate, and recovery of 100,000 entries with and without a snapshot. Exits 1 if "
          + "the target is missed or an entry fails.")
  static final class Ledger implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--quick", description = "Shorter phases (and a 20,000-entry journal): finishes in about two minutes.")
    boolean quick;

    @Option(names = "--replicas", paramLabel = "N",
        description = "Instead: N validator members (2 to 7) in N ActorSystems over loopback Artery with mutual "
            + "TLS; committed entries/s against the signature-check bound (cores x one thread's Ed25519 "
            + "verification rate / (N + 1); target >= 0.50), latency at half the peak, and the failover time.")
    Integer replicas;

    @Override
    public Integer call() throws Exception {
      if (replicas == null) {
        return LedgerBench.run(quick, System.out);
      }
      if (replicas < 2 || replicas > 7) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--replicas must be 2 to 7, was " + replicas);
      }
      return ReplicatedLedgerBench.run(replicas, quick, System.out);
    }
  }

  @Command(
      name = "credit",
      mixinStandardHelpOptions = true,
      description = "Benchmark joint credit inquiries end to end: 4 banks and a regulator, one JVM each, offered "
          + "more inquiries than they can answer. Inquiries/s and p99 latency, against the cryptographic bound "
          + "(cores / the CPU time of one inquiry's masks, encryptions, additions and decryption; target >= 0.50) "
          + "and against the seed article's naive design run the same way (textbook Paillier, no masks, one "
          + "entry per block; target >= 3x). With --batch B, a third run of inquiries of B customers each "
          + "(Paillier packing): the cost per customer against single inquiries' (target >= 20x lower). Exits 1 "
          + "if a target is missed or a run fails its checks.")
  static final class Credit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--inquiries", paramLabel = "K", defaultValue = "150",
        description = "Inquiries per run (default: ${DEFAULT-VALUE}).")
    int inquiries;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "30",
        description = "Inquiries offered per second, more than the system answers (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--deadline-ms", paramLabel = "MS", defaultValue = "120000",
        description = "Each inquiry's deadline, long enough for the queue (default: ${DEFAULT-VALUE}).")
    long deadlineMs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1",
        description = "Also run inquiries of B customers each, 1 to 1000 (default: ${DEFAULT-VALUE}: no batch run).")
    int batch;

    @Option(names = "--batch-inquiries", paramLabel = "K", defaultValue = "12",
        description = "Inquiries in the batch run (default: ${DEFAULT-VALUE}).")
    int batchInquiries;

    @Override
    public Integer call() throws Exception {
      if (inquiries < 10 || rate <= 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--inquiries must be at least 10 and --rate "
            + "positive");
      }
      if (batch < 1 || batch > OpenInquiry.MAX_CUSTOMERS || batchInquiries < 2) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be 1 to "
            + OpenInquiry.MAX_CUSTOMERS + " and --batch-inquiries at least 2");
      }
      return CreditBench.run(inquiries, rate, deadlineMs, batch, batchInquiries, System.out);
    }
  }

  @Command(
      name = "features",
      mixinStandardHelpOptions = true,
      description = "Benchmark shared feature learning on the credit data (all 30,000 rows by default): the time "
          + "per epoch of the secret-shared pipeline against the same pipeline without protection (holders send "
          + "their plaintext Z_i to the owner over the same transport), one JVM per member, in one run; target: at "
          + "most 2x its time. Takes the options of simulate features. Exits 1 if the target is missed or a run "
          + "fails its checks.")
  static final class Features implements Callable<Integer> {
    @CommandLine.Mixin SimulateFeaturesCommand simulation;

    @Override
    public Integer call() throws Exception {
      return FeaturesBench.epochs(simulation.plan(Optional.of(false)), System.out);
    }
  }

  @Command(
      name = "psi",
      mixinStandardHelpOptions = true,
      description = "Benchmark private set intersection: N x N synthetic ids (half in common) aligned between the "
          + "owner's and the holder's JVMs of a feature-learning consortium; rows/s per core (target >= 4,000, "
          + "counting both parties' rows). Exits 1 if the target is missed or the intersection is wrong.")
  static final class Psi implements Callable<Integer> {
    @Option(names = "--ids", paramLabel = "N", defaultValue = "100000",
        description = "Ids per party (default: ${DEFAULT-VALUE}).")
    int ids;

    @Override
    public Integer call() throws Exception {
      Path root = Files.createTempDirectory("consilium-bench-psi-");
      return FeaturesBench.psi(ids, root, System.out);
    }
  }
}
