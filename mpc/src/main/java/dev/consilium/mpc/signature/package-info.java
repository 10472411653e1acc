/**
 * Digital signatures: Ed25519 (RFC 8032, pure variant) on BouncyCastle's low-level implementation.
 *
 * <p>Shaped like Google Tink: keys ({@link dev.consilium.mpc.signature.Ed25519PrivateKey},
 * {@link dev.consilium.mpc.signature.Ed25519PublicKey}) are immutable values validated when built;
 * primitives ({@link dev.consilium.mpc.signature.PublicKeySign},
 * {@link dev.consilium.mpc.signature.PublicKeyVerify}) are made from keys and are thread-safe.
 *
 * <p>What the signature covers is the caller's business: sign canonical bytes with a signing domain
 * ({@code dev.consilium.mpc.canonical.SigningDomain}) so that a signature over one kind of object can never
 * be replayed as another.
 */
package dev.consilium.mpc.signature;
