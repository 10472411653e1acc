package dev.consilium.ledger.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The contracts a ledger runs, by name; fixed at start-up. */
public final class ContractRegistry {
  private final Map<String, Contract<?>> contracts;

  private ContractRegistry(Map<String, Contract<?>> contracts) {
    this.contracts = Collections.unmodifiableMap(contracts);
  }

  public static ContractRegistry of(Contract<?>... contracts) {
    Map<String, Contract<?>> byName = new LinkedHashMap<>();
    for (Contract<?> contract : contracts) {
      if (byName.put(contract.name(), contract) != null) {
        throw new IllegalArgumentException("contract '" + contract.name() + "' is registered twice");
      }
    }
    return new ContractRegistry(byName);
  }

  public Optional<Contract<?>> find(String name) {
    return Optional.ofNullable(contracts.get(name));
  }

  public Set<String> names() {
    return contracts.keySet();
  }
}
