package dev.consilium.ledger.storage;

import akka.actor.setup.Setup;
import dev.consilium.mpc.canonical.CanonicalDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The persisted types and their decoders, by manifest: a short, stable name stored in each journal row
 * ({@code event_ser_manifest}), never a class name, so that classes can move without breaking old
 * journals. Immutable; it reaches {@link CanonicalSerializer} as a {@link Setup} of the ActorSystem, so
 * every type is known before the first recovery:
 *
 * <pre>{@code
 * CanonicalTypes types = CanonicalTypes.builder()
 *     .register("block-appended", BlockAppended.class, BlockAppended::readFrom)
 *     .build();
 * ActorSystem.create(guardian, name, ActorSystemSetup.create(BootstrapSetup.create(config)).and(types));
 * }</pre>
 */
public final class CanonicalTypes extends Setup {
  private static final Pattern MANIFEST = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final Map<String, Entry<?>> byManifest;
  private final Map<Class<?>, String> manifestByType;

  private CanonicalTypes(Map<String, Entry<?>> byManifest, Map<Class<?>, String> manifestByType) {
    this.byManifest = Map.copyOf(byManifest);
    this.manifestByType = Map.copyOf(manifestByType);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The manifest registered for exactly this class (not a superclass). */
  public Optional<String> manifestOf(Class<?> type) {
    return Optional.ofNullable(manifestByType.get(type));
  }

  /** The decoder registered under {@code manifest}. */
  public Optional<CanonicalDecoder<? extends CanonicalPersistent>> decoderOf(String manifest) {
    return Optional.ofNullable(byManifest.get(manifest)).map(Entry::decoder);
  }

  /** The registered manifests, sorted, for error messages. */
  public String manifests() {
    return String.join(", ", new TreeSet<>(byManifest.keySet()));
  }

  @Override
  public String toString() {
    return "CanonicalTypes[" + manifests() + "]";
  }

  /** Refuses a manifest or a class registered twice, so one row can only ever mean one type. */
  public static final class Builder {
    private final Map<String, Entry<?>> byManifest = new LinkedHashMap<>();
    private final Map<Class<?>, String> manifestByType = new LinkedHashMap<>();

    private Builder() {}

    public <T extends CanonicalPersistent> Builder register(
        String manifest, Class<T> type, CanonicalDecoder<? extends T> decoder) {
      if (manifest == null || !MANIFEST.matcher(manifest).matches()) {
        throw new IllegalArgumentException("manifest '" + manifest + "' for " + type
            + " must be 1 to 63 characters of a-z, 0-9 and '-', starting with a letter");
      }
      if (type == null || decoder == null) {
        throw new IllegalArgumentException("manifest '" + manifest + "' needs a type and a decoder");
      }
      if (byManifest.containsKey(manifest)) {
        throw new IllegalArgumentException("manifest '" + manifest + "' is already registered for "
            + byManifest.get(manifest).type().getName() + ", cannot register it for " + type.getName());
      }
      if (manifestByType.containsKey(type)) {
        throw new IllegalArgumentException(type.getName() + " is already registered as '"
            + manifestByType.get(type) + "', cannot register it as '" + manifest + "' too");
      }
      byManifest.put(manifest, new Entry<>(type, decoder));
      manifestByType.put(type, manifest);
      return this;
    }

    public CanonicalTypes build() {
      return new CanonicalTypes(byManifest, manifestByType);
    }
  }

  private record Entry<T extends CanonicalPersistent>(Class<T> type, CanonicalDecoder<? extends T> decoder) {}
}
