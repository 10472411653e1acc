/**
 * ECDH private set intersection on Curve25519: RFC 9380 hashing to the curve
 * ({@link dev.consilium.mpc.psi.Curve25519HashToCurve}), commutative blinding by X25519 scalar multiplication
 * ({@link dev.consilium.mpc.psi.PsiBlindingKey}), each with an order-preserving parallel batch form, and the
 * protocol's pieces built on them: checked ids ({@link dev.consilium.mpc.psi.PsiIds}), a party's secrets for
 * one session ({@link dev.consilium.mpc.psi.PsiParty}: key, secret order, its own points, blinding for
 * others, positions back to ids), checks of received points ({@link dev.consilium.mpc.psi.PsiPoints}) and the
 * leader's intersection ({@link dev.consilium.mpc.psi.PsiIntersection}).
 *
 * <p>The multi-party protocol (parties P_1..P_m, m &ge; 2, a leader L among them, designated receivers D
 * with L in D): each party hashes its ids under a tag naming the session, blinds them with its fresh key and
 * puts them in a secret random order; its list then goes through every other party in turn, each blinding
 * every point with its own key and keeping the order, so that the party ends with its fully blinded list
 * [k_1·…·k_m]H(id). Every party sends that list to L, which finds the points common to all lists and tells
 * each designated party the positions of its list that are common; the party maps them back through its
 * order to its ids. Equal ids give equal fully blinded points, and nothing else does (but with negligible
 * probability).
 *
 * <p>What each party learns, under the decisional Diffie–Hellman assumption and with parties that follow the
 * protocol:
 * <ul>
 *   <li>every party: every party's set size; the points it blinds for others and gets back for itself, which
 *       look random to it;
 *   <li>a designated party: the intersection of all sets, and nothing about ids outside it;
 *   <li>any other party: only the set sizes, and that the session ended;
 *   <li>the leader: besides its own result, every fully blinded list. It cannot tell which id a point stands
 *       for, but it can intersect any subset of the lists: it learns the size of the intersection of every
 *       pair (and every other subset) of parties' sets, not only of all of them. This is the known leak of
 *       this protocol; the parties accept it by accepting the leader.
 * </ul>
 * A dishonest party can do more: it blinds whatever points it likes, so each party blinds exactly one list
 * per other party, of the size that party announced, which bounds what any one party can test to that many
 * guesses; a dishonest leader can report wrong positions, which no party can check.
 *
 * <p>Timing: field multiplication, squaring and inversion are BouncyCastle's branch-free routines, and X25519
 * is constant-time; the Elligator 2 map and the exceptional cases of point addition still branch on the
 * hashed value, so the hash is not constant-time in the item.
 */
package dev.consilium.mpc.psi;
