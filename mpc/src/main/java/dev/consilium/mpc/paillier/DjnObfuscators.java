package dev.consilium.mpc.paillier;

import dev.consilium.mpc.hash.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Damgård–Jurik–Nielsen obfuscators: h_s^a mod n² with a short uniform exponent a, computed by fixed-base
 * exponentiation from a precomputed table (one multiplication per byte of a instead of a full r^n).
 *
 * <p>h is derived from n by hashing (h = −x² mod n, x = H(n) mod n) rather than chosen by the key owner,
 * so an encrypting party need not trust anyone's choice of h_s: a key owner who could pick h_s = 1 would
 * make every ciphertext under its key readable by anyone. h_s = h^n mod n² then generates a large subgroup
 * of the n-th residues. The security assumption this rests on is stated in {@link PaillierParameters}.
 *
 * <p>Building the table costs about (exponent bytes × 255) multiplications mod n² and a few MB per key;
 * keep one instance per key and share it: it is immutable and thread-safe. {@link #createWithoutTable}
 * gives the same distribution without the table, for keys used a few times.
 */
public final class DjnObfuscators implements ObfuscatorSource {
  private static final byte[] DOMAIN = "consilium/paillier/djn-h/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int WINDOW_VALUES = 256;

  private final PaillierPublicKey publicKey;
  private final SecureRandom random;
  private final int exponentBytes;
  private final BigInteger hs;
  // table[i][d] = h_s^(d · 256^i) mod n², for each byte position i of the exponent and byte value d ≥ 1;
  // null when every obfuscator is one exponentiation instead.
  private final BigInteger[][] table;

  private DjnObfuscators(PaillierPublicKey publicKey, SecureRandom random, boolean withTable) {
    this.publicKey = publicKey;
    this.random = random;
    this.exponentBytes = publicKey.parameters().shortExponentBits() / 8;
    this.hs = hs(publicKey);
    this.table = withTable ? buildTable(hs, exponentBytes, publicKey.modulusSquared()) : null;
  }

  /** Obfuscators from the fixed-base table: fastest per obfuscator, for a key that encrypts many times. */
  public static DjnObfuscators create(PaillierPublicKey publicKey, SecureRandom random) {
    return new DjnObfuscators(publicKey, random, true);
  }

  /**
   * The same obfuscators without the table: each is one exponentiation h_s^a with the short exponent a
   * (about twice the time of a table lookup chain), and nothing is built up front but h_s. For a key that
   * encrypts only a few times, such as another bank's inquiry key, where the table (about a second and a
   * few MB at 2048 bits) would cost more than it saves.
   */
  public static DjnObfuscators createWithoutTable(PaillierPublicKey publicKey, SecureRandom random) {
    return new DjnObfuscators(publicKey, random, false);
  }

  @Override
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  @Override
  public BigInteger next() {
    byte[] exponent = new byte[exponentBytes];
    random.nextBytes(exponent);
    BigInteger nSquared = publicKey.modulusSquared();
    if (table == null) {
      // The table reads byte i as the digit of 256^i (little-endian); so does this, for the same a.
      byte[] bigEndian = new byte[exponentBytes];
      for (int i = 0; i < exponentBytes; i++) {
        bigEndian[i] = exponent[exponentBytes - 1 - i];
      }
      BigInteger a = new BigInteger(1, bigEndian);
      // An all-zero exponent would leave m in the clear (see below): draw again.
      return a.signum() == 0 ? next() : hs.modPow(a, nSquared);
    }
    BigInteger acc = null;
    for (int i = 0; i < exponentBytes; i++) {
      int digit = exponent[i] & 0xff;
      if (digit == 0) {
        continue;
      }
      BigInteger factor = table[i][digit];
      acc = acc == null ? factor : acc.multiply(factor).mod(nSquared);
    }
    // An all-zero exponent has probability 2^-224; h_s^0 = 1 would leave m in the clear, so draw again.
    return acc == null ? next() : acc;
  }

  /** h_s = (−x² mod n)^n mod n², with x expanded from SHA-256(domain ‖ n ‖ counter). */
  static BigInteger hs(PaillierPublicKey publicKey) {
    BigInteger n = publicKey.modulus();
    BigInteger x = hashToZn(publicKey);
    BigInteger h = x.multiply(x).negate().mod(n);
    return h.modPow(n, publicKey.modulusSquared());
  }

  private static BigInteger hashToZn(PaillierPublicKey publicKey) {
    BigInteger n = publicKey.modulus();
    byte[] nBytes = publicKey.toBytes();
    // 128 extra bits make the reduction mod n statistically uniform.
    int blocks = (publicKey.parameters().modulusBits() + 128 + 255) / 256;
    for (int attempt = 0; ; attempt++) {
      byte[] wide = new byte[blocks * 32];
      for (int b = 0; b < blocks; b++) {
        byte[] block = Sha256.digest(DOMAIN, nBytes, new byte[] {(byte) attempt, (byte) b}).toByteArray();
        System.arraycopy(block, 0, wide, b * 32, 32);
      }
      BigInteger x = new BigInteger(1, wide).mod(n);
      if (x.signum() > 0 && x.gcd(n).equals(BigInteger.ONE)) {
        return x;
      }
      // Only reachable if the hash hit a multiple of p or q: as likely as factoring n by chance.
    }
  }

  private static BigInteger[][] buildTable(BigInteger hs, int exponentBytes, BigInteger nSquared) {
    BigInteger[][] t = new BigInteger[exponentBytes][WINDOW_VALUES];
    BigInteger base = hs;
    for (int i = 0; i < exponentBytes; i++) {
      t[i][1] = base;
      for (int d = 2; d < WINDOW_VALUES; d++) {
        t[i][d] = t[i][d - 1].multiply(base).mod(nSquared);
      }
      base = t[i][WINDOW_VALUES - 1].multiply(base).mod(nSquared);
    }
    return t;
  }

  @Override
  public String toString() {
    return "DjnObfuscators[" + publicKey + ", " + 8 * exponentBytes + "-bit exponents"
        + (table == null ? ", no table]" : "]");
  }
}
