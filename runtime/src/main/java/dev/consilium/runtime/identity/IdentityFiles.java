package dev.consilium.runtime.identity;

/**
 * The names of the files in a CA directory and in a member directory. The TLS names are the ones Akka's
 * {@code RotatingKeysSSLEngineProvider} expects by convention, so a member directory can also be mounted
 * as its secret directory unchanged.
 *
 * <pre>
 * CA directory        ca.key       the root's RSA key, PKCS#8 PEM, mode 600     secret
 *                     ca.crt       the root's self-signed certificate, PEM      public
 * member directory    tls.key      the member's RSA key, PKCS#8 PEM, mode 600   secret
 *                     tls.crt      its certificate, issued by the root, PEM     public
 *                     ca.crt       a copy of the root's certificate, PEM        public
 *                     signing.key  its Ed25519 key, PKCS#8 PEM (RFC 8410), 600  secret
 *                     member.doc   its DID document, canonical bytes            public
 *                     member.txt   the same, readable by people                 public
 * </pre>
 *
 * The public files are what a member hands to the others (the genesis creator reads only those).
 */
public final class IdentityFiles {
  public static final String CA_KEY = "ca.key";
  public static final String CA_CERTIFICATE = "ca.crt";
  public static final String TLS_KEY = "tls.key";
  public static final String TLS_CERTIFICATE = "tls.crt";
  public static final String SIGNING_KEY = "signing.key";
  public static final String AGREEMENT_KEY = "agreement.key";
  public static final String DOCUMENT = "member.doc";
  public static final String SUMMARY = "member.txt";

  private IdentityFiles() {}
}
