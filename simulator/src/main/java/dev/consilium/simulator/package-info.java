/** The bin/consilium command line, scenarios and benchmarks. */
package dev.consilium.simulator;
