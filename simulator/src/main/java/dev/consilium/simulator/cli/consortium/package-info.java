/**
 * Setting up a consortium from the command line (DESIGN §3): {@code consilium ca init}, {@code ca issue} and
 * {@code genesis}. Each command exits 0 when it did what was asked, 1 when files stop it (one line names the
 * file and what is wrong), and 2 when the command line is wrong.
 */
package dev.consilium.simulator.cli.consortium;
