/**
 * Multi-party private set intersection between members (DESIGN §5, §8), used to align samples for shared
 * feature learning: the actors that run the protocol of {@link dev.consilium.mpc.psi} across the cluster.
 *
 * <p><b>Using it.</b> Each member runs one {@link dev.consilium.roles.psi.PsiMember}, created with its
 * {@link dev.consilium.roles.psi.PsiSettings} ({@code consilium.psi.*}), its DID, the ledger's membership,
 * its {@link dev.consilium.runtime.discovery.Directory} and a {@link dev.consilium.roles.psi.PsiPolicy}. A
 * caller leads a session by telling its member {@link dev.consilium.roles.psi.PsiMember.Start} (session id,
 * parties, designated parties, purpose, its ids, where the result goes). Every other party's policy is
 * shown a {@link dev.consilium.roles.psi.PsiInvitation} and answers {@link dev.consilium.roles.psi.PsiAnswer#join}
 * with its ids and where its result goes, or {@link dev.consilium.roles.psi.PsiAnswer#refuse}. Every party's
 * caller then gets exactly one {@link dev.consilium.roles.psi.PsiResult}: the intersection (designated), the
 * set sizes (others), or the reason it failed.
 *
 * <p><b>The run.</b> The leader invites; each party checks its ids and accepts with their number; the
 * leader sends the roster of sizes. Each party hashes and blinds its ids in its secret order and sends its
 * list, in chunks of {@code chunk-points} points with at most {@code max-in-flight-chunks} unanswered, to each
 * other party in turn, starting with the next one in DID order; each blinds every point and returns the
 * chunk. Then each party sends its fully blinded list to the leader, which checks every point, intersects,
 * and sends each party its result in parts no larger than a chunk. Hashing, blinding and checking run on
 * Akka's blocking dispatcher and the fork/join pool, never on an actor's thread.
 *
 * <p><b>What each party learns</b> (see {@link dev.consilium.mpc.psi} for the argument): every party, the
 * set sizes; a designated party, the intersection, in the same canonical order (UTF-8 bytes) at every one;
 * the others, nothing more; the leader, in addition, every fully blinded list, from which it can count the
 * common ids of any pair of parties (the known leak). No party sees another's ids, key or order. The
 * invitation's purpose and a refusal's reason are shown to the parties; ids never appear in messages,
 * logs, reasons or {@code toString}.
 *
 * <p><b>Failures.</b> Messages are at most once: chunks, invitations, rosters and results are sent again
 * every {@code retry-interval-ms} until answered, and each is identified by (session, sender, kind, index),
 * so a repeat is answered without being worked on twice. A session ends for every party, with an outcome
 * ({@code REFUSED}, {@code TIMED_OUT}, {@code PARTICIPANT_LOST}) and a reason naming the party and what
 * happened, when: a party declines or its ids are refused; the invitation is not accepted within
 * {@code invite-timeout-ms}; a chunk is malformed (wrong length, a point not on the curve, of low order or not
 * canonical, a repeat with other content, beyond the window or the list); a chunk goes unanswered for
 * {@code chunk-timeout-ms}; a party is lost (unreachable, left, removed, revoked) while it is still needed;
 * or {@code session-timeout-ms} passes. Messages from members the ledger does not admit are dropped
 * ({@link dev.consilium.runtime.admission.Admission}), and from members outside the session ignored.
 *
 * <p><b>Deployment.</b> A chunk message is about 128 KiB with the default 4096 points, under Artery's
 * 256 KiB frame ({@code PsiSettings.fromConfig} checks it). Such messages share Artery's ordinary channel
 * with other traffic unless the member's PSI actor path is listed in
 * {@code akka.remote.artery.large-message-destinations}.
 */
package dev.consilium.roles.psi;
