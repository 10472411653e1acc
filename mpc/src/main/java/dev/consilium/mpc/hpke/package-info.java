/**
 * Single-shot public-key encryption to an X25519 key: HPKE (RFC 9180) in base mode with DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256 and AES-128-GCM, through BouncyCastle. A bank files a report encrypted to the
 * regulator's agreement key from its DID document.
 *
 * <p>What each party learns: the holder of the recipient's private key learns the plaintext, and that it was
 * sealed to its key under the given info and aad, but not who sealed it (base mode does not authenticate the
 * sender; sign the sealed bytes for that). The sender keeps nothing: the ephemeral key is used once and
 * dropped. Everyone else learns the plaintext's length (the sealed box is 48 bytes longer) and the aad, which
 * is authenticated but not encrypted.
 */
package dev.consilium.mpc.hpke;
