/**
 * Member identities and certificates (DESIGN §3): the consortium root CA, issuing a member (TLS key and
 * certificate, Ed25519 signing key, DID and DID document), loading and checking a member's directory, and
 * the Artery settings for mutual TLS with those files.
 *
 * <p>Two keys per member, for two jobs: the RSA TLS key authenticates the transport (Artery's
 * {@code RotatingKeysSSLEngineProvider} reads only RSA keys, with certificates issued directly by the
 * root), the Ed25519 key signs ledger entries. The certificate ties them together: it names the member's
 * DID, and the DID document names the certificate's fingerprint.
 *
 * <p>Secret material (the CA key, the TLS key, the signing seed) is written only to files of mode 600 and
 * leaves its object only through an accessor that demands {@code SecretAccess.get()}; it never appears in
 * {@code toString}, logs or exception messages.
 */
package dev.consilium.runtime.identity;
