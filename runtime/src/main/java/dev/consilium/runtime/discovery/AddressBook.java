package dev.consilium.runtime.discovery;

import akka.actor.Address;
import dev.consilium.ledger.identity.Did;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which cluster addresses each DID's node was last seen registered at. Immutable.
 *
 * <p>An address belongs to one DID: when a DID registers at an address another DID held (a node restarted
 * with a new identity on the same host and port), the newer registration wins. A DID keeps its last
 * addresses after its registration disappears, so that cluster events about its node, which may arrive
 * after the Receptionist dropped it, can still be told apart. Bounded by the number of members.
 */
final class AddressBook {
  private final Map<Did, Set<Address>> byDid;
  private final Map<Address, Did> byAddress;

  private AddressBook(Map<Did, Set<Address>> byDid, Map<Address, Did> byAddress) {
    this.byDid = byDid;
    this.byAddress = byAddress;
  }

  static AddressBook empty() {
    return new AddressBook(Map.of(), Map.of());
  }

  Optional<Did> didAt(Address address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  Set<Address> addressesOf(Did did) {
    return byDid.getOrDefault(did, Set.of());
  }

  /** DIDs that lose an address to {@code did} by this update, for the caller to log. */
  Set<Did> takenFrom(Did did, Set<Address> addresses) {
    Set<Did> losers = new HashSet<>();
    for (Address address : addresses) {
      Did holder = byAddress.get(address);
      if (holder != null && !holder.equals(did)) {
        losers.add(holder);
      }
    }
    return losers;
  }

  /** {@code did} is now registered at exactly {@code addresses}; an empty set keeps its last ones. */
  AddressBook with(Did did, Set<Address> addresses) {
    if (addresses.isEmpty() || addresses.equals(byDid.get(did))) {
      return this;
    }
    Map<Did, Set<Address>> nextByDid = new HashMap<>(byDid);
    Map<Address, Did> nextByAddress = new HashMap<>(byAddress);
    for (Address old : byDid.getOrDefault(did, Set.of())) {
      nextByAddress.remove(old);
    }
    for (Address address : addresses) {
      Did holder = nextByAddress.put(address, did);
      if (holder != null && !holder.equals(did)) {
        Set<Address> rest = new HashSet<>(nextByDid.get(holder));
        rest.remove(address);
        nextByDid.put(holder, Set.copyOf(rest));
      }
    }
    nextByDid.put(did, Set.copyOf(addresses));
    return new AddressBook(Map.copyOf(nextByDid), Map.copyOf(nextByAddress));
  }
}
