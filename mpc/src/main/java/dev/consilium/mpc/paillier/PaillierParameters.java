package dev.consilium.mpc.paillier;

/**
 * The size of a Paillier key and the security level it gives.
 *
 * <p>Encryption draws its randomness as h_s^a with a short exponent a (Damgård–Jurik–Nielsen): the scheme
 * then rests on DCR plus the assumption that h_s^a for a uniform a of {@link #shortExponentBits()} bits is
 * indistinguishable from a uniform element of the subgroup h_s generates. The best known attacks on such
 * short exponents (Pollard's lambda, baby-step giant-step) take about 2^(bits/2) steps, so exponents of
 * twice the security level keep that level: 224 bits for the 112-bit level of a 2048-bit modulus (NIST SP
 * 800-57 part 1, table 2) and 256 bits for the 128-bit level of a 3072-bit modulus.
 */
public enum PaillierParameters {
  MODULUS_2048(2048, 112),
  MODULUS_3072(3072, 128);

  /** The default: 2048-bit modulus, 112-bit security. */
  public static final PaillierParameters DEFAULT = MODULUS_2048;

  private final int modulusBits;
  private final int securityBits;

  PaillierParameters(int modulusBits, int securityBits) {
    this.modulusBits = modulusBits;
    this.securityBits = securityBits;
  }

  /** The parameters for a modulus of exactly {@code modulusBits} bits. */
  public static PaillierParameters forModulusBits(int modulusBits) {
    for (PaillierParameters p : values()) {
      if (p.modulusBits == modulusBits) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Paillier modulus of " + modulusBits + " bits is not supported; use 2048 or 3072");
  }

  public int modulusBits() {
    return modulusBits;
  }

  /** Bytes of the modulus n; a ciphertext (mod n²) takes twice as many. */
  public int modulusBytes() {
    return modulusBits / 8;
  }

  public int securityBits() {
    return securityBits;
  }

  public int shortExponentBits() {
    return 2 * securityBits;
  }
}
