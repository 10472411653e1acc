package dev.consilium.mpc.mask;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;

/**
 * The long-term secret s_jk two banks share for zero-sum masks: HKDF-SHA256 (RFC 5869) over the X25519 shared
 * secret, with an empty salt and info = domain ‖ lower public key ‖ higher public key (keys in unsigned
 * byte order), so both sides derive the same 32 bytes and the secret is bound to this use and this pair.
 */
public final class PairwiseMaskSecret {
  public static final String DOMAIN = "consilium/zero-sum-mask/pair/v1";
  public static final int LENGTH_BYTES = 32;

  private PairwiseMaskSecret() {}

  /** s_jk for {@code mine} and {@code peer}; refuses a peer key equal to mine or of low order. */
  public static SecretBytes derive(X25519PrivateKey mine, X25519PublicKey peer) throws InvalidKeyException {
    X25519PublicKey own = mine.publicKey();
    if (own.equals(peer)) {
      throw new InvalidKeyException("pairwise mask secret needs two distinct parties, got " + peer + " twice");
    }
    X25519PublicKey low = own.compareTo(peer) < 0 ? own : peer;
    X25519PublicKey high = own.compareTo(peer) < 0 ? peer : own;
    byte[] domain = DOMAIN.getBytes(StandardCharsets.US_ASCII);
    byte[] info = new byte[domain.length + 2 * X25519PublicKey.LENGTH_BYTES];
    System.arraycopy(domain, 0, info, 0, domain.length);
    System.arraycopy(low.toBytes(), 0, info, domain.length, X25519PublicKey.LENGTH_BYTES);
    System.arraycopy(high.toBytes(), 0, info, domain.length + X25519PublicKey.LENGTH_BYTES,
        X25519PublicKey.LENGTH_BYTES);
    byte[] shared = mine.agree(peer).toByteArray(SecretAccess.get());
    byte[] okm = HkdfSha256.derive(shared, new byte[0], info, LENGTH_BYTES);
    try {
      return SecretBytes.copyFrom(okm, SecretAccess.get());
    } finally {
      SecretBytes.wipe(shared);
      SecretBytes.wipe(okm);
    }
  }
}
