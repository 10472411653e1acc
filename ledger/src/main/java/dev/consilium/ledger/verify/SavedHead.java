package dev.consilium.ledger.verify;

import dev.consilium.mpc.hash.Sha256Hash;
import java.util.Objects;

/**
 * A head a client saved earlier: a height and the block hash it had there. A later copy of the ledger must
 * reach that height with that hash, or it is not the chain the client saw (DESIGN §4, "Verification").
 * Written as {@code HEIGHT:HASH}, e.g. {@code 199:5f3a…}, which is how {@code ledger verify} prints a head.
 */
public record SavedHead(long height, Sha256Hash hash) {
  public SavedHead {
    if (height < 0) {
      throw new IllegalArgumentException("a saved head's height must not be negative, was " + height);
    }
    Objects.requireNonNull(hash, "hash");
  }

  /**
   * Parses {@code HEIGHT:HASH}.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static SavedHead parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected HEIGHT:HASH, found no ':' in '" + text + "'");
    }
    long height;
    try {
      height = Long.parseLong(text.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected HEIGHT:HASH, the height '" + text.substring(0, colon)
          + "' is not a number");
    }
    Sha256Hash hash;
    try {
      hash = Sha256Hash.fromHex(text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected HEIGHT:HASH, the hash is wrong: " + e.getMessage());
    }
    return new SavedHead(height, hash);
  }

  @Override
  public String toString() {
    return height + ":" + hash.toHex();
  }
}
