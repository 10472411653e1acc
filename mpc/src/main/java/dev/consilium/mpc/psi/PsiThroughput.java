package dev.consilium.mpc.psi;

import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A throughput measurement for benchmarks, not a test: a two-party PSI of n × n ids with a known overlap,
 * every cryptographic step of the protocol run in this JVM in chunks as the member actors run them (each
 * party hashes and blinds its own ids, the other party checks and blinds them chunk by chunk, the leader
 * checks both fully blinded lists and intersects them, the designated party maps positions back to ids).
 * Messaging is left out, so this is the protocol's computational cost, the floor under a networked run.
 *
 * <p>CPU time is the whole process's ({@code OperatingSystemMXBean.getProcessCpuTime}), which counts the
 * fork/join workers the batches run on; keep the JVM otherwise idle while measuring.
 */
public final class PsiThroughput {
  /**
   * One run's figures.
   *
   * @param itemsPerParty n, the ids each party brings
   * @param expectedCommon the overlap built into the inputs
   * @param foundCommon how many ids the run found in common (equal to expectedCommon, or the run throws)
   * @param wallMs elapsed time
   * @param cpuMs process CPU time over the run, or -1 where the JVM does not report it
   */
  public record Measurement(int itemsPerParty, int expectedCommon, int foundCommon, long wallMs, long cpuMs) {
    /** Ids per second of wall time, counting both parties' ids. */
    public double idsPerSecond() {
      return wallMs == 0 ? Double.POSITIVE_INFINITY : 2.0 * itemsPerParty * 1000 / wallMs;
    }
  }

  private PsiThroughput() {}

  /**
   * Runs a two-party PSI of {@code itemsPerParty} ids each, {@code common} of them shared, in chunks of
   * {@code chunkPoints} points.
   *
   * @throws IllegalArgumentException if a count is out of range
   * @throws IllegalStateException if the run finds a different intersection than it built (a bug)
   */
  public static Measurement twoParties(int itemsPerParty, int common, int chunkPoints, SecureRandom random)
      throws GeneralSecurityException {
    Objects.requireNonNull(random, "random");
    if (itemsPerParty < 0 || common < 0 || common > itemsPerParty) {
      throw new IllegalArgumentException("need 0 <= common <= itemsPerParty, got common " + common
          + " and itemsPerParty " + itemsPerParty);
    }
    if (chunkPoints < 1) {
      throw new IllegalArgumentException("chunkPoints must be positive, was " + chunkPoints);
    }
    PsiIds a = PsiIds.of(ids("a", itemsPerParty, common), itemsPerParty);
    PsiIds b = PsiIds.of(ids("b", itemsPerParty, common), itemsPerParty);
    long cpuBefore = processCpuNanos();
    long wallBefore = System.nanoTime();

    String session = "throughput-" + System.nanoTime();
    PsiParty leader = PsiParty.create(session, a, random);
    PsiParty other = PsiParty.create(session, b, random);
    byte[] leaderFinal = fullyBlinded(leader, other, chunkPoints, false);
    byte[] otherFinal = fullyBlinded(other, leader, chunkPoints, true);
    List<int[]> positions = PsiIntersection.positions(List.of(leaderFinal, otherFinal));
    List<String> found = leader.idsAt(positions.get(0));

    long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallBefore);
    long cpuAfter = processCpuNanos();
    long cpuMs = cpuBefore < 0 || cpuAfter < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(cpuAfter - cpuBefore);
    if (!found.equals(PsiIds.canonicallySorted(ids("a", itemsPerParty, common).subList(0, common)))) {
      throw new IllegalStateException("the run found " + found.size() + " common ids, built with " + common);
    }
    return new Measurement(itemsPerParty, common, found.size(), wallMs, cpuMs);
  }

  /**
   * {@code owner}'s list through {@code peer} and back: the owner checks each returned chunk, and the leader
   * checks it once more when it arrives from another party ({@code sentToLeader}).
   */
  private static byte[] fullyBlinded(PsiParty owner, PsiParty peer, int chunkPoints, boolean sentToLeader)
      throws GeneralSecurityException {
    List<byte[]> chunks = new ArrayList<>();
    for (int from = 0; from < owner.size(); from += chunkPoints) {
      int to = Math.min(owner.size(), from + chunkPoints);
      List<byte[]> blinded = peer.blindForPeer(owner.ownPoints(from, to));
      PsiPoints.checkAll(blinded);
      if (sentToLeader) {
        PsiPoints.checkAll(blinded);
      }
      chunks.add(PsiPoints.join(blinded));
    }
    byte[] list = new byte[owner.size() * PsiPoints.POINT_BYTES];
    int offset = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, list, offset, chunk.length);
      offset += chunk.length;
    }
    return list;
  }

  /** The first {@code common} ids are shared; the rest are the party's own. */
  private static List<String> ids(String party, int count, int common) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(i < common ? "customer-" + i : party + "-only-" + i);
    }
    return ids;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
