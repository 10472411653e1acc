package dev.consilium.simulator.bench;

import dev.consilium.mpc.psi.Curve25519HashToCurve;
import dev.consilium.mpc.psi.PsiBlindingKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The two steps of ECDH PSI per element: hash an identifier to Curve25519, blind it by X25519. */
@State(Scope.Benchmark)
public class PsiBenchmark {
  private Curve25519HashToCurve hashToCurve;
  private PsiBlindingKey key;
  private byte[] identifier;
  private byte[] point;

  @Setup(Level.Trial)
  public void setUp() {
    SecureRandom random = new SecureRandom();
    hashToCurve = Curve25519HashToCurve.randomOracle(
        "CONSILIUM-BENCH-V01-CS02-with-curve25519_XMD:SHA-512_ELL2_RO_".getBytes(StandardCharsets.US_ASCII));
    key = PsiBlindingKey.generate(random);
    identifier = "customer-000000000042".getBytes(StandardCharsets.US_ASCII);
    point = hashToCurve.hashToCurve(identifier);
  }

  @Benchmark
  public byte[] hashToCurve() {
    return hashToCurve.hashToCurve(identifier);
  }

  @Benchmark
  public byte[] blindX25519() throws GeneralSecurityException {
    return key.blind(point);
  }
}
