/**
 * The members' behaviour (DESIGN §2, §6): institutions that ask and answer credit inquiries, the regulator
 * that audits, and compute nodes that add secret shares. Built on the runtime's nodes, sessions and ledger.
 */
package dev.consilium.roles;
