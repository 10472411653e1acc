package dev.consilium.runtime.identity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The root CA: what its certificate says, its files, and loading them back. */
public class ConsortiumCaTest {
  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  private static Path dir;
  private static ConsortiumCa ca;

  @BeforeClass
  public static void createCa() throws Exception {
    dir = FOLDER.newFolder("ca").toPath();
    ca = TestIdentities.newCa("demo", dir);
  }

  @Test
  public void create_certificateIsASelfSignedRsa3072RootForTenYears() throws Exception {
    X509Certificate root = ca.certificate();
    assertEquals("CN=demo root CA,O=demo", root.getSubjectX500Principal().getName());
    assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
    root.verify(root.getPublicKey());
    assertEquals("path length 0: members are issued directly by the root", 0, root.getBasicConstraints());
    assertEquals(3072, ((RSAPublicKey) root.getPublicKey()).getModulus().bitLength());
    assertEquals("SHA256withRSA", root.getSigAlgName());
    Duration validity = Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant());
    assertEquals(Duration.ofDays(3650).plusHours(1), validity);
    assertTrue("keyCertSign", root.getKeyUsage()[5]);
  }

  @Test
  public void writeTo_keyIsOwnerOnlyPkcs8_certificateIsPem() throws Exception {
    Path key = dir.resolve("ca.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    String keyText = Files.readString(key);
    assertTrue(keyText, keyText.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertTrue(keyText, keyText.endsWith("\n-----END PRIVATE KEY-----\n"));
    String certificateText = Files.readString(dir.resolve("ca.crt"));
    assertTrue(certificateText.startsWith("-----BEGIN CERTIFICATE-----\n"));
    String body = certificateText.replaceAll("-----[A-Z ]+-----", "").strip();
    assertTrue("lines of 64", body.lines().allMatch(line -> line.length() <= 64));
    assertEquals(ca.certificate(), CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(body))));
  }

  @Test
  public void load_writtenCa_isTheSameCaWithoutWarnings() throws Exception {
    ConsortiumCa loaded = ConsortiumCa.load(dir, Instant.now());
    assertEquals(ca.certificate(), loaded.certificate());
    assertEquals(ConsortiumName.of("demo"), loaded.consortium());
    assertEquals(ca.fingerprint(), loaded.fingerprint());
    assertEquals(Set.of(), Set.copyOf(loaded.warnings()));
  }

  @Test
  public void writeTo_existingCa_refusesAndLeavesItAlone() throws Exception {
    byte[] key = Files.readAllBytes(dir.resolve("ca.key"));
    ConsortiumCa other = ConsortiumCa.create(ConsortiumName.of("demo"), Instant.now(), new SecureRandom());
    FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> other.writeTo(dir));
    assertTrue(e.getMessage(), e.getMessage().contains("ca.key"));
    assertTrue(e.getMessage(), e.getMessage().contains("refusing to overwrite"));
    assertArrayEquals(key, Files.readAllBytes(dir.resolve("ca.key")));
  }

  @Test
  public void load_keyOfAnotherCa_namesTheKeyFile() throws Exception {
    Path mixed = FOLDER.newFolder().toPath();
    Path otherDir = FOLDER.newFolder().toPath();
    TestIdentities.newCa("demo", otherDir);
    Files.copy(dir.resolve("ca.crt"), mixed.resolve("ca.crt"));
    Files.copy(otherDir.resolve("ca.key"), mixed.resolve("ca.key"));
    IdentityException e = assertThrows(IdentityException.class, () -> ConsortiumCa.load(mixed, Instant.now()));
    assertEquals(mixed.resolve("ca.key"), e.file());
    assertTrue(e.getMessage(), e.getMessage().contains("does not belong to " + mixed.resolve("ca.crt")));
  }

  @Test
  public void load_readableKey_warnsNamingIt() throws Exception {
    Path copy = FOLDER.newFolder().toPath();
    Files.copy(dir.resolve("ca.crt"), copy.resolve("ca.crt"));
    Files.copy(dir.resolve("ca.key"), copy.resolve("ca.key"));
    Files.setPosixFilePermissions(copy.resolve("ca.key"), PosixFilePermissions.fromString("rw-r--r--"));
    ConsortiumCa loaded = ConsortiumCa.load(copy, Instant.now());
    assertEquals(1, loaded.warnings().size());
    String warning = loaded.warnings().get(0);
    assertTrue(warning, warning.contains(copy.resolve("ca.key") + " is a secret file but its mode is rw-r--r--"));
    assertTrue(warning, warning.contains("chmod 600"));
  }

  @Test
  public void load_afterExpiry_namesTheCertificate() {
    Instant later = Instant.now().plus(Duration.ofDays(3651));
    IdentityException e = assertThrows(IdentityException.class, () -> ConsortiumCa.load(dir, later));
    assertTrue(e.getMessage(), e.getMessage().startsWith(dir.resolve("ca.crt") + ": expired at "));
  }

  @Test
  public void load_missingDirectory_namesTheFile() {
    Path nowhere = dir.resolve("nowhere");
    IdentityException e = assertThrows(IdentityException.class, () -> ConsortiumCa.load(nowhere, Instant.now()));
    assertEquals(nowhere.resolve("ca.crt") + ": is missing", e.getMessage());
  }

  @Test
  public void issue_unknownRole_namesTheAllowedRoles() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ca.issue(MemberName.of("x"),
        Set.of("banker"), new MemberEndpoint("127.0.0.1", 25520), Instant.now(), new SecureRandom()));
    assertEquals("unknown role 'banker'; roles are [compute, device, institution, regulator, validator]",
        e.getMessage());
  }

  @Test
  public void toString_showsNoKey() {
    assertEquals("ConsortiumCa[CN=demo root CA, O=demo, key redacted]", ca.toString());
    assertFalse(ca.toString().contains("PRIVATE"));
  }

  @Test
  public void names_mustBeDnsLabels() {
    assertThrows(IllegalArgumentException.class, () -> ConsortiumName.of("Demo"));
    assertThrows(IllegalArgumentException.class, () -> ConsortiumName.of("-demo"));
    assertThrows(IllegalArgumentException.class, () -> MemberName.of("bank a"));
    assertThrows(IllegalArgumentException.class, () -> MemberName.of(""));
    assertThrows(IllegalArgumentException.class, () -> MemberName.of("a".repeat(64)));
    assertEquals("members.demo.consilium", ConsortiumName.of("demo").memberSubjectName());
  }
}
