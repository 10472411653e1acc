/**
 * JMH benchmarks run by {@code bin/consilium bench}, never by the default build. Each target compares two
 * figures measured in the same run, since this machine varies by ±30% between runs.
 */
package dev.consilium.simulator.bench;
