package dev.consilium.ledger.storage;

import akka.actor.ExtendedActorSystem;
import akka.serialization.SerializerWithStringManifest;
import dev.consilium.mpc.canonical.CanonicalDecoder;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import java.io.NotSerializableException;
import java.util.Optional;

/**
 * Stores a {@link CanonicalPersistent} as its canonical bytes, unchanged, with a manifest from the
 * ActorSystem's {@link CanonicalTypes}; reading decodes strictly (trailing bytes refused). Bound to
 * {@link CanonicalPersistent} in {@code reference.conf}. A system started without {@link CanonicalTypes}
 * still starts (other modules load this configuration too) but refuses every canonical type.
 */
public final class CanonicalSerializer extends SerializerWithStringManifest {
  /** Stored in every journal row's {@code event_ser_id}; never change it. */
  public static final int IDENTIFIER = 7301;

  private final CanonicalTypes types;
  private final boolean typesConfigured;

  public CanonicalSerializer(ExtendedActorSystem system) {
    this(system.settings().setup().get(CanonicalTypes.class));
  }

  private CanonicalSerializer(Optional<CanonicalTypes> types) {
    this.types = types.orElseGet(() -> CanonicalTypes.builder().build());
    this.typesConfigured = types.isPresent();
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
    return types.manifestOf(o.getClass()).orElseThrow(() -> new IllegalArgumentException(
        o.getClass().getName() + " has no manifest in CanonicalTypes" + registeredHint()));
  }

  @Override
  public byte[] toBinary(Object o) {
    manifest(o); // Refuses now what could not be read back later; registered types are CanonicalPersistent.
    return ((CanonicalPersistent) o).toCanonicalBytes();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    CanonicalDecoder<? extends CanonicalPersistent> decoder = types.decoderOf(manifest).orElseThrow(
        () -> new NotSerializableException("unknown canonical manifest '" + manifest + "'" + registeredHint()));
    try {
      return CanonicalReader.decode(bytes, decoder);
    } catch (CanonicalFormatException e) {
      NotSerializableException refused = new NotSerializableException(
          "manifest '" + manifest + "': " + bytes.length + " bytes are not canonical: " + e.getMessage());
      refused.initCause(e);
      throw refused;
    }
  }

  private String registeredHint() {
    return typesConfigured
        ? " (registered: " + types.manifests() + ")"
        : " (this ActorSystem was started without a CanonicalTypes setup)";
  }
}
