package dev.consilium.ledger.identity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519PublicKey;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.Test;

/** DIDs: derived deterministically from a key, parsed strictly, encoded canonically. */
public class DidTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 §7.1 TEST 1 public key. */
  private static final String RFC8032_TEST1_PUBLIC_KEY =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  /** Its DID, computed outside this code base (Python: hashlib.sha256, then big-integer base58btc). */
  private static final String RFC8032_TEST1_DID = "did:consilium:3HhGPB6ht33n51YFaocqBtGePb3xqT4VgnjYbd81eeZW";

  @Test
  public void of_rfc8032Key_matchesIndependentComputation() throws InvalidKeyException {
    Did did = Did.of(rfc8032Key());
    assertEquals(RFC8032_TEST1_DID, did.value());
    assertEquals(RFC8032_TEST1_DID, did.toString());
    assertArrayEquals(sha256(HEX.parseHex(RFC8032_TEST1_PUBLIC_KEY)), did.keyHash().toByteArray());
  }

  @Test
  public void of_sameKeyTwice_equalDids() throws InvalidKeyException {
    assertEquals(Did.of(rfc8032Key()), Did.of(rfc8032Key()));
    assertEquals(Did.of(rfc8032Key()).hashCode(), Did.of(rfc8032Key()).hashCode());
  }

  @Test
  public void of_differentKeys_differentDids() {
    SecureRandom random = seededRandom(7);
    Did first = Did.of(Ed25519PrivateKey.generate(random).publicKey());
    Did second = Did.of(Ed25519PrivateKey.generate(random).publicKey());
    assertNotEquals(first, second);
  }

  @Test
  public void parse_toStringOfRandomKeys_roundTrips() {
    SecureRandom random = seededRandom(11);
    for (int i = 0; i < 200; i++) {
      Ed25519PublicKey key = Ed25519PrivateKey.generate(random).publicKey();
      Did did = Did.of(key);
      Did parsed = Did.parse(did.toString());
      assertEquals(did, parsed);
      assertEquals(did.keyHash(), parsed.keyHash());
      assertTrue(parsed.matches(key));
      assertTrue(did.value().length() <= Did.MAX_LENGTH_CHARS);
    }
  }

  @Test
  public void matches_otherKey_false() throws InvalidKeyException {
    Did did = Did.of(rfc8032Key());
    assertTrue(did.matches(rfc8032Key()));
    assertFalse(did.matches(Ed25519PrivateKey.generate(seededRandom(3)).publicKey()));
  }

  @Test
  public void compareTo_ordersByString() {
    Did a = Did.parse("did:consilium:" + Base58.encode(new byte[32]));
    Did b = Did.parse(RFC8032_TEST1_DID);
    assertTrue(a.compareTo(b) < 0);
    assertTrue(b.compareTo(a) > 0);
    assertEquals(0, b.compareTo(Did.parse(RFC8032_TEST1_DID)));
    assertEquals(Integer.signum(a.value().compareTo(b.value())), Integer.signum(a.compareTo(b)));
  }

  @Test
  public void canonicalBytes_roundTrip_equalDid() throws CanonicalFormatException {
    Did did = Did.parse(RFC8032_TEST1_DID);
    byte[] bytes = did.toCanonicalBytes();
    assertArrayEquals(new CanonicalWriter().writeString(RFC8032_TEST1_DID).toByteArray(), bytes);
    assertEquals(did, CanonicalReader.decode(bytes, Did::read));
  }

  @Test
  public void read_stringThatIsNotDid_throws() {
    byte[] bytes = new CanonicalWriter().writeString("did:web:example.com").toByteArray();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(bytes, Did::read));
    assertEquals("field #1 at offset 0: DID 'did:web:example.com' does not start with 'did:consilium:'",
        e.getMessage());
  }

  @Test
  public void read_overlongString_throws() {
    byte[] bytes = new CanonicalWriter().writeString(RFC8032_TEST1_DID + "x".repeat(20)).toByteArray();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(bytes, Did::read));
    assertTrue(e.getMessage(), e.getMessage().contains("length 78 exceeds the limit of 58 bytes"));
  }

  @Test
  public void parse_wrongPrefix_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Did.parse("did:example:3HhGPB6ht33n51YFaocqBtGePb3xqT4VgnjYbd81eeZW"));
    assertEquals("DID 'did:example:3HhGPB6ht33n51YFaocqBtGePb3xqT4VgnjYbd81eeZW' does not start with"
        + " 'did:consilium:'", e.getMessage());
  }

  @Test
  public void parse_upperCasePrefix_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Did.parse(RFC8032_TEST1_DID.replace("did:consilium:", "DID:consilium:")));
    assertTrue(e.getMessage(), e.getMessage().endsWith("does not start with 'did:consilium:'"));
  }

  @Test
  public void parse_badBase58_throws() {
    String text = "did:consilium:3HhGPB6ht33n51YFaocqBtGePb3xqT4Vg0jYbd81eeZW";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Did.parse(text));
    assertEquals("DID '" + text + "' has a suffix that is not base58: character '0' at index 33 is not in"
        + " the base58 alphabet (which has no 0, O, I or l)", e.getMessage());
  }

  @Test
  public void parse_suffixOf31Bytes_throws() {
    String text = "did:consilium:" + Base58.encode(new byte[31]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Did.parse(text));
    assertEquals("DID '" + text + "' has a suffix of 31 bytes, must be a 32-byte SHA-256 hash of a public key",
        e.getMessage());
  }

  @Test
  public void parse_suffixOf33Bytes_throws() {
    byte[] bytes = new byte[33];
    bytes[0] = 1;
    String text = "did:consilium:" + Base58.encode(bytes);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Did.parse(text));
    assertEquals("DID '" + text + "' has a suffix of 33 bytes, must be a 32-byte SHA-256 hash of a public key",
        e.getMessage());
  }

  @Test
  public void parse_emptySuffix_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Did.parse("did:consilium:"));
    assertEquals("DID 'did:consilium:' has a suffix of 0 bytes, must be a 32-byte SHA-256 hash of a public key",
        e.getMessage());
  }

  @Test
  public void parse_tooLong_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Did.parse(RFC8032_TEST1_DID + "1".repeat(1000)));
    assertEquals("a DID has at most 58 characters, was 1058", e.getMessage());
  }

  private static Ed25519PublicKey rfc8032Key() throws InvalidKeyException {
    return Ed25519PublicKey.fromBytes(HEX.parseHex(RFC8032_TEST1_PUBLIC_KEY));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** SHA1PRNG seeded before first use is deterministic; test keys only. */
  private static SecureRandom seededRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
