package dev.consilium.simulator.cli.consortium;

import dev.consilium.runtime.identity.IdentityException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A set-up command: runs, and turns what stops it (a file that is missing, broken or already there) into one
 * line, {@code NAME: why}, and exit status 1. Usage errors stay {@link ParameterException}s: exit 2.
 */
@Command
abstract class SetupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out);
    } catch (IdentityException e) {
      err.println(name() + ": " + e.getMessage());
    } catch (FileAlreadyExistsException e) {
      err.println(name() + ": " + e.getFile() + " already exists; refusing to overwrite it");
    } catch (IOException e) {
      err.println(name() + ": " + e);
    } catch (SetupException e) {
      err.println(name() + ": " + e.getMessage());
    } finally {
      out.flush();
      err.flush();
    }
    return 1;
  }

  /** Does the command's work and returns the exit status. */
  abstract int run(PrintWriter out) throws IdentityException, IOException, SetupException;

  /** How the command names itself in its output: {@code ca issue}. */
  final String name() {
    return spec.qualifiedName().substring(spec.root().name().length() + 1);
  }

  final ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Prints problems that do not stop the command, such as a key file others can read. */
  final void warn(List<String> warnings) {
    for (String warning : warnings) {
      spec.commandLine().getErr().println(name() + ": warning: " + warning);
    }
  }

  /** The files are there and readable, but do not fit together: one line says why. */
  static final class SetupException extends Exception {
    private static final long serialVersionUID = 1L;

    SetupException(String message) {
      super(message);
    }
  }
}
