package dev.consilium.simulator;

import dev.consilium.simulator.cli.ConsiliumCommand;

/** Entry point of {@code bin/consilium}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(ConsiliumCommand.execute(args));
  }
}
