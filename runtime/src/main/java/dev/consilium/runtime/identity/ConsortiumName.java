package dev.consilium.runtime.identity;

/**
 * The name of a consortium: one lowercase DNS label, e.g. {@code demo}. It is the organisation (O) of the
 * root CA and of every member certificate, and it gives the subject name all its members share.
 */
public record ConsortiumName(String value) {
  private static final String MEMBER_SUBJECT_PREFIX = "members.";
  private static final String MEMBER_SUBJECT_SUFFIX = ".consilium";

  public ConsortiumName {
    DnsLabel.require("consortium name", value);
  }

  public static ConsortiumName of(String value) {
    return new ConsortiumName(value);
  }

  /**
   * The SAN DNS name every member certificate of this consortium carries, {@code members.<name>.consilium}.
   * Artery's {@code PeerSubjectVerifier} accepts a TLS peer only if its certificate shares a subject name
   * (the CN or a SAN DNS name) with the node's own: this is the name they share. It is not a host name and
   * is never resolved.
   */
  public String memberSubjectName() {
    return MEMBER_SUBJECT_PREFIX + value + MEMBER_SUBJECT_SUFFIX;
  }

  @Override
  public String toString() {
    return value;
  }
}
