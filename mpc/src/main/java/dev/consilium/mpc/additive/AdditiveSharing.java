package dev.consilium.mpc.additive;

import dev.consilium.mpc.prg.Prg;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.secret.SecretBytes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits vectors and matrices over Z_2⁶⁴ into seed-compressed additive shares, and adds and reconstructs
 * shares.
 *
 * <p>A split into n parties draws n − 1 fresh 32-byte seeds from the {@link SecureRandom}; shares 0..n−2 are
 * those seeds ({@link SeededShare}) and share n−1 is explicit: secret − Σ expansions. Share order is the
 * caller's party order; which party receives the explicit share is the caller's choice.
 *
 * <p>An instance holds only its settings and is safe to use from several threads if its {@link SecureRandom}
 * is (the JDK's are).
 */
public final class AdditiveSharing {
  private final PrgAlgorithm algorithm;
  private final int parties;
  private final SecureRandom random;

  private AdditiveSharing(PrgAlgorithm algorithm, int parties, SecureRandom random) {
    this.algorithm = algorithm;
    this.parties = parties;
    this.random = random;
  }

  /** Throws {@link IllegalArgumentException} when {@code parties < 2}. */
  public static AdditiveSharing create(PrgAlgorithm algorithm, int parties, SecureRandom random) {
    if (algorithm == null) {
      throw new NullPointerException("algorithm");
    }
    if (random == null) {
      throw new NullPointerException("random");
    }
    if (parties < 2) {
      throw new IllegalArgumentException("additive sharing needs at least 2 parties, was " + parties);
    }
    return new AdditiveSharing(algorithm, parties, random);
  }

  public PrgAlgorithm algorithm() {
    return algorithm;
  }

  public int parties() {
    return parties;
  }

  /** {@link #parties()} shares of {@code secret}, on the calling thread. */
  public List<VectorShare> split(long[] secret) {
    return split(secret, drawSeeds(), false);
  }

  /**
   * The same as {@link #split(long[])}, with the index range divided among the machine's cores; each core
   * expands its own range of every seed and writes its own segment of the explicit share. The slices run on
   * the calling thread and the common fork-join pool, or, when called from a fork-join worker (Akka's default
   * dispatcher is one), in that worker's pool: call it from a dedicated thread if that pool must stay
   * responsive. Below 32,768 elements per core it runs on the calling thread alone.
   */
  public List<VectorShare> splitParallel(long[] secret) {
    return split(secret, drawSeeds(), true);
  }

  /** {@link #parties()} shares of a matrix: the shape travels with every share. */
  public List<MatrixShare> splitMatrix(RingMatrix secret) {
    return asMatrixShares(secret, split(secret.values()));
  }

  /** {@link #splitMatrix(RingMatrix)} on all cores, as {@link #splitParallel(long[])}. */
  public List<MatrixShare> splitMatrixParallel(RingMatrix secret) {
    return asMatrixShares(secret, splitParallel(secret.values()));
  }

  /** The secret: the sum of all shares, mod 2⁶⁴. Throws {@link IllegalArgumentException} on length mismatch. */
  public static long[] reconstruct(List<? extends VectorShare> shares) {
    return ShareArithmetic.sum(shares);
  }

  /** The matrix: the sum of all shares. Throws {@link IllegalArgumentException} on shape mismatch. */
  public static RingMatrix reconstructMatrix(List<MatrixShare> shares) {
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("no matrix shares to reconstruct from");
    }
    MatrixShare first = shares.get(0);
    List<VectorShare> values = new ArrayList<>(shares.size());
    for (MatrixShare share : shares) {
      ShareArithmetic.requireSameShape(first, share);
      values.add(share.values());
    }
    return RingMatrix.wrap(first.rows(), first.cols(), ShareArithmetic.sum(values));
  }

  /** A share of a + b from shares of a and b held by the same party. */
  public static ExplicitShare add(VectorShare a, VectorShare b) {
    return ExplicitShare.wrap(ShareArithmetic.sum(List.of(a, b)));
  }

  /** A share of the sum of several secrets from this party's share of each. */
  public static ExplicitShare add(List<? extends VectorShare> shares) {
    return ExplicitShare.wrap(ShareArithmetic.sum(shares));
  }

  /** A share of A + B from shares of A and B held by the same party. */
  public static MatrixShare add(MatrixShare a, MatrixShare b) {
    ShareArithmetic.requireSameShape(a, b);
    return MatrixShare.of(a.rows(), a.cols(), add(a.values(), b.values()));
  }

  /** Splits with given seeds; package-private so that tests can compare sequential and parallel splits. */
  List<VectorShare> split(long[] secret, List<SecretBytes> seeds, boolean parallel) {
    if (seeds.size() != parties - 1) {
      throw new IllegalArgumentException(
          "a split into " + parties + " parties needs " + (parties - 1) + " seeds, got " + seeds.size());
    }
    List<VectorShare> shares = new ArrayList<>(parties);
    Prg[] prgs = new Prg[seeds.size()];
    for (int i = 0; i < prgs.length; i++) {
      SeededShare share = SeededShare.of(algorithm, seeds.get(i), secret.length);
      shares.add(share);
      prgs[i] = share.prg();
    }
    shares.add(parallel
        ? ExplicitShare.wrapSegments(FusedSplit.explicitShareParallel(secret, prgs))
        : ExplicitShare.wrap(FusedSplit.explicitShare(secret, prgs)));
    return List.copyOf(shares);
  }

  private List<SecretBytes> drawSeeds() {
    List<SecretBytes> seeds = new ArrayList<>(parties - 1);
    for (int i = 0; i < parties - 1; i++) {
      seeds.add(SecretBytes.random(Prg.SEED_BYTES, random));
    }
    return seeds;
  }

  private static List<MatrixShare> asMatrixShares(RingMatrix secret, List<VectorShare> shares) {
    List<MatrixShare> out = new ArrayList<>(shares.size());
    for (VectorShare share : shares) {
      out.add(MatrixShare.of(secret.rows(), secret.cols(), share));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "AdditiveSharing[" + algorithm + ", " + parties + " parties]";
  }
}
