package dev.consilium.simulator.simulation;

/**
 * What one member's process reports to the simulation driver, rewritten to its status file every half
 * second: the cluster members it sees up, its follower's verified head, its desk's counters and CPU times.
 */
public record MemberSnapshot(String member, long writtenAtMs, int membersUp, long verifiedHeight, String verifiedHash,
    boolean auditHealthy, long cryptoNanos, long processCpuNanos, long committedEntries, long refusedEntries,
    boolean workloadDone) {}
