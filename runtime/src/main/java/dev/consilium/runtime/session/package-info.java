/**
 * Multi-party sessions (DESIGN §7): a session has an id, a protocol, a coordinator, participants and ordered
 * phases, each with a deadline, and ends with exactly one outcome (completed, timed out, participant lost,
 * refused) recorded on the ledger's {@code sessions} contract.
 *
 * <p>A protocol plugs in on two sides. On the coordinating member it starts sessions on its
 * {@link dev.consilium.runtime.session.SessionCoordinator} with a
 * {@link dev.consilium.runtime.session.SessionPlan} and a
 * {@link dev.consilium.runtime.session.CoordinatorSteps} (inputs per phase, checks of outputs, closing a
 * phase); on every participating member it runs a {@link dev.consilium.runtime.session.SessionParticipant}
 * with its {@link dev.consilium.runtime.session.ParticipantSteps} (the work of one step). A credit inquiry is
 * then a session whose participants are the banks, with a {@code contribute} phase and, when the plan's
 * minimum allows going on without a late bank, a {@code correct} phase whose inputs name the missing banks.
 * A feature-learning round is a session per round: holders {@code share}, compute nodes {@code aggregate},
 * the task owner (a participant of its own session) runs the top model in {@code update-model}, holders
 * {@code apply-gradient}.
 *
 * <p>The framework takes care of what every protocol would otherwise get wrong: at-most-once messages
 * (requests are repeated until answered, answers are idempotent by session, party and phase), deadlines,
 * participants lost to the cluster or revoked by the ledger, bounds on sessions and steps, and recording
 * the outcome, by the coordinator or, if the coordinator is lost, by a participant.
 */
package dev.consilium.runtime.session;
