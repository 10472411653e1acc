package dev.consilium.simulator.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.Test;
import picocli.CommandLine;

/** The exit statuses and messages that scripts and people rely on. */
public class ConsiliumCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = ConsiliumCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  public void help_listsTheCommands_exitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(), out.toString().contains("bench"));
  }

  @Test
  public void everyCommand_hasHelp() {
    for (String[] args : new String[][] {{"bench", "--help"}, {"bench", "crypto", "--help"}}) {
      out.getBuffer().setLength(0);
      assertEquals(String.join(" ", args), 0, run(args));
      assertTrue(out.toString(), out.toString().startsWith("Usage: consilium " + args[0]));
    }
    assertTrue(out.toString(), out.toString().contains("--quick"));
  }

  @Test
  public void execute_unknownCommand_namesItAndExitsTwo() {
    assertEquals(2, run("frobnicate"));
    assertTrue(err.toString(), err.toString().contains("unknown command 'frobnicate'"));
    assertTrue(err.toString(), err.toString().contains("consilium --help"));
  }

  @Test
  public void execute_unknownOption_namesItAndExitsTwo() {
    assertEquals(2, run("bench", "crypto", "--bogus"));
    assertTrue(err.toString(), err.toString().contains("Unknown option: '--bogus'"));
    assertTrue(err.toString(), err.toString().contains("consilium bench crypto --help"));
  }

  @Test
  public void execute_missingCommand_exitsTwo() {
    assertEquals(2, run());
    assertTrue(err.toString(), err.toString().contains("Missing command"));
    assertEquals(2, run("bench"));
    assertTrue(err.toString(), err.toString().contains("Missing benchmark suite: choose one of crypto"));
  }

  @Test
  public void execute_misspelledSubcommand_suggestsTheRightOne() {
    assertEquals(2, run("bench", "crypt"));
    assertTrue(err.toString(), err.toString().contains("unknown command 'crypt'"));
    assertTrue(err.toString(), err.toString().contains("crypto"));
  }
}
