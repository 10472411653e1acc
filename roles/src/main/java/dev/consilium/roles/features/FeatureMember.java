package dev.consilium.roles.features;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import dev.consilium.ledger.identity.Did;
import dev.consilium.roles.features.alignment.HolderPsiPolicy;
import dev.consilium.roles.features.alignment.PsiAlignment;
import dev.consilium.roles.features.compute.ComputeNode;
import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.roles.features.holder.FeatureHolder;
import dev.consilium.roles.features.owner.Alignment;
import dev.consilium.roles.features.owner.TaskOwner;
import dev.consilium.roles.features.task.TaskLookup;
import dev.consilium.roles.features.task.TaskRecords;
import dev.consilium.roles.features.task.Traffic;
import dev.consilium.roles.psi.PsiMember;
import dev.consilium.roles.psi.PsiPolicy;
import dev.consilium.roles.psi.PsiResult;
import dev.consilium.roles.psi.PsiSettings;
import dev.consilium.runtime.admission.Admission;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.node.ConsortiumNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A member's roles in shared feature learning, on its started node: an institution owns tasks
 * ({@link TaskOwner}) and, with a table configured, holds data for others' tasks ({@link FeatureHolder}); a
 * compute member adds shares ({@link ComputeNode}). Each actor is found by the others under its protocol key
 * and this member's DID, and sees messages from admitted members only. The member's {@link Traffic} counts
 * what its actors sent and received.
 */
public final class FeatureMember {
  public static final String OWNER_NAME = "features-owner";
  public static final String HOLDER_NAME = "features-holder";
  public static final String COMPUTE_NAME = "features-compute";
  public static final String PSI_NAME = "psi";

  private final Optional<ActorRef<TaskOwner.Command>> owner;
  private final Optional<ActorRef<FeatureHolder.Command>> holder;
  private final Optional<ActorRef<ComputeNode.Command>> compute;
  private final Traffic traffic;

  private FeatureMember(Optional<ActorRef<TaskOwner.Command>> owner, Optional<ActorRef<FeatureHolder.Command>> holder,
      Optional<ActorRef<ComputeNode.Command>> compute, Traffic traffic) {
    this.owner = owner;
    this.holder = holder;
    this.compute = compute;
    this.traffic = traffic;
  }

  /**
   * Starts the roles {@code node}'s DID document gives it; an institution also gets its PSI actor, which its
   * owner leads alignments with and its holder joins them through. A holder's table is read (and checked)
   * before anything starts.
   */
  public static FeatureMember start(ConsortiumNode node, FeatureSettings settings, PsiSettings psiSettings) {
    Traffic traffic = new Traffic();
    Did self = node.identity().did();
    TaskLookup lookup = new TaskLookup(node.follower(), node.directory(), Duration.ofMillis(settings.lookupTimeoutMs()),
        settings.lookupRetryMs());
    Optional<ActorRef<TaskOwner.Command>> owner = Optional.empty();
    Optional<ActorRef<FeatureHolder.Command>> holder = Optional.empty();
    Optional<ActorRef<ComputeNode.Command>> compute = Optional.empty();
    if (node.identity().hasRole("institution")) {
      PsiPolicy policy = PsiPolicy.refuseAll("this member holds no feature table");
      if (settings.table().isPresent()) {
        FeatureTable table = FeatureTable.read(settings.table().get());
        Set<String> servedTasks = ConcurrentHashMap.newKeySet();
        holder = Optional.of(spawn(node, FeatureHolder.KEY, FeatureHolder.Command.class,
            FeatureHolder.create(self, table, lookup,
                new FeatureHolder.Settings(settings.prg(), settings.allowPlainBaseline()), new SecureRandom(), traffic,
                servedTasks), HOLDER_NAME));
        ActorRef<PsiResult> results = node.system().systemActorOf(HolderPsiPolicy.resultsTo(holder.get()),
            HOLDER_NAME + "-alignment", Props.empty());
        policy = HolderPsiPolicy.create(self, table.ids(), lookup, node.system(), results, servedTasks);
      }
      ActorRef<PsiMember.Command> psi = node.system().systemActorOf(PsiMember.create(psiSettings, self,
          node.ledger().membership(), node.directory(), policy), PSI_NAME, Props.empty());
      Alignment alignment = new PsiAlignment(psi, node.system(),
          Duration.ofMillis(psiSettings.sessionTimeoutMs() + psiSettings.inviteTimeoutMs()));
      owner = Optional.of(spawn(node, TaskOwner.KEY, TaskOwner.Command.class, TaskOwner.create(self, alignment, lookup,
          new TaskRecords(node.ledger().submitter()), node.directory(), traffic), OWNER_NAME));
    }
    if (node.identity().hasRole("compute")) {
      compute = Optional.of(spawn(node, ComputeNode.KEY, ComputeNode.Command.class,
          ComputeNode.create(self, lookup, settings.prg(), traffic), COMPUTE_NAME));
    }
    return new FeatureMember(owner, holder, compute, traffic);
  }

  public Optional<ActorRef<TaskOwner.Command>> owner() {
    return owner;
  }

  public Optional<ActorRef<FeatureHolder.Command>> holder() {
    return holder;
  }

  public Optional<ActorRef<ComputeNode.Command>> compute() {
    return compute;
  }

  public Traffic traffic() {
    return traffic;
  }

  private static <T> ActorRef<T> spawn(ConsortiumNode node, ProtocolKey<T> key, Class<T> messageClass,
      Behavior<T> protocol, String name) {
    Behavior<T> registered = Behaviors.setup(context -> {
      node.directory().tell(new Directory.Register<>(key, context.getSelf()));
      return protocol;
    });
    // A malformed message from a member must not take the role down with the actor.
    Behavior<T> guarded = Behaviors.supervise(Admission.admitted(node.ledger().membership(), messageClass, registered))
        .onFailure(RuntimeException.class, SupervisorStrategy.resume());
    return node.system().systemActorOf(guarded, name, Props.empty());
  }
}
