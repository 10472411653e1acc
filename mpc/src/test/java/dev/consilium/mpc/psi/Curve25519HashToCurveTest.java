package dev.consilium.mpc.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.util.encoders.Hex;
import org.junit.Test;

public class Curve25519HashToCurveTest {
  /** RFC 9380 J.4.1: the tag of the curve25519_XMD:SHA-512_ELL2_RO_ vectors. */
  private static final byte[] RO_DST = ascii("QUUX-V01-CS02-with-curve25519_XMD:SHA-512_ELL2_RO_");
  /** RFC 9380 J.4.2: the tag of the curve25519_XMD:SHA-512_ELL2_NU_ vectors. */
  private static final byte[] NU_DST = ascii("QUUX-V01-CS02-with-curve25519_XMD:SHA-512_ELL2_NU_");
  /** RFC 9380 J.4 message "q128_" followed by 128 'q'. */
  private static final String Q128 = "q128_" + "q".repeat(128);
  /** RFC 9380 J.4 message "a512_" followed by 512 'a'. */
  private static final String A512 = "a512_" + "a".repeat(512);
  private static final BigInteger P = FieldElement.P;
  /** The order of curve25519's prime-order subgroup (RFC 7748 §4.1). */
  private static final BigInteger SUBGROUP_ORDER =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private record RoVector(String source, String message, String px, String py, String u0, String u1,
      String q0x, String q0y, String q1x, String q1y) {}

  private record NuVector(String source, String message, String px, String py, String u0, String qx, String qy) {}

  private static final List<RoVector> RO_VECTORS = List.of(
      // RFC 9380 J.4.1, msg=""
      new RoVector("J.4.1 msg=\"\"", "",
          "2de3780abb67e861289f5749d16d3e217ffa722192d16bbd9d1bfb9d112b98c0",
          "3b5dc2a498941a1033d176567d457845637554a2fe7a3507d21abd1c1bd6e878",
          "005fe8a7b8fef0a16c105e6cadf5a6740b3365e18692a9c05bfbb4d97f645a6a",
          "1347edbec6a2b5d8c02e058819819bee177077c9d10a4ce165aab0fd0252261a",
          "36b4df0c864c64707cbf6cf36e9ee2c09a6cb93b28313c169be29561bb904f98",
          "6cd59d664fb58c66c892883cd0eb792e52055284dac3907dd756b45d15c3983d",
          "3fa114783a505c0b2b2fbeef0102853c0b494e7757f2a089d0daae7ed9a0db2b",
          "76c0fe7fec932aaafb8eefb42d9cbb32eb931158f469ff3050af15cfdbbeff94"),
      // RFC 9380 J.4.1, msg="abc"
      new RoVector("J.4.1 msg=\"abc\"", "abc",
          "2b4419f1f2d48f5872de692b0aca72cc7b0a60915dd70bde432e826b6abc526d",
          "1b8235f255a268f0a6fa8763e97eb3d22d149343d495da1160eff9703f2d07dd",
          "49bed021c7a3748f09fa8cdfcac044089f7829d3531066ac9e74e0994e05bc7d",
          "5c36525b663e63389d886105cee7ed712325d5a97e60e140aba7e2ce5ae851b6",
          "16b3d86e056b7970fa00165f6f48d90b619ad618791661b7b5e1ec78be10eac1",
          "4ab256422d84c5120b278cbdfc4e1facc5baadffeccecf8ee9bf3946106d50ca",
          "7ec29ddbf34539c40adfa98fcb39ec36368f47f30e8f888cc7e86f4d46e0c264",
          "10d1abc1cae2d34c06e247f2141ba897657fb39f1080d54f09ce0af128067c74"),
      // RFC 9380 J.4.1, msg="abcdef0123456789"
      new RoVector("J.4.1 msg=\"abcdef0123456789\"", "abcdef0123456789",
          "68ca1ea5a6acf4e9956daa101709b1eee6c1bb0df1de3b90d4602382a104c036",
          "2a375b656207123d10766e68b938b1812a4a6625ff83cb8d5e86f58a4be08353",
          "6412b7485ba26d3d1b6c290a8e1435b2959f03721874939b21782df17323d160",
          "24c7b46c1c6d9a21d32f5707be1380ab82db1054fde82865d5c9e3d968f287b2",
          "71de3dadfe268872326c35ac512164850860567aea0e7325e6b91a98f86533ad",
          "26a08b6e9a18084c56f2147bf515414b9b63f1522e1b6c5649f7d4b0324296ec",
          "5704069021f61e41779e2ba6b932268316d6d2a6f064f997a22fef16d1eaeaca",
          "50483c7540f64fb4497619c050f2c7fe55454ec0f0e79870bb44302e34232210"),
      // RFC 9380 J.4.1, msg="q128_qqq..."
      new RoVector("J.4.1 msg=\"q128_...\"", Q128,
          "096e9c8bae6c06b554c1ee69383bb0e82267e064236b3a30608d4ed20b73ac5a",
          "1eb5a62612cafb32b16c3329794645b5b948d9f8ffe501d4e26b073fef6de355",
          "5e123990f11bbb5586613ffabdb58d47f64bb5f2fa115f8ea8df0188e0c9e1b5",
          "5e8553eb00438a0bb1e7faa59dec6d8087f9c8011e5fb8ed9df31cb6c0d4ac19",
          "7a94d45a198fb5daa381f45f2619ab279744efdd8bd8ed587fc5b65d6cea1df0",
          "67d44f85d376e64bb7d713585230cdbfafc8e2676f7568e0b6ee59361116a6e1",
          "30506fb7a32136694abd61b6113770270debe593027a968a01f271e146e60c18",
          "7eeee0e706b40c6b5174e551426a67f975ad5a977ee2f01e8e20a6d612458c3b"),
      // RFC 9380 J.4.1, msg="a512_aaa..."
      new RoVector("J.4.1 msg=\"a512_...\"", A512,
          "1bc61845a138e912f047b5e70ba9606ba2a447a4dade024c8ef3dd42b7bbc5fe",
          "623d05e47b70e25f7f1d51dda6d7c23c9a18ce015fe3548df596ea9e38c69bf1",
          "20f481e85da7a3bf60ac0fb11ed1d0558fc6f941b3ac5469aa8b56ec883d6d7d",
          "017d57fd257e9a78913999a23b52ca988157a81b09c5442501d07fed20869465",
          "02d606e2699b918ee36f2818f2bc5013e437e673c9f9b9cdc15fd0c5ee913970",
          "29e9dc92297231ef211245db9e31767996c5625dfbf92e1c8107ef887365de1e",
          "38920e9b988d1ab7449c0fa9a6058192c0c797bb3d42ac345724341a1aa98745",
          "24dcc1be7c4d591d307e89049fd2ed30aae8911245a9d8554bf6032e5aa40d3d"));

  private static final List<NuVector> NU_VECTORS = List.of(
      // RFC 9380 J.4.2, msg=""
      new NuVector("J.4.2 msg=\"\"", "",
          "1bb913f0c9daefa0b3375378ffa534bda5526c97391952a7789eb976edfe4d08",
          "4548368f4f983243e747b62a600840ae7c1dab5c723991f85d3a9768479f3ec4",
          "608d892b641f0328523802a6603427c26e55e6f27e71a91a478148d45b5093cd",
          "51125222da5e763d97f3c10fcc92ea6860b9ccbbd2eb1285728f566721c1e65b",
          "343d2204f812d3dfc5304a5808c6c0d81a903a5d228b342442aa3c9ba5520a3d"),
      // RFC 9380 J.4.2, msg="abc"
      new NuVector("J.4.2 msg=\"abc\"", "abc",
          "7c22950b7d900fa866334262fcaea47a441a578df43b894b4625c9b450f9a026",
          "5547bc00e4c09685dcbc6cb6765288b386d8bdcb595fa5a6e3969e08097f0541",
          "46f5b22494bfeaa7f232cc8d054be68561af50230234d7d1d63d1d9abeca8da5",
          "7d56d1e08cb0ccb92baf069c18c49bb5a0dcd927eff8dcf75ca921ef7f3e6eeb",
          "404d9a7dc25c9c05c44ab9a94590e7c3fe2dcec74533a0b24b188a5d5dacf429"),
      // RFC 9380 J.4.2, msg="abcdef0123456789"
      new NuVector("J.4.2 msg=\"abcdef0123456789\"", "abcdef0123456789",
          "31ad08a8b0deeb2a4d8b0206ca25f567ab4e042746f792f4b7973f3ae2096c52",
          "405070c28e78b4fa269427c82827261991b9718bd6c6e95d627d701a53c30db1",
          "235fe40c443766ce7e18111c33862d66c3b33267efa50d50f9e8e5d252a40aaa",
          "3fbe66b9c9883d79e8407150e7c2a1c8680bee496c62fabe4619a72b3cabe90f",
          "08ec476147c9a0a3ff312d303dbbd076abb7551e5fce82b48ab14b433f8d0a7b"),
      // RFC 9380 J.4.2, msg="q128_qqq..."
      new NuVector("J.4.2 msg=\"q128_...\"", Q128,
          "027877759d155b1997d0d84683a313eb78bdb493271d935b622900459d52ceaa",
          "54d691731a53baa30707f4a87121d5169fb5d587d70fb0292b5830dedbec4c18",
          "001e92a544463bda9bd04ddbe3d6eed248f82de32f522669efc5ddce95f46f5b",
          "227e0bb89de700385d19ec40e857db6e6a3e634b1c32962f370d26f84ff19683",
          "5f86ff3851d262727326a32c1bf7655a03665830fa7f1b8b1e5a09d85bc66e4a"),
      // RFC 9380 J.4.2, msg="a512_aaa..."
      new NuVector("J.4.2 msg=\"a512_...\"", A512,
          "5fd892c0958d1a75f54c3182a18d286efab784e774d1e017ba2fb252998b5dc1",
          "750af3c66101737423a4519ac792fb93337bd74ee751f19da4cf1e94f4d6d0b8",
          "1a68a1af9f663592291af987203393f707305c7bac9c8d63d6a729bdc553dc19",
          "3bcd651ee54d5f7b6013898aab251ee8ecc0688166fce6e9548d38472f6bd196",
          "1bb36ad9197299f111b4ef21271c41f4b7ecf5543db8bb5931307ebdb2eaa465"));

  @Test
  public void hashToPoint_rfc9380RandomOracleVectors_match() {
    Curve25519HashToCurve suite = Curve25519HashToCurve.randomOracle(RO_DST);
    List<String> failures = new ArrayList<>();
    for (RoVector v : RO_VECTORS) {
      byte[] message = ascii(v.message());
      FieldElement[] u = HashToField.hash(message, RO_DST, 2);
      check(failures, v.source(), "u[0]", v.u0(), u[0].toBigInteger());
      check(failures, v.source(), "u[1]", v.u1(), u[1].toBigInteger());
      Curve25519Point q0 = Elligator2.map(u[0]).toAffine();
      Curve25519Point q1 = Elligator2.map(u[1]).toAffine();
      check(failures, v.source(), "Q0.x", v.q0x(), q0.x());
      check(failures, v.source(), "Q0.y", v.q0y(), q0.y());
      check(failures, v.source(), "Q1.x", v.q1x(), q1.x());
      check(failures, v.source(), "Q1.y", v.q1y(), q1.y());
      Curve25519Point p = suite.hashToPoint(message);
      check(failures, v.source(), "P.x", v.px(), p.x());
      check(failures, v.source(), "P.y", v.py(), p.y());
      checkEncoding(failures, v.source(), v.px(), suite.hashToCurve(message));
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void hashToPoint_rfc9380NonUniformVectors_match() {
    Curve25519HashToCurve suite = Curve25519HashToCurve.nonUniform(NU_DST);
    List<String> failures = new ArrayList<>();
    for (NuVector v : NU_VECTORS) {
      byte[] message = ascii(v.message());
      FieldElement[] u = HashToField.hash(message, NU_DST, 1);
      check(failures, v.source(), "u[0]", v.u0(), u[0].toBigInteger());
      Curve25519Point q = Elligator2.map(u[0]).toAffine();
      check(failures, v.source(), "Q.x", v.qx(), q.x());
      check(failures, v.source(), "Q.y", v.qy(), q.y());
      Curve25519Point p = suite.hashToPoint(message);
      check(failures, v.source(), "P.x", v.px(), p.x());
      check(failures, v.source(), "P.y", v.py(), p.y());
      checkEncoding(failures, v.source(), v.px(), suite.hashToCurve(message));
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void hashToPoint_randomMessages_landOnCurveInPrimeOrderSubgroup() {
    Curve25519HashToCurve suite = Curve25519HashToCurve.randomOracle(ascii("consilium-test-v1"));
    Random random = new Random(20240901L);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] message = new byte[random.nextInt(64)];
      random.nextBytes(message);
      Curve25519Point p = suite.hashToPoint(message);
      if (!onCurve(p.x(), p.y())) {
        failures.add("message " + Hex.toHexString(message) + ": " + p + " is not on the curve");
      }
      ProjectivePoint projective = projective(p);
      if (!multiply(projective, SUBGROUP_ORDER).isInfinity()) {
        failures.add("message " + Hex.toHexString(message) + ": [order]P is not infinity");
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void hashToCurve_distinctMessagesAndTags_giveDistinctPoints() {
    Curve25519HashToCurve a = Curve25519HashToCurve.randomOracle(ascii("consilium-psi-a"));
    Curve25519HashToCurve b = Curve25519HashToCurve.randomOracle(ascii("consilium-psi-b"));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      byte[] message = ascii("customer-" + i);
      assertTrue(seen.add(Hex.toHexString(a.hashToCurve(message))));
      assertTrue(seen.add(Hex.toHexString(b.hashToCurve(message))));
    }
  }

  @Test
  public void randomOracle_tagMutatedAfterCreation_isUnaffected() {
    byte[] dst = ascii("consilium-psi-v1");
    Curve25519HashToCurve suite = Curve25519HashToCurve.randomOracle(dst);
    byte[] before = suite.hashToCurve(ascii("alice"));
    dst[0] ^= 1;
    assertArrayEquals(before, suite.hashToCurve(ascii("alice")));
    assertEquals(32, before.length);
    assertNotEquals(Hex.toHexString(before), Hex.toHexString(suite.hashToCurve(ascii("bob"))));
  }

  @Test
  public void suiteId_namesTheRfcSuite() {
    assertEquals("curve25519_XMD:SHA-512_ELL2_RO_", Curve25519HashToCurve.randomOracle(RO_DST).suiteId());
    assertEquals("curve25519_XMD:SHA-512_ELL2_NU_", Curve25519HashToCurve.nonUniform(NU_DST).suiteId());
    assertTrue(Curve25519HashToCurve.randomOracle(RO_DST).toString().contains("QUUX-V01-CS02"));
  }

  @Test
  public void randomOracle_emptyDst_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Curve25519HashToCurve.randomOracle(new byte[0]));
    assertTrue(e.getMessage(), e.getMessage().contains("domain separation tag"));
    assertTrue(e.getMessage(), e.getMessage().contains("was 0 bytes"));
  }

  @Test
  public void randomOracle_dstLongerThan255Bytes_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Curve25519HashToCurve.randomOracle(new byte[256]));
    assertTrue(e.getMessage(), e.getMessage().contains("1 to 255 bytes, was 256 bytes"));
  }

  @Test
  public void randomOracle_dstOf255Bytes_isAccepted() {
    byte[] dst = new byte[255];
    assertEquals(32, Curve25519HashToCurve.randomOracle(dst).hashToCurve(ascii("x")).length);
  }

  @Test
  public void nonUniform_emptyDst_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Curve25519HashToCurve.nonUniform(new byte[0]));
    assertTrue(e.getMessage(), e.getMessage().contains("was 0 bytes"));
  }

  @Test
  public void randomOracle_nullDst_throws() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Curve25519HashToCurve.randomOracle(null));
    assertTrue(e.getMessage(), e.getMessage().contains("domain separation tag"));
  }

  @Test
  public void hashToCurve_nullMessage_throws() {
    Curve25519HashToCurve suite = Curve25519HashToCurve.randomOracle(RO_DST);
    NullPointerException e = assertThrows(NullPointerException.class, () -> suite.hashToCurve(null));
    assertTrue(e.getMessage(), e.getMessage().contains("message"));
  }

  @Test
  public void x_infinity_throws() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Curve25519Point.INFINITY.x());
    assertTrue(e.getMessage(), e.getMessage().contains("infinity"));
    assertArrayEquals(new byte[32], Curve25519Point.INFINITY.toUCoordinate());
    assertFalse(Curve25519Point.INFINITY.toString().isEmpty());
    Curve25519Point point = Curve25519HashToCurve.randomOracle(RO_DST).hashToPoint(new byte[] {1, 2, 3});
    assertFalse(point.toString(), point.toString().contains(point.x().toString()));
    assertFalse(point.toString(), point.toString().contains(point.x().toString(16)));
  }

  private static void check(List<String> failures, String source, String what, String expectedHex, BigInteger actual) {
    BigInteger expected = new BigInteger(expectedHex, 16);
    if (!expected.equals(actual)) {
      failures.add(source + " " + what + ": expected " + expectedHex + " but was " + actual.toString(16));
    }
  }

  /** The u-coordinate is P.x little-endian. */
  private static void checkEncoding(List<String> failures, String source, String pxHex, byte[] encoded) {
    byte[] bigEndian = Hex.decode(pxHex);
    byte[] expected = new byte[32];
    for (int i = 0; i < 32; i++) {
      expected[i] = bigEndian[31 - i];
    }
    if (!Hex.toHexString(expected).equals(Hex.toHexString(encoded))) {
      failures.add(source + " u-coordinate: expected " + Hex.toHexString(expected) + " but was "
          + Hex.toHexString(encoded));
    }
  }

  static boolean onCurve(BigInteger x, BigInteger y) {
    BigInteger rhs = x.pow(3).add(BigInteger.valueOf(ProjectivePoint.A).multiply(x.pow(2))).add(x).mod(P);
    return y.pow(2).mod(P).equals(rhs);
  }

  static ProjectivePoint projective(Curve25519Point p) {
    return new ProjectivePoint(FieldElement.fromBigInteger(p.x()), FieldElement.fromBigInteger(p.y()), FieldElement.ONE);
  }

  /** [k]P by double-and-add: slow, for tests only. */
  static ProjectivePoint multiply(ProjectivePoint p, BigInteger k) {
    ProjectivePoint acc = ProjectivePoint.INFINITY;
    for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
      acc = acc.dbl();
      if (k.testBit(bit)) {
        acc = acc.add(p);
      }
    }
    return acc;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
