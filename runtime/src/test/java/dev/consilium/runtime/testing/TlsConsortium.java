package dev.consilium.runtime.testing;

import com.typesafe.config.Config;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.identity.ArteryTlsConfig;
import dev.consilium.runtime.identity.ConsortiumCa;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.runtime.identity.TestIdentities;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test consortium's four members issued by one root CA, with their directories on disk, so that a
 * {@link TestCluster} runs over Artery mutual TLS with the members' own certificates and signing keys.
 */
public final class TlsConsortium {
  public final TestConsortium consortium;
  private final Map<String, Path> memberDirs;

  private TlsConsortium(TestConsortium consortium, Map<String, Path> memberDirs) {
    this.consortium = consortium;
    this.memberDirs = memberDirs;
  }

  public static TlsConsortium issue(Path root) throws IOException, IdentityException {
    ConsortiumCa ca = TestIdentities.newCa("test", root.resolve("ca"));
    Map<String, Path> dirs = new LinkedHashMap<>();
    Map<String, TestConsortium.Member> members = new LinkedHashMap<>();
    for (String name : new String[] {"regulator", "bank-a", "bank-b", "bank-c"}) {
      Path dir = root.resolve(name);
      String role = name.equals("regulator") ? "regulator" : "institution";
      TestIdentities.issue(ca, name, dir, role, "validator");
      MemberIdentity identity = MemberIdentity.load(dir);
      dirs.put(name, dir);
      members.put(name, TestConsortium.Member.of(identity.signingKey(), identity.document()));
    }
    TestConsortium consortium = new TestConsortium(members.get("regulator"), members.get("bank-a"),
        members.get("bank-b"), members.get("bank-c"));
    return new TlsConsortium(consortium, dirs);
  }

  /** The Artery TLS settings of member {@code name}. */
  public Config transport(String name) {
    try {
      return ArteryTlsConfig.forDirectory(memberDirs.get(name));
    } catch (IdentityException e) {
      throw new AssertionError("member " + name + " was issued for this test", e);
    }
  }
}
