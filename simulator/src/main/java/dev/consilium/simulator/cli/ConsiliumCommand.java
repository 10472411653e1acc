package dev.consilium.simulator.cli;

import dev.consilium.simulator.cli.consortium.CaCommand;
import dev.consilium.simulator.cli.consortium.GenesisCommand;
import dev.consilium.simulator.cli.ledger.LedgerCommand;
import java.util.concurrent.Callable;
import dev.consilium.simulator.cli.node.AuditCommand;
import dev.consilium.simulator.cli.node.MemberCommand;
import dev.consilium.simulator.cli.node.NodeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code consilium} command. Usage errors (unknown command, bad option, missing command) print
 * a message naming the problem and exit 2; {@code --help} on any command prints its usage and exits 0.
 */
@Command(
    name = "consilium",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Consilium: privacy-computing runtime for financial consortia.",
    subcommands = {SimulateCommand.class, CaCommand.class, GenesisCommand.class, NodeCommand.class, MemberCommand.class, AuditCommand.class,
        LedgerCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class ConsiliumCommand implements Callable<Integer> {
  /** Exit status for a command line that could not be understood. */
  public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

  @Spec CommandSpec spec;

  /** Runs the command line and returns the process exit status. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for callers that redirect its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new ConsiliumCommand()).setParameterExceptionHandler(new UsageErrorHandler());
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
