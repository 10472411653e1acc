package dev.consilium.roles.features.task;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A SHA-256 chain over what a party sent in one round of a task, step by step: the round's commitment on
 * the ledger holds it, so that what a party claims to have sent can later be checked against what it kept.
 * Each step enters as its number and its payload's length and bytes, so no two different sequences of
 * messages hash alike.
 */
public final class RoundDigest {
  private final MessageDigest sha256;

  public RoundDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public void add(long step, byte[] payload) {
    sha256.update(ByteBuffer.allocate(12).putLong(step).putInt(payload.length).array());
    sha256.update(payload);
  }

  /** The digest of everything added since the last call, which starts the next round's chain. */
  public byte[] finish() {
    return sha256.digest();
  }
}
