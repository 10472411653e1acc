package dev.consilium.runtime.identity;

/**
 * A member's name within its consortium: one lowercase DNS label, e.g. {@code bank-a}. It is the common name
 * (CN) of the member's certificate; the DID, not the name, is what the ledger knows the member by.
 */
public record MemberName(String value) {
  public MemberName {
    DnsLabel.require("member name", value);
  }

  public static MemberName of(String value) {
    return new MemberName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
