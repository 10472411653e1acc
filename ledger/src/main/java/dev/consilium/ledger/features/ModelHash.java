package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The hash that names a trained model: SHA-256 over the domain {@value #DOMAIN_NAME}, then the canonical list of
 * (DID, model digest) pairs of the owner and every holder, in DID order. The model is split among its parties
 * (each holder keeps its W_i, the owner the top model), so it is named by all their digests together. The
 * contract checks {@code register-model} against the hash of the round it takes; the roles side computes the
 * hash it registers with this same method.
 */
public final class ModelHash {
  public static final String DOMAIN_NAME = "consilium/features/model-hash/v1";
  /** The owner and every holder. */
  public static final int MAX_PARTIES = 1 + FeatureTask.MAX_HOLDERS;

  private static final SigningDomain DOMAIN = SigningDomain.of(DOMAIN_NAME);

  private ModelHash() {}

  /** The model hash of the owner's and holders' model digests, by DID (sorted here; any map will do). */
  public static Sha256Hash of(Map<Did, Sha256Hash> modelDigests) {
    if (modelDigests.isEmpty() || modelDigests.size() > MAX_PARTIES) {
      throw new IllegalArgumentException("a model hash covers 1 to " + MAX_PARTIES + " model digests, not "
          + modelDigests.size());
    }
    SortedMap<Did, Sha256Hash> sorted = new TreeMap<>(modelDigests);
    CanonicalWriter writer = new CanonicalWriter().writeDomain(DOMAIN);
    writer.writeList(new ArrayList<>(sorted.entrySet()), (w, e) -> {
      e.getKey().writeTo(w);
      w.writeFixedBytes(e.getValue().toByteArray());
    });
    return Sha256.digest(writer.toByteArray());
  }

  /** The model hash of a round's digests: those that carry a model digest (the owner's and the holders'). */
  public static Sha256Hash ofRound(List<PartyDigest> partyDigests) {
    SortedMap<Did, Sha256Hash> modelDigests = new TreeMap<>();
    for (PartyDigest digest : partyDigests) {
      digest.modelDigest().ifPresent(model -> modelDigests.put(digest.party(), model));
    }
    return of(modelDigests);
  }
}
