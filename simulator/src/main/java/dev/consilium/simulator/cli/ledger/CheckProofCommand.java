package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.merkle.InclusionProof;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.hash.Sha256Hash;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code consilium ledger check-proof}: checks what {@code ledger proof} printed, with no ledger at hand.
 * Prints {@code valid} and exits 0, or {@code INVALID: reason} and exits 1.
 */
@Command(
    name = "check-proof",
    mixinStandardHelpOptions = true,
    description = {
        "Check that an entry is in a block, without the ledger: either a receipt against the block hash you "
            + "trust (--receipt, --block-hash), or an inclusion proof against the block's Merkle root and "
            + "entry count (--entry-hash, --proof, --merkle-root, --entry-count).",
        "Prints 'valid' and exits 0, or 'INVALID: reason' and exits 1."})
final class CheckProofCommand implements Callable<Integer> {
  @Option(names = "--receipt", paramLabel = "HEX", converter = LedgerValues.Hex.class,
      description = "A receipt from ledger proof: entry hash, block header and proof.")
  LedgerValues.HexBytes receipt;

  @Option(names = "--block-hash", paramLabel = "HASH", converter = LedgerValues.Hash.class,
      description = "The block hash the receipt must match: from a verified copy or a saved head.")
  Sha256Hash blockHash;

  @Option(names = "--entry-hash", paramLabel = "HASH", converter = LedgerValues.Hash.class,
      description = "The entry's hash (its Merkle leaf hash).")
  Sha256Hash entryHash;

  @Option(names = "--proof", paramLabel = "HEX", converter = LedgerValues.Hex.class,
      description = "The inclusion proof from ledger proof.")
  LedgerValues.HexBytes proof;

  @Option(names = "--merkle-root", paramLabel = "HASH", converter = LedgerValues.Hash.class,
      description = "The Merkle root in the block's header.")
  Sha256Hash merkleRoot;

  @Option(names = "--entry-count", paramLabel = "N", description = "The entry count in the block's header.")
  Long entryCount;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    Optional<String> problem = receipt != null ? checkReceipt() : checkProof();
    out.println(problem.map(p -> "INVALID: " + p).orElse("valid"));
    out.flush();
    return problem.isPresent() ? 1 : 0;
  }

  private Optional<String> checkReceipt() {
    try {
      return EntryReceipt.fromBytes(receipt.bytes()).problem(blockHash);
    } catch (CanonicalFormatException e) {
      return Optional.of("the receipt is malformed: " + e.getMessage());
    }
  }

  private Optional<String> checkProof() {
    try {
      return InclusionCheck.problem(entryHash, InclusionProof.fromCanonicalBytes(proof.bytes()), merkleRoot, entryCount);
    } catch (CanonicalFormatException e) {
      return Optional.of("the proof is malformed: " + e.getMessage());
    }
  }

  /** One way or the other, complete: a receipt with the block hash, or all four parts of a bare proof. */
  private void checkOptions() {
    boolean anyBare = entryHash != null || proof != null || merkleRoot != null || entryCount != null;
    if (receipt != null) {
      if (anyBare) {
        throw usage("--receipt carries the entry hash, proof, Merkle root and entry count: give it with"
            + " --block-hash only");
      }
      if (blockHash == null) {
        throw usage("--receipt needs --block-hash: a receipt proves something only against a block hash you trust");
      }
      return;
    }
    if (blockHash != null) {
      throw usage("--block-hash goes with --receipt");
    }
    List<String> missing = new ArrayList<>();
    if (entryHash == null) {
      missing.add("--entry-hash");
    }
    if (proof == null) {
      missing.add("--proof");
    }
    if (merkleRoot == null) {
      missing.add("--merkle-root");
    }
    if (entryCount == null) {
      missing.add("--entry-count");
    }
    if (!missing.isEmpty()) {
      String ways = "give --receipt HEX --block-hash HASH, or all of --entry-hash, --proof, --merkle-root and"
          + " --entry-count";
      throw usage(anyBare ? "missing " + String.join(", ", missing) + "; " + ways : ways);
    }
    if (entryCount < 1) {
      throw usage("--entry-count must be at least 1, was " + entryCount);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
