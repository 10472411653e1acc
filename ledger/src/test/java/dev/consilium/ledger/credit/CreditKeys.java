package dev.consilium.ledger.credit;

import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierDecrypter;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierKeyGenerator;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPrivateKey;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;

/** Paillier keys for the credit tests, generated once per test JVM: 2048-bit generation takes seconds. */
final class CreditKeys {
  static final SecureRandom RANDOM = new SecureRandom();
  static final PaillierPrivateKey ASKER = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, RANDOM);
  static final PaillierPrivateKey OTHER = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, RANDOM);

  private CreditKeys() {}

  static PaillierPublicKey askerPublic() {
    return ASKER.publicKey();
  }

  /** E(m mod n) under the asker's key, as bytes; m may be negative (a mask subtracted). */
  static byte[] encrypt(BigInteger m) {
    PaillierPublicKey key = askerPublic();
    return PaillierEncrypter.create(key).encrypt(m.mod(key.modulus())).toBytes();
  }

  static byte[] encrypt(long m) {
    return encrypt(BigInteger.valueOf(m));
  }

  static byte[] encryptUnderOther(long m) {
    return PaillierEncrypter.create(OTHER.publicKey()).encrypt(BigInteger.valueOf(m)).toBytes();
  }

  static BigInteger decrypt(byte[] ciphertext) throws Exception {
    return PaillierDecrypter.create(ASKER).decrypt(PaillierCiphertext.fromBytes(ciphertext, askerPublic()));
  }

  /** Valid-looking bytes under the asker's key whose value is {@code value}, bypassing every check. */
  static byte[] withValue(BigInteger value) {
    byte[] bytes = encrypt(1);
    byte[] raw = value.toByteArray();
    int header = bytes.length - 2 * askerPublic().parameters().modulusBytes();
    java.util.Arrays.fill(bytes, header, bytes.length, (byte) 0);
    int copy = Math.min(raw.length, bytes.length - header);
    System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
    return bytes;
  }
}
