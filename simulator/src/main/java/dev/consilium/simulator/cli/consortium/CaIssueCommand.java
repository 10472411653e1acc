package dev.consilium.simulator.cli.consortium;

import dev.consilium.runtime.identity.ConsortiumCa;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.IssuedMember;
import dev.consilium.runtime.identity.MemberEndpoint;
import dev.consilium.runtime.identity.MemberName;
import dev.consilium.runtime.identity.MemberSummary;
import dev.consilium.roles.customer.PseudonymKeyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code consilium ca issue}: issues one member and writes its directory. */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = {
        "Issue a member: a TLS key (tls.key, mode 600) and certificate (tls.crt) signed by the root CA, a copy of "
            + "ca.crt, an Ed25519 signing key (signing.key, PKCS#8 PEM, mode 600), and its DID document "
            + "(member.doc; member.txt says the same for people).",
        "The certificate names the member (CN), its DID (SAN URI), its host, and members.CONSORTIUM.consilium, "
            + "the subject name all members share. Refuses to overwrite any of these files."})
final class CaIssueCommand extends SetupCommand {
  @Option(names = "--ca", required = true, paramLabel = "DIR", description = "The CA directory (ca.key, ca.crt).")
  Path caDir;

  @Option(names = "--member", required = true, paramLabel = "NAME", converter = SetupValues.Member.class,
      description = "The member's name, a DNS label such as bank-a.")
  MemberName member;

  @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE", converter = SetupValues.Role.class,
      description = "Comma-separated roles: institution, regulator, compute, device, validator.")
  Set<String> roles = new LinkedHashSet<>();

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The member's directory; created if missing.")
  Path out;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", converter = SetupValues.Host.class,
      description = "Where the member's node listens: IP address or DNS name (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "25520",
      description = "Its Artery port, for the DID document's endpoint (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  int run(PrintWriter out) throws IdentityException, IOException {
    MemberEndpoint endpoint;
    try {
      endpoint = new MemberEndpoint(host, port);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '--port': " + e.getMessage());
    }
    Instant now = Instant.now();
    ConsortiumCa ca = ConsortiumCa.load(caDir, now);
    warn(ca.warnings());
    IssuedMember issued = ca.issue(member, roles, endpoint, now, new SecureRandom());
    issued.writeTo(this.out);
    if (roles.contains("institution")) {
      // Institutions find their customers behind inquiries' pseudonyms: they get the consortium's key.
      PseudonymKeyFile.write(this.out, PseudonymKeyFile.read(caDir));
    }
    out.println(name() + ": issued member " + member + " of consortium " + ca.consortium() + " into " + this.out);
    out.print(MemberSummary.text(ca.consortium(), member, issued.document(), issued.certificate(), ca.certificate()));
    return 0;
  }
}
