package dev.consilium.ledger.genesis;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The consortium's configuration, carried by the genesis block: its name and channel, the founding members'
 * DID documents, the CA certificate (DER), who admits members, and how many validators must persist a block
 * before it counts as committed.
 */
public final class GenesisConfig implements CanonicalEncodable {
  private static final int MAX_NAME_CHARS = 64;
  private static final int MAX_FOUNDERS = 1_000;
  private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

  private final String consortium;
  private final String channel;
  private final List<MemberDocument> founders;
  private final byte[] caCertificate;
  private final AdmissionPolicy admissionPolicy;
  private final int commitQuorum;

  private GenesisConfig(String consortium, String channel, List<MemberDocument> founders, byte[] caCertificate,
      AdmissionPolicy admissionPolicy, int commitQuorum) {
    this.consortium = consortium;
    this.channel = channel;
    this.founders = List.copyOf(founders);
    this.caCertificate = caCertificate.clone();
    this.admissionPolicy = admissionPolicy;
    this.commitQuorum = commitQuorum;
  }

  /**
   * Checks the configuration: distinct founders, at least one regulator, and a commit quorum between 1 and
   * the number of founding validators.
   */
  public static GenesisConfig of(String consortium, String channel, List<MemberDocument> founders,
      byte[] caCertificate, AdmissionPolicy admissionPolicy, int commitQuorum) {
    String problem = problem(channel, founders, commitQuorum);
    if (problem != null) {
      throw new IllegalArgumentException("genesis configuration: " + problem);
    }
    return new GenesisConfig(consortium, channel, founders, caCertificate, admissionPolicy, commitQuorum);
  }

  public static GenesisConfig read(CanonicalReader reader) throws CanonicalFormatException {
    String consortium = reader.readString(MAX_NAME_CHARS);
    String channel = reader.readString(MAX_NAME_CHARS);
    List<MemberDocument> founders = reader.readList(MemberDocument::read, MAX_FOUNDERS);
    byte[] certificate = reader.readBytes(MAX_CERTIFICATE_BYTES);
    int policy = reader.readU8();
    if (policy >= AdmissionPolicy.values().length) {
      throw reader.malformed("unknown admission policy " + policy);
    }
    int quorum = reader.readI32();
    String problem = problem(channel, founders, quorum);
    if (problem != null) {
      throw reader.malformed("genesis configuration: " + problem);
    }
    return new GenesisConfig(consortium, channel, founders, certificate, AdmissionPolicy.values()[policy], quorum);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(consortium).writeString(channel);
    writer.writeList(founders, (w, d) -> d.writeTo(w));
    writer.writeBytes(caCertificate).writeU8(admissionPolicy.ordinal()).writeI32(commitQuorum);
  }

  public String consortium() {
    return consortium;
  }

  /** The channel every entry of this ledger names. */
  public String channel() {
    return channel;
  }

  public List<MemberDocument> founders() {
    return founders;
  }

  public byte[] caCertificate() {
    return caCertificate.clone();
  }

  public AdmissionPolicy admissionPolicy() {
    return admissionPolicy;
  }

  public int commitQuorum() {
    return commitQuorum;
  }

  private static String problem(String channel, List<MemberDocument> founders, int commitQuorum) {
    if (channel.isEmpty() || !channel.matches("[a-z][a-z0-9._-]*") || channel.length() > MAX_NAME_CHARS) {
      return "channel '" + channel + "' is not a valid name";
    }
    Set<Did> seen = new HashSet<>();
    int validators = 0;
    boolean regulator = false;
    for (MemberDocument founder : founders) {
      if (!seen.add(founder.did())) {
        return "founder " + founder.did() + " is listed twice";
      }
      validators += founder.hasRole("validator") ? 1 : 0;
      regulator |= founder.hasRole("regulator");
    }
    if (!regulator) {
      return "no founder has the regulator role";
    }
    if (commitQuorum < 1 || commitQuorum > validators) {
      return "commit quorum " + commitQuorum + " must be between 1 and the " + validators + " founding validators";
    }
    return null;
  }

  @Override
  public String toString() {
    return "GenesisConfig[" + consortium + "/" + channel + ", " + founders.size() + " founders, quorum "
        + commitQuorum + "]";
  }
}
