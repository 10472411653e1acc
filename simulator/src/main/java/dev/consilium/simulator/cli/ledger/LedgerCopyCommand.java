package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.verify.JournalReader;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A ledger command that reads a copy: opens it from the {@link LedgerSource} options, runs, and turns what
 * keeps it from reading into one line, {@code ledger NAME: why}, and exit status 1.
 */
abstract class LedgerCopyCommand implements Callable<Integer> {
  @Mixin LedgerSource source;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkOptions();
    try (Connection connection = source.open()) {
      return run(connection, source.channel(), out);
    } catch (LedgerReadException e) {
      err.println(name() + ": " + e.getMessage());
    } catch (SQLException e) {
      err.println(name() + ": " + (isMissingTable(e) ? "the database holds no ledger tables: "
          : "cannot read the ledger database: ") + LedgerSource.firstLine(e));
    } catch (JournalReader.JournalReadException e) {
      err.println(name() + ": " + e.getMessage());
    } finally {
      out.flush();
      err.flush();
    }
    return 1;
  }

  /** Does the command's work on the open copy and returns the exit status. */
  abstract int run(Connection connection, String channel, PrintWriter out) throws LedgerReadException, SQLException;

  /** Refuses options that do not go together, with a {@link ParameterException}, before the copy is opened. */
  void checkOptions() {}

  final ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** H2 (42S02, 42S04) and PostgreSQL (42P01) say so when a table does not exist: not a ledger database. */
  private static boolean isMissingTable(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    return state.startsWith("42S0") || state.equals("42P01");
  }

  /** How the command names itself in its output: {@code ledger verify}. */
  final String name() {
    return "ledger " + spec.name();
  }
}
