package dev.consilium.mpc.secret;

/**
 * A token every secret accessor demands, so that each place reading secret material names it in the source
 * ({@code SecretAccess.get()}) and a review can find them all with one grep.
 */
public final class SecretAccess {
  private static final SecretAccess INSTANCE = new SecretAccess();

  private SecretAccess() {}

  public static SecretAccess get() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "SecretAccess";
  }
}
