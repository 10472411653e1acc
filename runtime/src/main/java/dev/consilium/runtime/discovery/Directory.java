package dev.consilium.runtime.discovery;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberStatus;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.runtime.ledger.MembershipView;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where the admitted members' protocol actors are, and which members this node has lost. One per node.
 *
 * <p>It registers this node's protocol actors under keys named from their protocol and this node's DID
 * ({@link ProtocolKey}), and registers itself likewise: every node's directory, found under its DID's key,
 * tells which cluster address that DID's node is at. Lookups by DID or by role answer for members the ledger
 * admits right now, so a revoked member's actors are never handed out.
 *
 * <p>It turns cluster events into losses of DIDs: a node that becomes unreachable, leaves, is downed or is
 * removed, and a member the ledger revokes, is reported to every subscriber once, until the node is seen
 * again. The mapping from address to DID is only as good as the Receptionist's registrations, which are not
 * authenticated; tying an address to the certificate behind it is the TLS layer's job.
 */
public final class Directory extends AbstractBehavior<Directory.Command> {
  /** The directories themselves: found under a DID, a directory gives that DID's address. */
  public static final ProtocolKey<Command> KEY = new ProtocolKey<>("directory", Command.class);

  /** What the directory answers to. Local: none of these crosses the network. */
  public sealed interface Command {}

  /** Registers this node's {@code actor} under {@code key} for this node's DID. */
  public record Register<T>(ProtocolKey<T> key, ActorRef<T> actor) implements Command {}

  /** Asks for {@code did}'s reachable actors of {@code key}; none when {@code did} is not admitted. */
  public record Lookup<T>(ProtocolKey<T> key, Did did, ActorRef<Found<T>> replyTo) implements Command {}

  /** Asks for the reachable actors of {@code key} of every admitted member holding {@code role}. */
  public record LookupRole<T>(ProtocolKey<T> key, String role, ActorRef<Found<T>> replyTo) implements Command {}

  /** Asks which DID is registered at {@code address}. */
  public record WhoIsAt(Address address, ActorRef<MemberAt> replyTo) implements Command {}

  /** {@code subscriber} is told of every member lost from now on, until it stops. */
  public record SubscribeLost(ActorRef<MemberLost> subscriber) implements Command {}

  /** The actors found, by DID; a DID with none found is absent. */
  public record Found<T>(ProtocolKey<T> key, Map<Did, Set<ActorRef<T>>> actors) {
    /** One of {@code did}'s actors, if any was found. */
    public Optional<ActorRef<T>> anyOf(Did did) {
      return actors.getOrDefault(did, Set.of()).stream().findFirst();
    }
  }

  public record MemberAt(Address address, Optional<Did> did) {}

  public record MemberLost(Did did, Loss loss) {}

  /** Why a member counts as lost. */
  public enum Loss {
    UNREACHABLE,
    LEFT,
    REMOVED,
    REVOKED
  }

  private record MembershipChanged(MembershipState state) implements Command {}

  private record DirectoriesListed(Receptionist.Listing listing) implements Command {}

  private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

  private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command {}

  private record LookupListed<T>(Lookup<T> lookup, Set<ActorRef<T>> actors) implements Command {}

  private record RoleListed<T>(LookupRole<T> lookup, Set<ActorRef<T>> actors) implements Command {}

  private record SubscriberGone(ActorRef<MemberLost> subscriber) implements Command {}

  private final DirectorySettings settings;
  private final Did self;
  private final MembershipView membership;
  private final Address selfAddress;
  private final ActorRef<Receptionist.Listing> directoriesAdapter;
  private Set<Did> admitted;
  private Map<ServiceKey<Command>, Did> watched = Map.of();
  private AddressBook book = AddressBook.empty();
  private Set<Did> reportedLost = Set.of();
  private Set<ActorRef<MemberLost>> subscribers = Set.of();

  private Directory(ActorContext<Command> context, DirectorySettings settings, Did self, MembershipView membership) {
    super(context);
    context.setLoggerName(Directory.class);
    this.settings = settings;
    this.self = self;
    this.membership = membership;
    this.selfAddress = Cluster.get(context.getSystem()).selfMember().address();
    this.directoriesAdapter = context.messageAdapter(Receptionist.Listing.class, DirectoriesListed::new);
    this.admitted = admittedIn(membership.current());
  }

  /** The directory of the member {@code self}, reading admission from {@code membership}. */
  public static Behavior<Command> create(DirectorySettings settings, Did self, MembershipView membership) {
    Behavior<Command> directory = Behaviors.setup(context -> {
      Directory started = new Directory(context, settings, self, membership);
      started.start();
      return started;
    });
    // Restarting would subscribe to everything again; what it knows stays valid after a failed message.
    return Behaviors.supervise(directory).onFailure(RuntimeException.class, SupervisorStrategy.resume());
  }

  private void start() {
    ActorContext<Command> context = getContext();
    ActorRef<Command> me = context.getSelf();
    register(KEY, me);
    membership.subscribe(state -> me.tell(new MembershipChanged(state)));
    Cluster cluster = Cluster.get(context.getSystem());
    cluster.subscriptions().tell(Subscribe.create(
        context.messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new), ClusterEvent.MemberEvent.class));
    cluster.subscriptions().tell(Subscribe.create(
        context.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
        ClusterEvent.ReachabilityEvent.class));
    watchDirectories();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Register.class, this::onRegister)
        .onMessage(Lookup.class, this::onLookup)
        .onMessage(LookupRole.class, this::onLookupRole)
        .onMessage(WhoIsAt.class, this::onWhoIsAt)
        .onMessage(SubscribeLost.class, this::onSubscribeLost)
        .onMessage(LookupListed.class, this::onLookupListed)
        .onMessage(RoleListed.class, this::onRoleListed)
        .onMessage(DirectoriesListed.class, this::onDirectoriesListed)
        .onMessage(MembershipChanged.class, this::onMembershipChanged)
        .onMessage(MemberChanged.class, this::onMemberChanged)
        .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
        .onMessage(SubscriberGone.class, this::onSubscriberGone)
        .build();
  }

  private Behavior<Command> onRegister(Register<?> register) {
    registerCaptured(register);
    return this;
  }

  private <T> void registerCaptured(Register<T> register) {
    register(register.key(), register.actor());
  }

  private <T> void register(ProtocolKey<T> key, ActorRef<T> actor) {
    ActorRef<Receptionist.Command> receptionist = getContext().getSystem().receptionist();
    receptionist.tell(Receptionist.register(key.of(self), actor));
    receptionist.tell(Receptionist.register(key.any(), actor));
  }

  private Behavior<Command> onLookup(Lookup<?> lookup) {
    return lookupCaptured(lookup);
  }

  private <T> Behavior<Command> lookupCaptured(Lookup<T> lookup) {
    if (!membership.isAdmitted(lookup.did())) {
      lookup.replyTo().tell(new Found<>(lookup.key(), Map.of()));
      return this;
    }
    ServiceKey<T> key = lookup.key().of(lookup.did());
    getContext().ask(Receptionist.Listing.class, getContext().getSystem().receptionist(), lookupTimeout(),
        replyTo -> Receptionist.find(key, replyTo),
        (listing, failure) -> new LookupListed<>(lookup, listing == null ? Set.of() : listing.getServiceInstances(key)));
    return this;
  }

  private Behavior<Command> onLookupListed(LookupListed<?> listed) {
    answer(listed);
    return this;
  }

  private <T> void answer(LookupListed<T> listed) {
    Lookup<T> lookup = listed.lookup();
    // Admission is read again: the member may have been revoked while the Receptionist answered.
    Map<Did, Set<ActorRef<T>>> found = listed.actors().isEmpty() || !membership.isAdmitted(lookup.did())
        ? Map.of() : Map.of(lookup.did(), Set.copyOf(listed.actors()));
    lookup.replyTo().tell(new Found<>(lookup.key(), found));
  }

  private Behavior<Command> onLookupRole(LookupRole<?> lookup) {
    return lookupRoleCaptured(lookup);
  }

  private <T> Behavior<Command> lookupRoleCaptured(LookupRole<T> lookup) {
    ServiceKey<T> key = lookup.key().any();
    getContext().ask(Receptionist.Listing.class, getContext().getSystem().receptionist(), lookupTimeout(),
        replyTo -> Receptionist.find(key, replyTo),
        (listing, failure) -> new RoleListed<>(lookup, listing == null ? Set.of() : listing.getServiceInstances(key)));
    return this;
  }

  private Behavior<Command> onRoleListed(RoleListed<?> listed) {
    answer(listed);
    return this;
  }

  private <T> void answer(RoleListed<T> listed) {
    MembershipState state = membership.current();
    Map<Did, Set<ActorRef<T>>> found = new TreeMap<>();
    for (ActorRef<T> actor : listed.actors()) {
      Optional<Did> did = book.didAt(addressOf(actor));
      if (did.isPresent() && state.isAdmittedWithRole(did.get(), listed.lookup().role())) {
        found.computeIfAbsent(did.get(), d -> new HashSet<>()).add(actor);
      }
    }
    Map<Did, Set<ActorRef<T>>> frozen = found.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    listed.lookup().replyTo().tell(new Found<>(listed.lookup().key(), frozen));
  }

  private Behavior<Command> onWhoIsAt(WhoIsAt who) {
    Address address = who.address().hasLocalScope() ? selfAddress : who.address();
    who.replyTo().tell(new MemberAt(who.address(), book.didAt(address)));
    return this;
  }

  private Behavior<Command> onSubscribeLost(SubscribeLost subscribe) {
    if (subscribers.contains(subscribe.subscriber())) {
      return this;
    }
    if (subscribers.size() >= settings.maxSubscribers()) {
      getContext().getLog().error("Refusing lost-member subscriber {}: already {} (consilium.discovery.max-subscribers)",
          subscribe.subscriber(), subscribers.size());
      return this;
    }
    getContext().watchWith(subscribe.subscriber(), new SubscriberGone(subscribe.subscriber()));
    subscribers = plus(subscribers, subscribe.subscriber());
    return this;
  }

  private Behavior<Command> onSubscriberGone(SubscriberGone gone) {
    Set<ActorRef<MemberLost>> rest = new HashSet<>(subscribers);
    rest.remove(gone.subscriber());
    subscribers = Set.copyOf(rest);
    return this;
  }

  private Behavior<Command> onDirectoriesListed(DirectoriesListed listed) {
    Did did = watched.get(listed.listing().getKey());
    if (did == null) {
      return this;
    }
    // Unreachable nodes too: their address must stay known so that their loss can be reported.
    Set<Address> addresses = listed.listing().getAllServiceInstances(KEY.of(did)).stream()
        .map(this::addressOf).collect(Collectors.toUnmodifiableSet());
    for (Did loser : book.takenFrom(did, addresses)) {
      getContext().getLog().warn("{} registered at an address {} was registered at; the newer registration wins",
          did, loser);
    }
    if (!addresses.isEmpty() && !addresses.equals(book.addressesOf(did))) {
      // A node seen at a new address is a new incarnation: its next loss must be reported again.
      reportedLost = minus(reportedLost, did);
    }
    book = book.with(did, addresses);
    return this;
  }

  private Behavior<Command> onMembershipChanged(MembershipChanged changed) {
    Set<Did> next = admittedIn(changed.state());
    for (Did did : admitted) {
      if (!next.contains(did)) {
        reportLost(did, Loss.REVOKED);
      }
    }
    admitted = next;
    watchDirectories();
    return this;
  }

  private Behavior<Command> onMemberChanged(MemberChanged changed) {
    if (leaving()) {
      return this;
    }
    ClusterEvent.MemberEvent event = changed.event();
    Loss loss = event instanceof ClusterEvent.MemberLeft || event instanceof ClusterEvent.MemberExited ? Loss.LEFT
        : event instanceof ClusterEvent.MemberDowned || event instanceof ClusterEvent.MemberRemoved ? Loss.REMOVED
        : null;
    Optional<Did> did = book.didAt(event.member().address());
    if (did.isPresent() && loss != null) {
      reportLost(did.get(), loss);
    } else if (did.isPresent() && event instanceof ClusterEvent.MemberUp) {
      reportedLost = minus(reportedLost, did.get());
    }
    return this;
  }

  private Behavior<Command> onReachabilityChanged(ReachabilityChanged changed) {
    if (leaving()) {
      return this;
    }
    ClusterEvent.ReachabilityEvent event = changed.event();
    Optional<Did> did = book.didAt(event.member().address());
    if (did.isPresent() && event instanceof ClusterEvent.UnreachableMember) {
      reportLost(did.get(), Loss.UNREACHABLE);
    } else if (did.isPresent() && event instanceof ClusterEvent.ReachableMember) {
      reportedLost = minus(reportedLost, did.get());
    }
    return this;
  }

  private void reportLost(Did did, Loss loss) {
    if (did.equals(self) || reportedLost.contains(did)) {
      return;
    }
    reportedLost = plus(reportedLost, did);
    getContext().getLog().info("Lost member {}: {}", did, loss);
    MemberLost lost = new MemberLost(did, loss);
    subscribers.forEach(subscriber -> subscriber.tell(lost));
  }

  /**
   * True once this node itself is leaving or gone: a node on its way out sees every other member removed,
   * which is its own departure, not their loss, and must not end their sessions.
   */
  private boolean leaving() {
    akka.cluster.MemberStatus status = Cluster.get(getContext().getSystem()).selfMember().status();
    return status != akka.cluster.MemberStatus.up() && status != akka.cluster.MemberStatus.weaklyUp()
        && status != akka.cluster.MemberStatus.joining();
  }

  /** Subscribes to the directory key of every admitted member not watched yet; revoked ones stay watched. */
  private void watchDirectories() {
    Map<ServiceKey<Command>, Did> next = new HashMap<>(watched);
    for (Did did : admitted) {
      ServiceKey<Command> key = KEY.of(did);
      if (next.putIfAbsent(key, did) == null) {
        getContext().getSystem().receptionist().tell(Receptionist.subscribe(key, directoriesAdapter));
      }
    }
    watched = Map.copyOf(next);
  }

  private Address addressOf(ActorRef<?> actor) {
    Address address = actor.path().address();
    return address.hasLocalScope() ? selfAddress : address;
  }

  private Duration lookupTimeout() {
    return Duration.ofMillis(settings.lookupTimeoutMs());
  }

  private static Set<Did> admittedIn(MembershipState state) {
    Set<Did> out = new TreeSet<>();
    state.members().forEach((did, member) -> {
      if (member.status() == MemberStatus.ADMITTED) {
        out.add(did);
      }
    });
    return Set.copyOf(out);
  }

  private static <E> Set<E> plus(Set<E> set, E element) {
    Set<E> next = new HashSet<>(set);
    next.add(element);
    return Set.copyOf(next);
  }

  private static <E> Set<E> minus(Set<E> set, E element) {
    if (!set.contains(element)) {
      return set;
    }
    Set<E> next = new HashSet<>(set);
    next.remove(element);
    return Set.copyOf(next);
  }
}
