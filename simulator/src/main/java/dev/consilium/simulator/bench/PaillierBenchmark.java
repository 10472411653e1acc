package dev.consilium.simulator.bench;

import dev.consilium.mpc.paillier.PackingLayout;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierDecrypter;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPrivateKey;
import dev.consilium.mpc.paillier.PackedCiphertext;
import dev.consilium.mpc.paillier.WrongKeyException;
import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Paillier-2048 side by side: our DJN encryption and CRT decryption, the textbook method (r^n mod n² with a
 * full-length r), and javallier 0.6.0's raw operations (no encoding overhead charged to either side).
 */
@State(Scope.Benchmark)
public class PaillierBenchmark {
  /** Packed encryption: 32-bit values (amounts in cents up to 42 million) summed over up to 1,024 banks. */
  public static final int PACKED_VALUE_BITS = 32;
  public static final int PACKED_MAX_SUMMANDS = 1_024;

  private PaillierEncrypter encrypter;
  private PaillierDecrypter decrypter;
  private BigInteger n;
  private BigInteger nSquared;
  private SecureRandom random;
  private BigInteger plaintext;
  private PaillierCiphertext ciphertext;
  private PaillierCiphertext otherCiphertext;
  private PackingLayout layout;
  private long[] packedValues;
  private com.n1analytics.paillier.PaillierPrivateKey javallierPrivate;
  private com.n1analytics.paillier.PaillierPublicKey javallierPublic;
  private BigInteger javallierCiphertext;
  private BigInteger javallierOtherCiphertext;

  /** Values per packed plaintext at the benchmark's layout. */
  public static int packedSlots() {
    return PackingLayout.maxSlots(PaillierParameters.DEFAULT, PACKED_VALUE_BITS, PACKED_MAX_SUMMANDS);
  }

  @Setup(Level.Trial)
  public void setUp() {
    random = new SecureRandom();
    PaillierPrivateKey key = BenchKeys.paillierKey();
    encrypter = PaillierEncrypter.create(key.publicKey());
    decrypter = PaillierDecrypter.create(key);
    n = key.publicKey().modulus();
    nSquared = key.publicKey().modulusSquared();
    plaintext = new BigInteger(63, random);
    ciphertext = encrypter.encrypt(plaintext);
    otherCiphertext = encrypter.encrypt(new BigInteger(63, random));
    layout = PackingLayout.unsigned(PACKED_VALUE_BITS, PACKED_MAX_SUMMANDS, packedSlots());
    packedValues = random.longs(packedSlots(), 0, 1L << PACKED_VALUE_BITS).toArray();

    // javallier gets the same modulus, given as n and φ(n), so both sides do the same arithmetic.
    BigInteger p = key.p(SecretAccess.get());
    BigInteger q = key.q(SecretAccess.get());
    javallierPublic = new com.n1analytics.paillier.PaillierPublicKey(n);
    javallierPrivate = new com.n1analytics.paillier.PaillierPrivateKey(javallierPublic,
        p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE)));
    javallierCiphertext = javallierPublic.raw_encrypt(plaintext);
    javallierOtherCiphertext = javallierPublic.raw_encrypt(new BigInteger(63, random));
  }

  @Benchmark
  public PaillierCiphertext encryptDjn() {
    return encrypter.encrypt(plaintext);
  }

  @Benchmark
  public BigInteger encryptTextbook() {
    BigInteger r = new BigInteger(n.bitLength(), random).mod(n);
    return plaintext.multiply(n).add(BigInteger.ONE).multiply(r.modPow(n, nSquared)).mod(nSquared);
  }

  @Benchmark
  public BigInteger encryptJavallier() {
    return javallierPublic.raw_encrypt(plaintext);
  }

  @Benchmark
  public PackedCiphertext encryptPacked() {
    return encrypter.encryptPacked(packedValues, layout);
  }

  @Benchmark
  public BigInteger decryptCrt() throws WrongKeyException {
    return decrypter.decrypt(ciphertext);
  }

  @Benchmark
  public BigInteger decryptJavallier() {
    return javallierPrivate.raw_decrypt(javallierCiphertext);
  }

  @Benchmark
  public PaillierCiphertext add() throws WrongKeyException {
    return ciphertext.add(otherCiphertext);
  }

  @Benchmark
  public BigInteger addJavallier() {
    return javallierPublic.raw_add(javallierCiphertext, javallierOtherCiphertext);
  }
}
