package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A round as the ledger keeps it: the owner's {@link RoundCommitment} and the timestamp of the block that
 * committed it, the time the roles side measures a silent owner's round timeout from.
 */
public record CommittedRound(RoundCommitment commitment, long committedAtMs) implements CanonicalEncodable {
  public CommittedRound {
    Objects.requireNonNull(commitment, "commitment");
  }

  static CommittedRound read(CanonicalReader reader) throws CanonicalFormatException {
    return new CommittedRound(RoundCommitment.read(reader), reader.readI64());
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    commitment.writeTo(writer);
    writer.writeI64(committedAtMs);
  }

  public int round() {
    return commitment.round();
  }

  public long alignedRows() {
    return commitment.alignedRows();
  }

  public List<Did> activeComputeNodes() {
    return commitment.activeComputeNodes();
  }

  public List<PartyDigest> partyDigests() {
    return commitment.partyDigests();
  }

  public int validationAucMicros() {
    return commitment.validationAucMicros();
  }

  /** The digest {@code party} committed in this round, if it was a party of it. */
  public Optional<PartyDigest> digestOf(Did party) {
    return commitment.partyDigests().stream().filter(d -> d.party().equals(party)).findFirst();
  }

  /** The model after this round, as {@link ModelHash#ofRound}: what {@code register-model} must name. */
  public Sha256Hash modelHash() {
    return ModelHash.ofRound(commitment.partyDigests());
  }
}
