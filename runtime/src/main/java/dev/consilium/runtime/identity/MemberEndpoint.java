package dev.consilium.runtime.identity;

import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * Where a member's node listens for Artery: a host (an IP literal or a DNS name) and a port. Written into the
 * DID document as {@code host:port} ({@code [v6]:port} for IPv6) and the host into the certificate's SAN.
 */
public record MemberEndpoint(String host, int port) {
  /** Artery's default canonical port. */
  public static final int DEFAULT_PORT = 25520;
  private static final int MAX_HOST_CHARS = 253;
  private static final Pattern DNS_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

  public MemberEndpoint {
    if (host.length() > MAX_HOST_CHARS || !(isIpAddress(host) || DNS_NAME.matcher(host).matches())) {
      throw new IllegalArgumentException("host '" + host + "' is neither an IP address nor a DNS name");
    }
    // Port 0 is for tests only; a document must name a port others can reach.
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
    }
  }

  public boolean isIpAddress() {
    return isIpAddress(host);
  }

  private static boolean isIpAddress(String host) {
    return IPAddress.isValid(host);
  }

  @Override
  public String toString() {
    return (IPAddress.isValidIPv6(host) ? "[" + host + "]" : host) + ":" + port;
  }
}
