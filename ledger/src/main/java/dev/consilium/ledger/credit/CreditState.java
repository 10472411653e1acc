package dev.consilium.ledger.credit;

import dev.consilium.ledger.contract.ContractState;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every inquiry by id, and the Paillier keys the institutions registered to ask under. Immutable. Canonical
 * form: the inquiries ordered by inquiry id ([a-z0-9-], so string order is byte order), each id followed by
 * its {@link Inquiry}; then the {@link RegisteredKeys}. The {@link CreditBounds} are checked on open and
 * again when a state is read.
 */
public final class CreditState implements ContractState {
  private static final SigningDomain HASH_DOMAIN = SigningDomain.of("consilium/credit/state-hash/v1");

  private final SortedMap<String, Inquiry> inquiries;
  private final RegisteredKeys keys;
  private final int heldCustomers;
  private final int heldCiphertexts;
  private volatile Sha256Hash hash; // immutable state: computed at most once

  private CreditState(SortedMap<String, Inquiry> inquiries, RegisteredKeys keys) {
    this.inquiries = Collections.unmodifiableSortedMap(inquiries);
    this.keys = keys;
    long customers = 0;
    long ciphertexts = 0;
    for (Inquiry inquiry : inquiries.values()) {
      customers += inquiry.customerCount();
      ciphertexts += inquiry.ciphertextsPerShare();
    }
    // At most 100,000 inquiries of at most 1,000 each: never past int range, checked anyway.
    this.heldCustomers = Math.toIntExact(customers);
    this.heldCiphertexts = Math.toIntExact(ciphertexts);
  }

  static CreditState empty() {
    return new CreditState(new TreeMap<>(), RegisteredKeys.empty());
  }

  static CreditState read(CanonicalReader reader, CreditBounds bounds) throws CanonicalFormatException {
    List<Map.Entry<String, Inquiry>> list = reader.readList(CreditState::readEntry, bounds.maxInquiries());
    SortedMap<String, Inquiry> inquiries = new TreeMap<>();
    String previous = null;
    for (Map.Entry<String, Inquiry> entry : list) {
      if (previous != null && previous.compareTo(entry.getKey()) >= 0) {
        throw reader.malformed("inquiries must be sorted by id and distinct; " + entry.getKey() + " follows "
            + previous);
      }
      inquiries.put(entry.getKey(), entry.getValue());
      previous = entry.getKey();
    }
    CreditState state = new CreditState(inquiries, RegisteredKeys.read(reader));
    if (state.heldCustomers > bounds.maxHeldCustomers()) {
      throw reader.malformed("the credit state holds " + state.heldCustomers + " customers, over its maximum of "
          + bounds.maxHeldCustomers());
    }
    if (state.heldCiphertexts > bounds.maxHeldCiphertexts()) {
      throw reader.malformed("the credit state's totals hold " + state.heldCiphertexts
          + " ciphertexts per share together, over its maximum of " + bounds.maxHeldCiphertexts());
    }
    return state;
  }

  /**
   * The hash the block's state root takes: SHA-256 over a domain, then each inquiry's id and the hash of its
   * canonical bytes in id order, then the registered keys. Equal states give equal hashes, as with hashing
   * the whole encoding, but a step rehashes only the inquiry it changed (an {@link Inquiry} keeps its hash):
   * hashing every inquiry's bytes at every block made the state root a growing share of each replica's CPU.
   */
  @Override
  public Sha256Hash stateHash() {
    Sha256Hash h = hash;
    if (h == null) {
      CanonicalWriter writer = new CanonicalWriter().writeDomain(HASH_DOMAIN);
      writer.writeList(new ArrayList<>(inquiries.entrySet()), (w, e) -> {
        w.writeString(e.getKey());
        w.writeFixedBytes(e.getValue().hash().toByteArray());
      });
      keys.writeTo(writer);
      h = Sha256.digest(writer.toByteArray());
      hash = h;
    }
    return h;
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeList(new ArrayList<>(inquiries.entrySet()), (w, e) -> {
      w.writeString(e.getKey());
      e.getValue().writeTo(w);
    });
    keys.writeTo(writer);
  }

  /** The Paillier keys the institutions registered to ask under. */
  public RegisteredKeys keys() {
    return keys;
  }

  /** A copy with {@code publicKey} registered for {@code institution} (its oldest dropped past the bound). */
  CreditState withKey(Did institution, byte[] publicKey) {
    return new CreditState(inquiries, keys.with(institution, publicKey));
  }

  public Optional<Inquiry> find(String inquiryId) {
    return Optional.ofNullable(inquiries.get(inquiryId));
  }

  /** Every inquiry, by id. */
  public SortedMap<String, Inquiry> inquiries() {
    return inquiries;
  }

  public int size() {
    return inquiries.size();
  }

  /** The customers of every inquiry held, summed. */
  public int heldCustomers() {
    return heldCustomers;
  }

  /** The ciphertexts per share of every inquiry held, summed: the most ciphertexts their totals can hold. */
  public int heldCiphertexts() {
    return heldCiphertexts;
  }

  /** A copy with a new inquiry; copies the map, as the other contract states do. */
  CreditState withNew(String inquiryId, Inquiry inquiry) {
    if (inquiries.containsKey(inquiryId)) {
      throw new IllegalStateException("inquiry " + inquiryId + " exists; validate must refuse a duplicate");
    }
    return with(inquiryId, inquiry);
  }

  /** A copy with an existing inquiry replaced. */
  CreditState withUpdated(String inquiryId, Inquiry inquiry) {
    if (!inquiries.containsKey(inquiryId)) {
      throw new IllegalStateException("inquiry " + inquiryId + " does not exist; validate must refuse the step");
    }
    return with(inquiryId, inquiry);
  }

  @Override
  public String toString() {
    return "CreditState[" + inquiries.size() + " inquiries, " + keys + "]";
  }

  private CreditState with(String inquiryId, Inquiry inquiry) {
    SortedMap<String, Inquiry> next = new TreeMap<>(inquiries);
    next.put(inquiryId, inquiry);
    return new CreditState(next, keys);
  }

  private static Map.Entry<String, Inquiry> readEntry(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = InquiryIds.read(reader);
    return Map.entry(inquiryId, Inquiry.read(reader));
  }
}
