/**
 * The {@code sessions} contract: the one recorded outcome of each multi-party session (DESIGN §7), so that
 * the regulator can audit how every protocol run ended, not only the ones that finished.
 */
package dev.consilium.ledger.session;
