package dev.consilium.runtime.replication;

import java.util.List;

/**
 * Where the regulator's audit stands: the last block it checked itself (height, hash, state root), the
 * committed height the replica reports, whether everything checked so far holds, when it last looked, and
 * the alarms (newest last).
 */
public record AuditStatus(long verifiedHeight, String verifiedHash, String stateRoot, long committedHeight,
    boolean healthy, long lastCheckMs, List<Alarm> alarms) {

  /** A block that failed a check: its height and the exact reason. */
  public record Alarm(long height, String reason, long atMs) {}
}
