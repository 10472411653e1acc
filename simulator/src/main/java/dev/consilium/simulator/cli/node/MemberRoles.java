package dev.consilium.simulator.cli.node;

import dev.consilium.roles.customer.PseudonymKeyFile;
import dev.consilium.roles.node.InstitutionNode;
import dev.consilium.roles.regulator.RegulatorMember;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.runtime.node.ConsortiumNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The roles a started node plays, from the roles in its DID document: an institution gets its loan book and
 * credit desk (it needs the consortium's pseudonym key in its member directory); a regulator serves its
 * observer API when {@code consilium.observer.port} is set, opening the reports filed to it with the
 * agreement key in its member directory. Used by {@code consilium node} and by the simulator's members, so
 * both run the same roles the same way. A port that cannot be bound throws, naming the address.
 */
public final class MemberRoles implements AutoCloseable {
  private final Optional<InstitutionNode> institution;

  private MemberRoles(Optional<InstitutionNode> institution) {
    this.institution = institution;
  }

  /** Starts the roles of {@code node}, whose identity is in {@code memberDir} and data in {@code dataDir}. */
  public static MemberRoles start(ConsortiumNode node, Path memberDir, Path dataDir) throws IdentityException {
    Optional<InstitutionNode> institution = Optional.empty();
    MemberIdentity identity = MemberIdentity.load(memberDir);
    if (node.identity().hasRole("regulator")) {
      RegulatorMember.start(node, identity.agreementKey());
    }
    if (node.identity().hasRole("institution")) {
      institution = Optional.of(InstitutionNode.start(node, identity.agreementKey(),
          PseudonymKeyFile.read(memberDir), dataDir));
    }
    return new MemberRoles(institution);
  }

  public Optional<InstitutionNode> institution() {
    return institution;
  }

  @Override
  public void close() {
    institution.ifPresent(InstitutionNode::close);
  }
}
