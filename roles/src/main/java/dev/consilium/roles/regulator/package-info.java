/**
 * The regulator (DESIGN §6, §8): it learns everything recorded, plus the totals the asking banks report to it.
 * Its node audits the ledger and serves the observer; this package gives the observer the regulator's key to
 * open the reports with.
 */
package dev.consilium.roles.regulator;
