package dev.consilium.simulator.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a command-line mistake as one line that names it, a hint where picocli has one, and where to find
 * the usage; then exits 2. The full usage text would bury the one line that matters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String path = cmd.getCommandSpec().qualifiedName();
    err.println(path + ": " + describe(e));
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + path + " --help' for usage.");
    err.flush();
    return ConsiliumCommand.EXIT_USAGE;
  }

  private static String describe(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      boolean expectsCommand = !e.getCommandLine().getSubcommands().isEmpty();
      if (!first.startsWith("-") && expectsCommand) {
        return "unknown command '" + first + "'";
      }
      if (!first.startsWith("-")) {
        return "unexpected argument '" + first + "'";
      }
    }
    return e.getMessage();
  }
}
