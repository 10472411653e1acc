package dev.consilium.mpc.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.util.encoders.Hex;
import org.junit.Test;

public class PsiBlindingKeyTest {
  private record Vector(String source, String scalar, String u, String result) {}

  private static final List<Vector> X25519_VECTORS = List.of(
      // RFC 7748 §5.2, first test vector
      new Vector("RFC 7748 §5.2 #1",
          "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
          "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
          "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
      // RFC 7748 §5.2, second test vector (the input's top bit is set and must be ignored)
      new Vector("RFC 7748 §5.2 #2",
          "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
          "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
          "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"));

  /** RFC 7748 §6.1: Alice's and Bob's private keys, public keys and shared secret. */
  private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  private static final String SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
  private static final String BASE_POINT = "0900000000000000000000000000000000000000000000000000000000000000";

  /** u-coordinates of points of order 1, 2, 4 and 8, and non-canonical encodings of them. */
  private static final List<String> LOW_ORDER_POINTS = List.of(
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

  private static final Curve25519HashToCurve SUITE =
      Curve25519HashToCurve.randomOracle("consilium-psi-test-v1".getBytes(StandardCharsets.US_ASCII));

  @Test
  public void blind_rfc7748Vectors_match() throws GeneralSecurityException {
    List<String> failures = new ArrayList<>();
    for (Vector v : X25519_VECTORS) {
      String actual = Hex.toHexString(key(v.scalar()).blind(Hex.decode(v.u())));
      if (!actual.equals(v.result())) {
        failures.add(v.source() + ": expected " + v.result() + " but was " + actual);
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void blind_rfc7748DiffieHellman_commutes() throws GeneralSecurityException {
    PsiBlindingKey alice = key(ALICE_PRIVATE);
    PsiBlindingKey bob = key(BOB_PRIVATE);
    byte[] base = Hex.decode(BASE_POINT);
    assertEquals(ALICE_PUBLIC, Hex.toHexString(alice.blind(base)));
    assertEquals(BOB_PUBLIC, Hex.toHexString(bob.blind(base)));
    assertEquals(SHARED, Hex.toHexString(alice.blind(bob.blind(base))));
    assertEquals(SHARED, Hex.toHexString(bob.blind(alice.blind(base))));
  }

  @Test
  public void blind_hashedPoints_commuteAndStayDistinct() throws GeneralSecurityException {
    Random random = new Random(42L);
    PsiBlindingKey a = randomKey(random);
    PsiBlindingKey b = randomKey(random);
    List<byte[]> items = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      byte[] item = new byte[16];
      random.nextBytes(item);
      items.add(item);
    }
    List<byte[]> points = SUITE.hashToCurveAll(items);
    List<byte[]> ab = a.blindAll(b.blindAll(points));
    List<byte[]> ba = b.blindAll(a.blindAll(points));
    List<String> failures = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < points.size(); i++) {
      String abHex = Hex.toHexString(ab.get(i));
      if (!abHex.equals(Hex.toHexString(ba.get(i)))) {
        failures.add("item " + i + ": a(b(P)) = " + abHex + " but b(a(P)) = " + Hex.toHexString(ba.get(i)));
      }
      distinct.add(abHex);
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
    assertEquals(points.size(), distinct.size());
  }

  @Test
  public void blind_differentKeys_giveDifferentPoints() throws GeneralSecurityException {
    Random random = new Random(43L);
    byte[] point = SUITE.hashToCurve("alice@example.com".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(Hex.toHexString(randomKey(random).blind(point)), Hex.toHexString(randomKey(random).blind(point)));
  }

  @Test
  public void blind_wrongLength_throws() {
    PsiBlindingKey key = PsiBlindingKey.generate(new SecureRandom());
    GeneralSecurityException shorter = assertThrows(GeneralSecurityException.class, () -> key.blind(new byte[31]));
    assertTrue(shorter.getMessage(), shorter.getMessage().contains("32-byte u-coordinate, was 31 bytes"));
    GeneralSecurityException longer = assertThrows(GeneralSecurityException.class, () -> key.blind(new byte[33]));
    assertTrue(longer.getMessage(), longer.getMessage().contains("was 33 bytes"));
  }

  @Test
  public void blind_null_throws() {
    PsiBlindingKey key = PsiBlindingKey.generate(new SecureRandom());
    NullPointerException e = assertThrows(NullPointerException.class, () -> key.blind(null));
    assertTrue(e.getMessage(), e.getMessage().contains("uCoordinate"));
  }

  @Test
  public void blind_lowOrderPoint_throws() {
    PsiBlindingKey key = PsiBlindingKey.generate(new SecureRandom());
    List<String> failures = new ArrayList<>();
    for (String lowOrder : LOW_ORDER_POINTS) {
      try {
        key.blind(Hex.decode(lowOrder));
        failures.add(lowOrder + ": accepted");
      } catch (GeneralSecurityException e) {
        if (!e.getMessage().contains("low-order point")) {
          failures.add(lowOrder + ": message does not name the cause: " + e.getMessage());
        }
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void fromScalar_wrongLength_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PsiBlindingKey.fromScalar(SecretBytes.copyFrom(new byte[31], SecretAccess.get())));
    assertTrue(e.getMessage(), e.getMessage().contains("32 bytes, was 31 bytes"));
  }

  @Test
  public void toString_doesNotRevealScalar() {
    PsiBlindingKey key = key(ALICE_PRIVATE);
    String text = key.toString();
    assertFalse(text, text.contains(ALICE_PRIVATE));
    assertFalse(text, text.contains(ALICE_PRIVATE.substring(0, 8)));
    assertTrue(text, text.contains("redacted"));
    assertFalse(key.scalar().toString().contains(ALICE_PRIVATE.substring(0, 8)));
  }

  @Test
  public void generate_givesFreshScalars() {
    SecureRandom random = new SecureRandom();
    assertFalse(PsiBlindingKey.generate(random).scalar().equalsSecretBytes(PsiBlindingKey.generate(random).scalar()));
    assertEquals(32, PsiBlindingKey.generate(random).scalar().size());
  }

  private static PsiBlindingKey key(String scalarHex) {
    return PsiBlindingKey.fromScalar(SecretBytes.copyFrom(Hex.decode(scalarHex), SecretAccess.get()));
  }

  /** A key from a seeded generator, so that property tests repeat exactly. */
  static PsiBlindingKey randomKey(Random random) {
    byte[] scalar = new byte[32];
    random.nextBytes(scalar);
    return PsiBlindingKey.fromScalar(SecretBytes.copyFrom(scalar, SecretAccess.get()));
  }
}
