package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * What one party commits to for one round: {@code sentDigest}, the SHA-256 chain over everything it sent in
 * the round (so a dispute can be settled against the messages themselves), and {@code modelDigest}, the hash
 * of its model parameters after the round, which the owner and every holder have and a compute node, holding
 * no model, has not. Hashes only: nothing here reveals a share, a Z_i or a weight.
 *
 * <p>Encoding: the DID, the 32-byte sent digest, then the model digest as a byte string of 32 bytes, or of
 * none when absent.
 */
public record PartyDigest(Did party, Sha256Hash sentDigest, Optional<Sha256Hash> modelDigest)
    implements CanonicalEncodable {
  public PartyDigest {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(sentDigest, "sentDigest");
    Objects.requireNonNull(modelDigest, "modelDigest");
  }

  /** The digest of the owner or a holder, which has a model. */
  public static PartyDigest withModel(Did party, Sha256Hash sentDigest, Sha256Hash modelDigest) {
    return new PartyDigest(party, sentDigest, Optional.of(modelDigest));
  }

  /** The digest of a compute node, which has no model. */
  public static PartyDigest withoutModel(Did party, Sha256Hash sentDigest) {
    return new PartyDigest(party, sentDigest, Optional.empty());
  }

  public static PartyDigest read(CanonicalReader reader) throws CanonicalFormatException {
    Did party = Did.read(reader);
    Sha256Hash sentDigest = Sha256Hash.fromBytes(reader.readFixedBytes(Sha256Hash.LENGTH_BYTES));
    byte[] model = reader.readBytes(Sha256Hash.LENGTH_BYTES);
    if (model.length != 0 && model.length != Sha256Hash.LENGTH_BYTES) {
      throw reader.malformed("the model digest of " + party + " has " + model.length + " bytes; it has "
          + Sha256Hash.LENGTH_BYTES + " or none");
    }
    return new PartyDigest(party, sentDigest,
        model.length == 0 ? Optional.empty() : Optional.of(Sha256Hash.fromBytes(model)));
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    party.writeTo(writer);
    writer.writeFixedBytes(sentDigest.toByteArray());
    writer.writeBytes(modelDigest.map(Sha256Hash::toByteArray).orElse(new byte[0]));
  }
}
