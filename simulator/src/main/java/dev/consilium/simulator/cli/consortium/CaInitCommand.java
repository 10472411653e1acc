package dev.consilium.simulator.cli.consortium;

import dev.consilium.runtime.identity.ConsortiumCa;
import dev.consilium.runtime.identity.ConsortiumName;
import dev.consilium.runtime.identity.IdentityFiles;
import dev.consilium.roles.customer.PseudonymKey;
import dev.consilium.roles.customer.PseudonymKeyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code consilium ca init}: creates the consortium's root CA; never replaces one. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
        "Create the consortium's root CA: an RSA-3072 key (ca.key, mode 600) and a self-signed certificate "
            + "valid ten years (ca.crt). Every member's TLS certificate is issued directly by it.",
        "Refuses to overwrite an existing CA: its key signed every member's certificate."})
final class CaInitCommand extends SetupCommand {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory for ca.key and ca.crt; created if missing.")
  Path out;

  @Option(names = "--consortium", paramLabel = "NAME", defaultValue = "demo", converter = SetupValues.Consortium.class,
      description = "The consortium's name, a DNS label (default: ${DEFAULT-VALUE}). Members share the TLS "
          + "subject name members.NAME.consilium.")
  ConsortiumName consortium;

  @Override
  int run(PrintWriter out) throws IOException {
    for (String name : new String[] {IdentityFiles.CA_KEY, IdentityFiles.CA_CERTIFICATE, PseudonymKeyFile.NAME}) {
      if (Files.exists(this.out.resolve(name))) {
        spec.commandLine().getErr().println(name() + ": " + this.out + " already holds a CA (" + name
            + "); refusing to overwrite it");
        return 1;
      }
    }
    ConsortiumCa ca = ConsortiumCa.create(consortium, Instant.now(), new SecureRandom());
    ca.writeTo(this.out);
    // The consortium's key for customer pseudonyms, made with the CA and handed by ca issue to institutions.
    PseudonymKeyFile.write(this.out, PseudonymKey.generate(new SecureRandom()));
    X509Certificate certificate = ca.certificate();
    out.println(name() + ": created the root CA of consortium " + consortium + " in " + this.out);
    out.println("certificate  " + certificate.getSubjectX500Principal().getName() + ", valid "
        + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant());
    out.println("fingerprint  SHA-256 " + ca.fingerprint());
    out.println("pseudonyms   " + PseudonymKeyFile.NAME + " (mode 600), handed to every institution ca issue makes");
    out.println("Keep " + IdentityFiles.CA_KEY + " offline; issue members with: consilium ca issue --ca " + this.out
        + " --member NAME --roles ROLES --out DIR");
    return 0;
  }
}
