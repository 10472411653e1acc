package dev.consilium.simulator.bench;

import dev.consilium.mpc.paillier.PaillierKeyGenerator;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPrivateKey;
import dev.consilium.mpc.secret.SecretAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.List;

/**
 * One throwaway Paillier key for a whole benchmark run: generated once by the parent process and read by
 * every forked JVM, so that forks skip key generation and every implementation works on the same modulus.
 * The file is readable by its owner only and deleted when the run ends; the key protects no data.
 */
final class BenchKeys {
  static final String PAILLIER_KEY_PROPERTY = "consilium.bench.paillier-key";

  private BenchKeys() {}

  /** Writes a fresh key's primes to a temporary file and returns its path. */
  static Path writePaillierKey() {
    PaillierPrivateKey key = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, new SecureRandom());
    try {
      Path file = Files.createTempFile("consilium-bench-paillier", ".key",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, List.of(key.p(SecretAccess.get()).toString(16), key.q(SecretAccess.get()).toString(16)),
          StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark key file", e);
    }
  }

  /** The key named by the system property, or a fresh one when the benchmark runs on its own. */
  static PaillierPrivateKey paillierKey() {
    String path = System.getProperty(PAILLIER_KEY_PROPERTY);
    if (path == null) {
      return PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, new SecureRandom());
    }
    try {
      List<String> lines = Files.readAllLines(Path.of(path), StandardCharsets.US_ASCII);
      return PaillierPrivateKey.fromPrimes(PaillierParameters.DEFAULT, new BigInteger(lines.get(0), 16),
          new BigInteger(lines.get(1), 16), SecretAccess.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the benchmark key file " + path, e);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("benchmark key file " + path + " holds no valid key", e);
    }
  }
}
