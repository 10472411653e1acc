package dev.consilium.simulator.cli.node;

import com.typesafe.config.ConfigException;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.PublishedMember;
import dev.consilium.runtime.node.LedgerClientNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code consilium member admit|revoke}: a membership entry signed with the regulator's key, submitted to the
 * running consortium through a short-lived client node, answered with its receipt or the ledger's refusal.
 */
@Command(
    name = "member",
    mixinStandardHelpOptions = true,
    description = "Admit or revoke a member: a membership entry signed by the regulator.",
    subcommands = {MemberCommand.Admit.class, MemberCommand.Revoke.class})
public final class MemberCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing action: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  @Command(name = "admit", mixinStandardHelpOptions = true,
      description = "Admit the member whose public files (member.doc, tls.crt, ca.crt) are in DIR.")
  static final class Admit extends Submission {
    @Option(names = "--member", required = true, paramLabel = "DIR", description = "The new member's directory.")
    Path memberDir;

    @Override
    Payload payload() throws IdentityException {
      PublishedMember member = PublishedMember.load(memberDir, Instant.now());
      return new Payload(MembershipContract.ADMIT, MembershipContract.documentPayload(member.document()),
          member.name() + " (" + member.did() + ")");
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a member: its entries are refused and protocol actors ignore it from the next block.")
  static final class Revoke extends Submission {
    @Option(names = "--did", required = true, paramLabel = "DID", description = "The member's DID.")
    String did;

    @Override
    Payload payload() {
      Did parsed;
      try {
        parsed = Did.parse(did);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--did: " + e.getMessage());
      }
      return new Payload(MembershipContract.REVOKE, MembershipContract.revokePayload(parsed), parsed.toString());
    }
  }

  /** What both actions share: the regulator's config, a client node, the receipt or the refusal. */
  abstract static class Submission implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
        description = "The regulator's member config (its member-dir holds the signing key; genesis and seeds).")
    Path configFile;

    record Payload(String action, byte[] bytes, String subject) {}

    abstract Payload payload() throws IdentityException;

    /** The entry is committed or refused by now; a slow departure from the cluster is only reported. */
    private static void leave(LedgerClientNode client, PrintWriter err, String name) {
      try {
        client.close();
      } catch (IllegalStateException e) {
        err.println(name + ": warning: " + e.getMessage());
      }
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String name = "member " + spec.name();
      try {
        Payload payload = payload();
        MemberConfig regulator = MemberConfig.read(configFile);
        if (!regulator.identity().hasRole("regulator")) {
          err.println(name + ": " + regulator.identity().name() + " is not the regulator; only the regulator "
              + "admits and revokes members");
          return 1;
        }
        LedgerClientNode client = LedgerClientNode.start(regulator.identity(), regulator.settings().genesis(),
            Contracts.standard(), regulator.nodeConfig());
        try {
          Receipt receipt = client.submitter().submit(MembershipContract.NAME, payload.action(), payload.bytes())
              .toCompletableFuture().join();
          out.printf("%s: %s committed at height %d (entry %s, block %s)%n", name, payload.subject(),
              receipt.height(), receipt.entryHash().toHex(), receipt.blockHash().toHex());
          return 0;
        } finally {
          leave(client, err, name);
        }
      } catch (CompletionException e) {
        err.println(name + ": refused: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
      } catch (ConfigException | IdentityException | IllegalArgumentException e) {
        err.println(name + ": " + e.getMessage());
      } finally {
        out.flush();
        err.flush();
      }
      return 1;
    }
  }
}
