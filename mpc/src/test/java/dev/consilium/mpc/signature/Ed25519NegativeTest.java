package dev.consilium.mpc.signature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.Test;

public class Ed25519NegativeTest {
  private static final HexFormat HEX = HexFormat.of();
  /** Order of the Ed25519 base point, RFC 8032 §5.1 ("L"). */
  private static final BigInteger GROUP_ORDER =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private final Ed25519PrivateKey key = keyFromSeedByte(1);
  private final Ed25519PrivateKey otherKey = keyFromSeedByte(2);
  private final byte[] message = "ledger entry 42".getBytes(StandardCharsets.UTF_8);
  private final byte[] signature = Ed25519Sign.create(key).sign(message);
  private final Ed25519Verify verifier = Ed25519Verify.create(key.publicKey());

  @Test
  public void verify_tamperedSignature_throws() {
    for (int index : new int[] {0, 31, 32, 63}) { // first and last byte of R, then of S
      byte[] tampered = signature.clone();
      tampered[index] ^= 0x01;
      SignatureException e = assertThrows(SignatureException.class, () -> verifier.verify(tampered, message));
      assertTrue(e.getMessage(), e.getMessage().contains("does not verify"));
      assertTrue(e.getMessage(), e.getMessage().contains(key.publicKey().fingerprint()));
    }
  }

  /** S + L is the same residue as S; accepting it would let anyone make a second valid signature. */
  @Test
  public void verify_signatureWithScalarPlusGroupOrder_throws() {
    byte[] malleated = signature.clone();
    BigInteger s = littleEndianToInteger(malleated, 32, 32);
    byte[] sPlusL = integerToLittleEndian(s.add(GROUP_ORDER), 32);
    System.arraycopy(sPlusL, 0, malleated, 32, 32);
    SignatureException e = assertThrows(SignatureException.class, () -> verifier.verify(malleated, message));
    assertTrue(e.getMessage(), e.getMessage().contains(key.publicKey().fingerprint()));
  }

  @Test
  public void verify_tamperedMessage_throws() {
    byte[] tampered = message.clone();
    tampered[tampered.length - 1] ^= 0x01;
    SignatureException e = assertThrows(SignatureException.class, () -> verifier.verify(signature, tampered));
    assertTrue(e.getMessage(), e.getMessage().contains("does not verify"));
    assertTrue(e.getMessage(), e.getMessage().contains(key.publicKey().fingerprint()));
  }

  @Test
  public void verify_wrongKey_throws() {
    Ed25519Verify wrong = Ed25519Verify.create(otherKey.publicKey());
    SignatureException e = assertThrows(SignatureException.class, () -> wrong.verify(signature, message));
    assertTrue(e.getMessage(), e.getMessage().contains(otherKey.publicKey().fingerprint()));
  }

  @Test
  public void verify_wrongLengthSignature_throws() {
    for (int length : new int[] {0, 63, 65, 128}) {
      byte[] wrongLength = Arrays.copyOf(signature, length);
      SignatureException e = assertThrows(SignatureException.class, () -> verifier.verify(wrongLength, message));
      assertTrue(e.getMessage(), e.getMessage().contains("64 bytes, was " + length));
      assertTrue(e.getMessage(), e.getMessage().contains(key.publicKey().fingerprint()));
    }
  }

  @Test
  public void publicKey_invalidEncoding_throws() {
    List<String> invalid = List.of(
        "0100000000000000000000000000000000000000000000000000000000000000", // the identity point
        "0000000000000000000000000000000000000000000000000000000000000000", // y = 0: a point of order 4
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // a point of order 8
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p: not canonical
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"); // y > p: not canonical
    for (String hex : invalid) {
      InvalidKeyException e = assertThrows(InvalidKeyException.class,
          () -> Ed25519PublicKey.fromBytes(HEX.parseHex(hex)));
      assertTrue(e.getMessage(), e.getMessage().contains("invalid Ed25519 public key encoding " + hex));
      assertTrue(e.getMessage(), e.getMessage().contains("prime-order subgroup"));
    }
  }

  @Test
  public void publicKey_wrongLength_throws() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> Ed25519PublicKey.fromBytes(new byte[31]));
    assertTrue(e.getMessage(), e.getMessage().contains("32 bytes, was 31"));
  }

  @Test
  public void privateKey_wrongSeedLength_throws() {
    SecretBytes shortSeed = SecretBytes.copyFrom(new byte[31], SecretAccess.get());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ed25519PrivateKey.fromSeed(shortSeed));
    assertTrue(e.getMessage(), e.getMessage().contains("32 bytes, was 31"));
  }

  @Test
  public void publicKey_parsedFromDerivedBytes_equalsDerivedKey() throws Exception {
    Ed25519PublicKey parsed = Ed25519PublicKey.fromBytes(key.publicKey().toByteArray());
    assertEquals(key.publicKey(), parsed);
    assertEquals(key.publicKey().hashCode(), parsed.hashCode());
    assertEquals(key.publicKey().toString(), parsed.toString());
    assertNotEquals(key.publicKey(), otherKey.publicKey());
    assertEquals(16, parsed.fingerprint().length());
  }

  @Test
  public void privateKey_equals_comparesSeeds() {
    assertEquals(key, keyFromSeedByte(1));
    assertNotEquals(key, otherKey);
  }

  private static Ed25519PrivateKey keyFromSeedByte(int b) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) b);
    return Ed25519PrivateKey.fromSeed(SecretBytes.copyFrom(seed, SecretAccess.get()));
  }

  private static BigInteger littleEndianToInteger(byte[] bytes, int offset, int length) {
    byte[] bigEndian = new byte[length];
    for (int i = 0; i < length; i++) {
      bigEndian[i] = bytes[offset + length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static byte[] integerToLittleEndian(BigInteger value, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = value.shiftRight(8 * i).byteValue();
    }
    return out;
  }
}
