package dev.consilium.runtime.identity;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Akka settings that put Artery on mutual TLS with a member's files: transport {@code tls-tcp} and
 * Akka's {@code RotatingKeysSSLEngineProvider} reading {@code tls.key}, {@code tls.crt} and {@code ca.crt}.
 *
 * <p>That provider trusts exactly the certificates {@code ca.crt} issued, asks every peer for its certificate
 * (mutual TLS) and then accepts the peer only if its certificate shares a subject name (CN or SAN DNS) with
 * the node's own: all members of a consortium share {@link ConsortiumName#memberSubjectName()}. It re-reads
 * the files every {@code ssl-context-cache-ttl} (5 minutes by default), so certificates can be replaced
 * without a restart; the replacements are not re-checked by {@link MemberIdentity} then.
 */
public final class ArteryTlsConfig {
  public static final String PROVIDER = "akka.remote.artery.tcp.ssl.RotatingKeysSSLEngineProvider";
  private static final String ENGINE = "akka.remote.artery.ssl.rotating-keys-engine.";

  private ArteryTlsConfig() {}

  /** Loads and checks member directory {@code dir} (see {@link MemberIdentity#load(Path)}), then as {@link #of}. */
  public static Config forDirectory(Path dir) throws IdentityException {
    return of(MemberIdentity.load(dir));
  }

  /** The settings for {@code identity}'s files, with absolute paths; to be layered over the node's config. */
  public static Config of(MemberIdentity identity) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("akka.remote.artery.transport", "tls-tcp");
    settings.put("akka.remote.artery.ssl.ssl-engine-provider", PROVIDER);
    settings.put(ENGINE + "key-file", absolute(identity.tlsKeyFile()));
    settings.put(ENGINE + "cert-file", absolute(identity.tlsCertificateFile()));
    settings.put(ENGINE + "ca-cert-file", absolute(identity.caCertificateFile()));
    // parseMap reads the dotted keys as paths, and quotes the file names however they are spelt.
    return ConfigFactory.parseMap(settings, "Artery mutual TLS of member " + identity.name());
  }

  private static String absolute(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }
}
