package dev.consilium.runtime.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import akka.remote.artery.tcp.ssl.X509Readers;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import scala.jdk.javaapi.CollectionConverters;

/** The Artery settings, and the subject names Akka's PeerSubjectVerifier compares. */
public class ArteryTlsConfigTest {
  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  private static Path bankA;
  private static IssuedMember a;
  private static IssuedMember b;
  private static IssuedMember elsewhere;

  @BeforeClass
  public static void issue() throws Exception {
    Path root = FOLDER.getRoot().toPath();
    ConsortiumCa ca = TestIdentities.newCa("demo", root.resolve("ca"));
    bankA = root.resolve("bank a dir");
    a = TestIdentities.issue(ca, "bank-a", bankA, "institution");
    b = TestIdentities.issue(ca, "bank-b", root.resolve("bank-b"), "regulator");
    ConsortiumCa other = TestIdentities.newCa("other", root.resolve("other-ca"));
    elsewhere = TestIdentities.issue(other, "bank-c", root.resolve("bank-c"), "institution");
  }

  @Test
  public void forDirectory_setsTlsTcpAndTheRotatingKeysProviderOnTheMembersFiles() throws Exception {
    Config config = ArteryTlsConfig.forDirectory(bankA).withFallback(ConfigFactory.load()).resolve();
    assertEquals("tls-tcp", config.getString("akka.remote.artery.transport"));
    assertEquals("akka.remote.artery.tcp.ssl.RotatingKeysSSLEngineProvider",
        config.getString("akka.remote.artery.ssl.ssl-engine-provider"));
    Config engine = config.getConfig("akka.remote.artery.ssl.rotating-keys-engine");
    Path dir = bankA.toAbsolutePath();
    assertEquals(dir.resolve("tls.key").toString(), engine.getString("key-file"));
    assertEquals(dir.resolve("tls.crt").toString(), engine.getString("cert-file"));
    assertEquals(dir.resolve("ca.crt").toString(), engine.getString("ca-cert-file"));
    assertTrue(Files.isRegularFile(Path.of(engine.getString("key-file"))));
    // Akka's own defaults stay: an RSA cipher suite, so our RSA keys fit.
    assertEquals("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", engine.getStringList("enabled-algorithms").get(0));
  }

  @Test
  public void forDirectory_brokenDirectory_failsNamingTheFile() {
    Path nowhere = FOLDER.getRoot().toPath().resolve("nowhere");
    IdentityException e = assertThrows(IdentityException.class, () -> ArteryTlsConfig.forDirectory(nowhere));
    assertEquals(nowhere + ": does not exist", e.getMessage());
  }

  /** PeerSubjectVerifier accepts a peer whose CN or SAN DNS names meet the node's own: here, the shared name. */
  @Test
  public void subjectNamesAkkaCompares_membersShareOnlyTheConsortiumName() {
    Set<String> namesA = subjectNames(a);
    Set<String> namesB = subjectNames(b);
    assertEquals(Set.of("bank-a", "members.demo.consilium"), namesA);
    Set<String> shared = new HashSet<>(namesA);
    shared.retainAll(namesB);
    assertEquals(Set.of("members.demo.consilium"), shared);
    Set<String> withOther = new HashSet<>(namesA);
    withOther.retainAll(subjectNames(elsewhere));
    assertEquals("another consortium shares no name", Set.of(), withOther);
  }

  private static Set<String> subjectNames(IssuedMember member) {
    return Set.copyOf(CollectionConverters.asJava(X509Readers.getAllSubjectNames(member.certificate())));
  }
}
