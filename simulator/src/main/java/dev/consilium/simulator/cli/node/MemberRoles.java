package dev.consilium.simulator.cli.node;

import dev.consilium.roles.customer.PseudonymKeyFile;
import dev.consilium.roles.features.FeatureMember;
import dev.consilium.roles.features.FeatureSettings;
import dev.consilium.roles.node.InstitutionNode;
import dev.consilium.roles.psi.PsiSettings;
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
 * agreement key in its member directory; an institution and a compute member take part in shared feature
 * learning ({@code consilium.features.*}, {@code consilium.psi.*}). Used by {@code consilium node} and by the simulator's members, so
 * both run the same roles the same way. A port that cannot be bound throws, naming the address.
 */
public final class MemberRoles implements AutoCloseable {
  private final Optional<InstitutionNode> institution;
  private final Optional<FeatureMember> features;

  private MemberRoles(Optional<InstitutionNode> institution, Optional<FeatureMember> features) {
    this.institution = institution;
    this.features = features;
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
    Optional<FeatureMember> features = Optional.empty();
    if (node.identity().hasRole("institution") || node.identity().hasRole("compute")) {
      features = Optional.of(FeatureMember.start(node, FeatureSettings.fromConfig(node.config()),
          PsiSettings.fromConfig(node.config())));
    }
    return new MemberRoles(institution, features);
  }

  public Optional<InstitutionNode> institution() {
    return institution;
  }

  /** Shared feature learning, on an institution or a compute member. */
  public Optional<FeatureMember> features() {
    return features;
  }

  @Override
  public void close() {
    institution.ifPresent(InstitutionNode::close);
  }
}
