package dev.consilium.simulator.bench;

/** A ratio the issues require: {@code numerator / denominator ≥ minimum}, in each case's report unit. */
record Target(String description, String numerator, String denominator, double minimum) {}
