package dev.consilium.simulator.bench;

import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import dev.consilium.mpc.signature.Ed25519Verify;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Ed25519 over a 256-byte message (about one ledger entry): ours on BouncyCastle, and the JDK's. */
@State(Scope.Benchmark)
public class SignatureBenchmark {
  private byte[] message;
  private Ed25519Sign signer;
  private Ed25519Verify verifier;
  private byte[] signature;
  private Signature jdkSigner;
  private Signature jdkVerifier;
  private byte[] jdkSignature;

  @Setup(Level.Trial)
  public void setUp() throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    message = new byte[256];
    random.nextBytes(message);
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
    signer = Ed25519Sign.create(key);
    verifier = Ed25519Verify.create(key.publicKey());
    signature = signer.sign(message);

    KeyPair jdkKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    jdkSigner = Signature.getInstance("Ed25519");
    jdkSigner.initSign(jdkKey.getPrivate());
    jdkVerifier = Signature.getInstance("Ed25519");
    jdkVerifier.initVerify(jdkKey.getPublic());
    jdkSigner.update(message);
    jdkSignature = jdkSigner.sign();
  }

  @Benchmark
  public byte[] signBouncyCastle() {
    return signer.sign(message);
  }

  @Benchmark
  public void verifyBouncyCastle() throws GeneralSecurityException {
    verifier.verify(signature, message);
  }

  @Benchmark
  public byte[] signJdk() throws GeneralSecurityException {
    jdkSigner.update(message);
    return jdkSigner.sign();
  }

  @Benchmark
  public boolean verifyJdk() throws GeneralSecurityException {
    jdkVerifier.update(message);
    if (!jdkVerifier.verify(jdkSignature)) {
      throw new IllegalStateException("JDK Ed25519 signature did not verify");
    }
    return true;
  }
}
