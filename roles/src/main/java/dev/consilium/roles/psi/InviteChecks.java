package dev.consilium.roles.psi;

import dev.consilium.ledger.identity.Did;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Why an invitation cannot be taken, checked before the member's policy sees it. */
final class InviteChecks {
  private InviteChecks() {}

  static String problem(PsiMessage.Invite invite, Did self, PsiSettings settings) {
    List<Did> parties = invite.parties();
    if (parties == null || invite.designated() == null || invite.purpose() == null) {
      return "the invitation lacks parties, designated parties or a purpose";
    }
    if (parties.size() < 2 || parties.size() > settings.maxParties()) {
      return "a session here has 2 to " + settings.maxParties() + " parties, the invitation names " + parties.size();
    }
    for (int i = 0; i < parties.size(); i++) {
      if (parties.get(i) == null || (i > 0 && parties.get(i - 1).compareTo(parties.get(i)) >= 0)) {
        return "the invitation's parties must be distinct and sorted";
      }
    }
    if (!parties.contains(self)) {
      return "this member is not among the invitation's parties";
    }
    if (!parties.contains(invite.from())) {
      return "the leader is not among the invitation's parties";
    }
    if (invite.designated().stream().anyMatch(Objects::isNull) || !invite.designated().contains(invite.from()) || new HashSet<>(invite.designated()).size()
        != invite.designated().size() || !parties.containsAll(invite.designated())) {
      return "the designated parties must be distinct parties, the leader among them";
    }
    if (invite.purpose().length() > PsiMember.MAX_PURPOSE_CHARS) {
      return "the purpose has more than " + PsiMember.MAX_PURPOSE_CHARS + " chars";
    }
    if (invite.chunkPoints() < 1 || invite.chunkPoints() > settings.chunkPoints()) {
      return "chunks of " + invite.chunkPoints() + " points; this member takes 1 to " + settings.chunkPoints();
    }
    if (invite.maxInFlightChunks() < 1 || invite.maxInFlightChunks() > settings.maxInFlightChunks()) {
      return invite.maxInFlightChunks() + " chunks in flight; this member takes 1 to " + settings.maxInFlightChunks();
    }
    if (invite.sessionTimeoutMs() < 1) {
      return "the session's deadline must be positive, was " + invite.sessionTimeoutMs() + " ms";
    }
    return null;
  }
}
