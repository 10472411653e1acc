package dev.consilium.simulator.cli.consortium;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.genesis.AdmissionPolicy;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.runtime.identity.ConsortiumName;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.runtime.identity.PublishedMember;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code consilium genesis}: block 0 of the consortium's ledger, from the founders' public files, signed by a
 * founding regulator. Members pin its hash: a node whose ledger starts from another block is not in this
 * consortium.
 */
@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    description = {
        "Create the genesis block: the founders' DID documents (member.doc, checked against their tls.crt and "
            + "ca.crt), the CA certificate, the channel, the commit quorum and the admission policy (members are "
            + "admitted by the regulator), signed by the creator, a founding regulator.",
        "Writes the block's canonical bytes to FILE (never over an existing file) and prints its hash, which "
            + "every member pins."})
public final class GenesisCommand extends SetupCommand {
  @Option(names = "--members", required = true, arity = "1..*", paramLabel = "DIR",
      description = "The founders' member directories; only their public files are read (member.doc, tls.crt, "
          + "ca.crt). The creator is a founder whether listed here or not.")
  List<Path> memberDirs;

  @Option(names = "--creator", required = true, paramLabel = "DIR",
      description = "The member directory of the founding regulator who signs the block (its signing.key is read).")
  Path creatorDir;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the block.")
  Path out;

  @Option(names = "--consortium", paramLabel = "NAME", converter = SetupValues.Consortium.class,
      description = "The consortium's name; default and only allowed value: the one its CA certificate names.")
  ConsortiumName consortium;

  @Option(names = "--channel", paramLabel = "NAME", defaultValue = "main",
      description = "The ledger channel (default: ${DEFAULT-VALUE}).")
  String channel;

  @Option(names = "--quorum", paramLabel = "N",
      description = "Validators that must persist a block before it commits (default: a majority of the founding "
          + "validators).")
  Integer quorum;

  @Override
  int run(PrintWriter out) throws IdentityException, IOException, SetupException {
    if (Files.exists(this.out)) {
      throw new SetupException(this.out + " already exists; refusing to overwrite a genesis block");
    }
    Instant now = Instant.now();
    MemberIdentity creator = MemberIdentity.load(creatorDir, now);
    warn(creator.warnings());
    if (!creator.document().hasRole("regulator")) {
      throw new SetupException("the creator " + creator.name() + " (" + creatorDir + ") has roles "
          + creator.document().roles() + "; the genesis block is created by a founding regulator");
    }
    List<PublishedMember> founders = founders(creator, now);
    ConsortiumName name = consortium(creator);
    int validators = (int) founders.stream().filter(f -> f.document().hasRole("validator")).count();
    int commitQuorum = commitQuorum(validators);

    GenesisConfig config;
    try {
      config = GenesisConfig.of(name.value(), channel, founders.stream().map(PublishedMember::document).toList(),
          creator.caCertificate().getEncoded(), AdmissionPolicy.REGULATOR, commitQuorum);
    } catch (IllegalArgumentException e) {
      throw new SetupException(e.getMessage());
    } catch (CertificateEncodingException e) {
      throw new SetupException("cannot encode the CA certificate: " + e.getMessage());
    }
    ContractRegistry contracts = Contracts.standard();
    Block block = GenesisBlock.create(config, creator.signingKey(), now.toEpochMilli(), contracts);
    requireValid(block, contracts);
    byte[] bytes = block.toCanonicalBytes();
    Path parent = this.out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.write(this.out, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    out.println(name() + ": consortium " + name + ", channel " + channel + ", " + founders.size() + " founders");
    for (PublishedMember founder : founders) {
      out.println(String.format("  %-16s %s  %s", founder.name(), founder.did(),
          String.join(",", founder.document().roles())));
    }
    out.println("commit quorum  " + commitQuorum + " of " + validators + " founding validators");
    out.println("admission      by the regulator");
    out.println("signed by      " + creator.name() + " (" + creator.did() + ")");
    out.println("written to     " + this.out + " (" + bytes.length + " bytes)");
    out.println("genesis hash   " + block.hash().toHex());
    return 0;
  }

  /** The members in command-line order, then the creator if it was not among them; each founder once. */
  private List<PublishedMember> founders(MemberIdentity creator, Instant now)
      throws IdentityException, SetupException {
    Map<Did, PublishedMember> byDid = new LinkedHashMap<>();
    List<PublishedMember> listed = new ArrayList<>();
    for (Path dir : memberDirs) {
      listed.add(PublishedMember.load(dir, now));
    }
    listed.add(creator.published());
    for (PublishedMember founder : listed) {
      if (!founder.caCertificate().equals(creator.caCertificate())) {
        throw new SetupException(founder.directory() + " holds a ca.crt other than the creator's: "
            + founder.name() + " belongs to another CA");
      }
      PublishedMember earlier = byDid.putIfAbsent(founder.did(), founder);
      if (earlier != null && founder != creator.published()) {
        throw new SetupException(founder.directory() + " and " + earlier.directory() + " are the same member, "
            + founder.did());
      }
    }
    return List.copyOf(byDid.values());
  }

  private ConsortiumName consortium(MemberIdentity creator) {
    if (consortium != null && !consortium.equals(creator.consortium())) {
      throw usage("--consortium '" + consortium + "' is not '" + creator.consortium()
          + "', the consortium the members' CA certificate names");
    }
    return creator.consortium();
  }

  private int commitQuorum(int validators) {
    if (quorum == null) {
      // A majority, so that two disjoint sets of validators can never both commit a block.
      return validators / 2 + 1;
    }
    if (quorum < 1 || quorum > validators) {
      throw usage("--quorum " + quorum + " must be between 1 and the " + validators + " founding validators");
    }
    return quorum;
  }

  /** The block is checked as every replica will check it, before anyone is handed its hash. */
  private static void requireValid(Block block, ContractRegistry contracts) throws SetupException {
    try {
      GenesisBlock.validate(block, contracts);
    } catch (RefusedException e) {
      throw new SetupException("the block just created does not validate: " + e.getMessage());
    }
  }
}
