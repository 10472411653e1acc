package dev.consilium.simulator.cli.ledger;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code consilium ledger ...}: read a copy of a member's ledger offline (DESIGN §4, "Verification"). Every
 * command exits 0 when it did what was asked, 1 when the copy fails or cannot be read (one line says why),
 * and 2 when the command line is wrong.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Verify, show and prove what a copy of a member's ledger holds, offline.",
    subcommands = {VerifyCommand.class, ShowCommand.class, ProofCommand.class, CheckProofCommand.class})
public final class LedgerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing ledger command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
