package dev.consilium.runtime.identity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.mpc.canonical.CanonicalReader;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Issuing a member, writing its directory, and loading it back: the round trip and every refusal. */
public class MemberIdentityTest {
  private static final List<String> ALL_FILES =
      List.of("tls.key", "tls.crt", "ca.crt", "signing.key", "agreement.key", "member.doc", "member.txt");

  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  private static ConsortiumCa ca;
  private static ConsortiumCa otherCaSameName;
  private static Path bankA;
  private static Path bankB;
  private static Path foreign;
  private static IssuedMember issuedA;

  @BeforeClass
  public static void issueMembers() throws Exception {
    ca = TestIdentities.newCa("demo", FOLDER.newFolder("ca").toPath());
    otherCaSameName = TestIdentities.newCa("demo", FOLDER.newFolder("other-ca").toPath());
    bankA = FOLDER.getRoot().toPath().resolve("bank-a");
    bankB = FOLDER.getRoot().toPath().resolve("bank-b");
    foreign = FOLDER.getRoot().toPath().resolve("foreign");
    issuedA = TestIdentities.issue(ca, "bank-a", bankA, "institution", "validator");
    TestIdentities.issue(ca, "bank-b", bankB, "institution");
    TestIdentities.issue(otherCaSameName, "bank-a", foreign, "institution", "validator");
  }

  @Test
  public void load_issuedMember_roundTrips() throws Exception {
    MemberIdentity identity = MemberIdentity.load(bankA);
    assertEquals(MemberName.of("bank-a"), identity.name());
    assertEquals(ConsortiumName.of("demo"), identity.consortium());
    assertEquals(issuedA.did(), identity.did());
    assertEquals(issuedA.document(), identity.document());
    assertEquals(issuedA.certificate(), identity.certificate());
    assertEquals(ca.certificate(), identity.caCertificate());
    assertTrue(identity.did().matches(identity.signingKey().publicKey()));
    assertEquals(Set.of("institution", "validator"), identity.document().roles());
    assertEquals(List.of("127.0.0.1:25520"), identity.document().endpoints());
    assertEquals(List.of(), identity.warnings());
  }

  @Test
  public void writeTo_secretFilesAreOwnerOnly_publicFilesAreNot() throws Exception {
    for (String secret : List.of("tls.key", "signing.key", "agreement.key")) {
      Path file = bankA.resolve(secret);
      assertEquals(secret, "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    try (Stream<Path> files = Files.list(bankA)) {
      assertEquals(Set.copyOf(ALL_FILES), files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
    }
    assertArrayEquals(Files.readAllBytes(FOLDER.getRoot().toPath().resolve("ca/ca.crt")),
        Files.readAllBytes(bankA.resolve("ca.crt")));
  }

  @Test
  public void writeTo_memberDocIsTheCanonicalDocument_memberTxtIsReadable() throws Exception {
    MemberDocument read = CanonicalReader.decode(Files.readAllBytes(bankA.resolve("member.doc")), MemberDocument::read);
    assertEquals(issuedA.document(), read);
    String summary = Files.readString(bankA.resolve("member.txt"));
    assertTrue(summary, summary.startsWith("Consilium member bank-a of consortium demo\n"));
    assertTrue(summary, summary.contains("did          " + issuedA.did() + "\n"));
    assertTrue(summary, summary.contains("roles        institution, validator\n"));
    assertTrue(summary, summary.contains("fingerprint  SHA-256 " + read.certificateFingerprint() + "\n"));
    assertTrue(summary, summary.contains("shared name  members.demo.consilium\n"));
  }

  @Test
  public void certificate_namesTheMemberItsDidAndTheSharedName() throws Exception {
    X509Certificate certificate = issuedA.certificate();
    assertEquals("CN=bank-a,O=demo", certificate.getSubjectX500Principal().getName());
    assertEquals(ca.certificate().getSubjectX500Principal(), certificate.getIssuerX500Principal());
    certificate.verify(ca.certificate().getPublicKey());
    assertEquals(-1, certificate.getBasicConstraints());
    assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), certificate.getExtendedKeyUsage());
    assertEquals(List.of(List.of(2, "members.demo.consilium"), List.of(6, issuedA.did().value()),
        List.of(7, "127.0.0.1")), List.copyOf(certificate.getSubjectAlternativeNames()));
    assertEquals(Sha256Hex.of(certificate.getEncoded()), issuedA.document().certificateFingerprint());
    Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    assertEquals(Duration.ofDays(365).plusHours(1), validity);
  }

  @Test
  public void load_caCertificateOfAnotherCa_refusesTlsCrt() throws Exception {
    Path dir = copyOf(bankA);
    Path otherCa = FOLDER.newFolder().toPath();
    TestIdentities.newCa("other", otherCa);
    Files.copy(otherCa.resolve("ca.crt"), dir.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("tls.crt"), e.file());
    assertTrue(e.getMessage(), e.getMessage().contains("was not issued by the CA in " + dir.resolve("ca.crt")
        + ": its issuer is CN=demo root CA, O=demo, the CA is CN=other root CA, O=other"));
  }

  /** Same subject, other key: only the signature tells the two CAs apart. */
  @Test
  public void load_caOfTheSameNameButAnotherKey_refusesTlsCrtsSignature() throws Exception {
    Path dir = copyOf(foreign);
    Files.copy(bankA.resolve("ca.crt"), dir.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("tls.crt"), e.file());
    assertTrue(e.getMessage(), e.getMessage().contains("its signature does not verify with the key of the CA in "
        + dir.resolve("ca.crt")));
  }

  @Test
  public void load_tamperedCertificate_refusesTlsCrt() throws Exception {
    Path dir = copyOf(bankA);
    byte[] der = issuedA.certificate().getEncoded();
    der[der.length - 1] ^= 1;
    Files.writeString(dir.resolve("tls.crt"), "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n");
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("tls.crt"), e.file());
    assertTrue(e.getMessage(), e.getMessage().contains("its signature does not verify"));
  }

  @Test
  public void load_tlsKeyOfAnotherMember_refusesTlsKey() throws Exception {
    Path dir = copyOf(bankA);
    Files.copy(bankB.resolve("tls.key"), dir.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING);
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("tls.key") + ": does not belong to " + dir.resolve("tls.crt")
        + ": the certificate certifies another public key", e.getMessage());
  }

  @Test
  public void load_signingKeyOfAnotherMember_refusesSigningKeyNamingBothDids() throws Exception {
    Path dir = copyOf(bankA);
    Files.copy(bankB.resolve("signing.key"), dir.resolve("signing.key"), StandardCopyOption.REPLACE_EXISTING);
    Did bankBDid = MemberIdentity.load(bankB).did();
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("signing.key") + ": holds the key of " + bankBDid
        + ", but member.doc and tls.crt are for " + issuedA.did(), e.getMessage());
  }

  @Test
  public void load_agreementKeyOfAnotherMember_refusesAgreementKey() throws Exception {
    Path dir = copyOf(bankA);
    Files.copy(bankB.resolve("agreement.key"), dir.resolve("agreement.key"), StandardCopyOption.REPLACE_EXISTING);
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("agreement.key") + ": holds another agreement key than the one member.doc of "
        + issuedA.did() + " publishes", e.getMessage());
  }

  @Test
  public void load_signingKeyInPlaceOfTheAgreementKey_refusesNamingTheAlgorithm() throws Exception {
    Path dir = copyOf(bankA);
    Files.copy(dir.resolve("signing.key"), dir.resolve("agreement.key"), StandardCopyOption.REPLACE_EXISTING);
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertTrue(e.getMessage(), e.getMessage().contains("not an X25519 key (1.3.101.110)"));
  }

  @Test
  public void load_agreesTheSameSecretAsAnotherMember() throws Exception {
    MemberIdentity a = MemberIdentity.load(bankA);
    MemberIdentity b = MemberIdentity.load(bankB);
    assertArrayEquals(
        a.agreementKey().agree(b.document().agreementKey()).toByteArray(dev.consilium.mpc.secret.SecretAccess.get()),
        b.agreementKey().agree(a.document().agreementKey()).toByteArray(dev.consilium.mpc.secret.SecretAccess.get()));
  }

  @Test
  public void load_documentOfAnotherMember_refusesMemberDoc() throws Exception {
    Path dir = copyOf(bankA);
    Files.copy(bankB.resolve("member.doc"), dir.resolve("member.doc"), StandardCopyOption.REPLACE_EXISTING);
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("member.doc"), e.file());
    assertTrue(e.getMessage(), e.getMessage().endsWith("but tls.crt certifies " + issuedA.did()));
  }

  @Test
  public void load_missingFiles_namesEachOne() throws Exception {
    Path dir = copyOf(bankA);
    Files.delete(dir.resolve("signing.key"));
    Files.delete(dir.resolve("tls.key"));
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir + ": is not a member directory: tls.key, signing.key are missing", e.getMessage());
  }

  @Test
  public void load_readableSecretFiles_warnsNamingEach() throws Exception {
    Path dir = copyOf(bankA);
    Files.setPosixFilePermissions(dir.resolve("signing.key"), PosixFilePermissions.fromString("rw-r-----"));
    MemberIdentity identity = MemberIdentity.load(dir);
    assertEquals(1, identity.warnings().size());
    assertTrue(identity.warnings().get(0), identity.warnings().get(0).startsWith(dir.resolve("signing.key")
        + " is a secret file but its mode is rw-r-----"));
  }

  @Test
  public void load_pkcs1TlsKey_saysWhatItFound() throws Exception {
    Path dir = copyOf(bankA);
    Files.writeString(dir.resolve("tls.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("tls.key") + ": holds no PEM block 'PRIVATE KEY', found 'RSA PRIVATE KEY';"
        + " expected an RSA key in PKCS#8 PEM", e.getMessage());
  }

  @Test
  public void load_corruptSigningKey_doesNotQuoteIt() throws Exception {
    Path dir = copyOf(bankA);
    String secretLooking = "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp";
    Files.writeString(dir.resolve("signing.key"), "-----BEGIN PRIVATE KEY-----\n" + secretLooking
        + "\n-----END PRIVATE KEY-----\n");
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
    assertEquals(dir.resolve("signing.key") + ": its PEM block is not a well-formed PKCS#8 private key",
        e.getMessage());
    assertFalse(e.getMessage().contains(secretLooking.substring(10)));
  }

  @Test
  public void load_afterTheCertificateExpired_namesTlsCrt() {
    Instant later = Instant.now().plus(Duration.ofDays(366));
    IdentityException e = assertThrows(IdentityException.class, () -> MemberIdentity.load(bankA, later));
    assertTrue(e.getMessage(), e.getMessage().startsWith(bankA.resolve("tls.crt") + ": expired at "));
  }

  @Test
  public void publishedMember_needsNoSecretFiles() throws Exception {
    Path dir = FOLDER.newFolder().toPath();
    for (String name : List.of("tls.crt", "ca.crt", "member.doc")) {
      Files.copy(bankA.resolve(name), dir.resolve(name));
    }
    PublishedMember published = PublishedMember.load(dir, Instant.now());
    assertEquals(issuedA.document(), published.document());
    assertThrows(IdentityException.class, () -> MemberIdentity.load(dir));
  }

  @Test
  public void writeTo_existingMember_refusesBeforeWritingAnything() throws Exception {
    Path dir = FOLDER.newFolder().toPath();
    Files.writeString(dir.resolve("member.txt"), "mine");
    IssuedMember issued = ca.issue(MemberName.of("bank-c"), Set.of("institution"),
        new MemberEndpoint("localhost", 2552), Instant.now(), new SecureRandom());
    assertThrows(FileAlreadyExistsException.class, () -> issued.writeTo(dir));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
    assertEquals(List.of(List.of(2, "members.demo.consilium"), List.of(6, issued.did().value()),
        List.of(2, "localhost")), List.copyOf(issued.certificate().getSubjectAlternativeNames()));
  }

  @Test
  public void toString_showsNoSecrets() throws Exception {
    MemberIdentity identity = MemberIdentity.load(bankA);
    assertEquals("MemberIdentity[bank-a of demo, " + issuedA.did() + ", keys redacted]", identity.toString());
    assertEquals("IssuedMember[bank-a of demo, " + issuedA.did() + ", keys redacted]", issuedA.toString());
  }

  private static Path copyOf(Path member) throws IOException {
    Path copy = FOLDER.newFolder().toPath();
    for (String name : ALL_FILES) {
      Files.copy(member.resolve(name), copy.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }
    return copy;
  }

  /** SHA-256 in hex, computed here with the JDK rather than through the code under test. */
  private static final class Sha256Hex {
    static String of(byte[] data) throws Exception {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
  }
}
