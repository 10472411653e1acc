package dev.consilium.runtime.testing;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import dev.consilium.ledger.identity.Did;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.ProtocolKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Directories for several members in one ActorSystem, without a cluster: each member's directory registers
 * into one shared table, lookups read it, and lost-member subscribers are handed to the test, which plays
 * the cluster by telling them who was lost.
 */
public final class LocalDirectory {
  private final Map<String, ActorRef<?>> actors = new ConcurrentHashMap<>();
  private final ActorRef<ActorRef<Directory.MemberLost>> subscribers;

  /** Subscribers to lost members are sent to {@code subscribers}. */
  public LocalDirectory(ActorRef<ActorRef<Directory.MemberLost>> subscribers) {
    this.subscribers = subscribers;
  }

  /** The directory of {@code self}. */
  public Behavior<Directory.Command> of(Did self) {
    return Behaviors.receive(Directory.Command.class)
        .onMessage(Directory.Register.class, register -> {
          actors.put(register.key().of(self).id(), register.actor());
          return Behaviors.same();
        })
        .onMessage(Directory.Lookup.class, lookup -> {
          answer(lookup);
          return Behaviors.same();
        })
        .onMessage(Directory.SubscribeLost.class, subscribe -> {
          subscribers.tell(subscribe.subscriber());
          return Behaviors.same();
        })
        .build();
  }

  /** Puts {@code actor} in the table as {@code did}'s actor of {@code key}, as if registered. */
  public <T> void put(ProtocolKey<T> key, Did did, ActorRef<T> actor) {
    actors.put(key.of(did).id(), actor);
  }

  private void answer(Directory.Lookup<?> lookup) {
    answerCaptured(lookup);
  }

  @SuppressWarnings("unchecked")
  private <T> void answerCaptured(Directory.Lookup<T> lookup) {
    ActorRef<T> actor = (ActorRef<T>) actors.get(lookup.key().of(lookup.did()).id());
    Map<Did, Set<ActorRef<T>>> found = actor == null ? Map.of() : Map.of(lookup.did(), Set.of(actor));
    lookup.replyTo().tell(new Directory.Found<>(lookup.key(), found));
  }
}
