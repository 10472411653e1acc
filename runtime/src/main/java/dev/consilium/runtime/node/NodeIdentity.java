package dev.consilium.runtime.node;

import com.typesafe.config.Config;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.signature.PublicKeySign;
import dev.consilium.mpc.signature.Ed25519Sign;
import dev.consilium.runtime.identity.ArteryTlsConfig;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Who a node is: its DID, the signer of its ledger entries (its Ed25519 key, held inside), its cluster
 * roles (those of its DID document) and the transport settings its certificate gives (Artery mutual TLS; an
 * empty config for plain TCP, which only in-process tests use). Never printed beyond the DID and roles.
 */
public record NodeIdentity(String name, Did did, PublicKeySign signer, List<String> roles, Config transport) {
  public NodeIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(signer, "signer");
    roles = List.copyOf(roles);
    Objects.requireNonNull(transport, "transport");
  }

  /**
   * The identity in member directory {@code dir} (as {@code bin/consilium ca issue} writes it), checked whole
   * by {@link MemberIdentity#load}, with Artery on mutual TLS with its certificate.
   */
  public static NodeIdentity fromDirectory(Path dir) throws IdentityException {
    MemberIdentity member = MemberIdentity.load(dir);
    return new NodeIdentity(member.name().value(), member.did(), Ed25519Sign.create(member.signingKey()),
        List.copyOf(member.document().roles()), ArteryTlsConfig.of(member));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return "NodeIdentity[" + name + ", " + did + ", roles " + roles + "]";
  }
}
