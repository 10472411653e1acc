package dev.consilium.ledger.membership;

import dev.consilium.ledger.contract.ContractState;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every member ever admitted, with its current DID document and status, ordered by DID. Immutable. */
public final class MembershipState implements ContractState {
  /** Bounds decoding of a snapshot. */
  public static final int MAX_MEMBERS = 100_000;

  private final SortedMap<Did, Member> members;

  private MembershipState(SortedMap<Did, Member> members) {
    this.members = Collections.unmodifiableSortedMap(members);
  }

  static MembershipState of(List<MemberDocument> founders) {
    SortedMap<Did, Member> members = new TreeMap<>();
    for (MemberDocument founder : founders) {
      members.put(founder.did(), new Member(founder, MemberStatus.ADMITTED));
    }
    return new MembershipState(members);
  }

  public static MembershipState read(CanonicalReader reader) throws CanonicalFormatException {
    List<Member> list = reader.readList(Member::read, MAX_MEMBERS);
    SortedMap<Did, Member> members = new TreeMap<>();
    Did previous = null;
    for (Member member : list) {
      Did did = member.document().did();
      if (previous != null && previous.compareTo(did) >= 0) {
        throw reader.malformed("members must be sorted by DID and distinct; " + did + " follows " + previous);
      }
      members.put(did, member);
      previous = did;
    }
    return new MembershipState(members);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeList(new ArrayList<>(members.values()), (w, m) -> m.writeTo(w));
  }

  public Optional<Member> find(Did did) {
    return Optional.ofNullable(members.get(did));
  }

  /** True if {@code did} is admitted and not revoked. */
  public boolean isAdmitted(Did did) {
    Member member = members.get(did);
    return member != null && member.status() == MemberStatus.ADMITTED;
  }

  /** True if {@code did} is admitted and holds {@code role}. */
  public boolean isAdmittedWithRole(Did did, String role) {
    Member member = members.get(did);
    return member != null && member.status() == MemberStatus.ADMITTED && member.document().hasRole(role);
  }

  /** Admitted members holding {@code role}, ordered by DID. */
  public List<MemberDocument> admittedWithRole(String role) {
    List<MemberDocument> out = new ArrayList<>();
    for (Member member : members.values()) {
      if (member.status() == MemberStatus.ADMITTED && member.document().hasRole(role)) {
        out.add(member.document());
      }
    }
    return out;
  }

  public Map<Did, Member> members() {
    return members;
  }

  MembershipState with(MemberDocument document, MemberStatus status) {
    SortedMap<Did, Member> next = new TreeMap<>(members);
    next.put(document.did(), new Member(document, status));
    return new MembershipState(next);
  }

  @Override
  public String toString() {
    return "MembershipState[" + members.size() + " members]";
  }

  /** A member's current document and status. */
  public record Member(MemberDocument document, MemberStatus status) {
    static Member read(CanonicalReader reader) throws CanonicalFormatException {
      MemberDocument document = MemberDocument.read(reader);
      int status = reader.readU8();
      if (status >= MemberStatus.values().length) {
        throw reader.malformed("unknown member status " + status);
      }
      return new Member(document, MemberStatus.values()[status]);
    }

    void writeTo(CanonicalWriter writer) {
      document.writeTo(writer);
      writer.writeU8(status.ordinal());
    }
  }
}
