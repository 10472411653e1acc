/**
 * Primitives for ECDH private set intersection on Curve25519: RFC 9380 hashing to the curve
 * ({@link dev.consilium.mpc.psi.Curve25519HashToCurve}) and commutative blinding by X25519 scalar multiplication
 * ({@link dev.consilium.mpc.psi.PsiBlindingKey}), each with an order-preserving parallel batch form.
 *
 * <p>The protocol they serve: each party hashes its items, blinds them with its own scalar and sends them;
 * each blinds what it receives with its scalar again. Equal items give equal double-blinded values
 * [a·b]H(x), and nothing else matches. A party that sees only singly blinded points learns the other set's
 * size and nothing about its items (under the decisional Diffie–Hellman assumption); only a party that is
 * given both double-blinded sets learns the intersection, so the protocol sends them to the designated
 * receivers alone. Sessions, deadlines and who receives what live in the runtime, not here.
 *
 * <p>Timing: field multiplication, squaring and inversion are BouncyCastle's branch-free routines, and X25519
 * is constant-time; the Elligator 2 map and the exceptional cases of point addition still branch on the
 * hashed value, so the hash is not constant-time in the item.
 */
package dev.consilium.mpc.psi;
