/**
 * Zero-sum masks for the credit inquiry (DESIGN §6 step 3): every pair of banks j &lt; k shares a secret s_jk
 * from X25519 agreement; for inquiry q, j adds PRF(s_jk, q) mod n and k subtracts it, so the masks cancel in
 * the sum. What each party learns: the asker decrypts each single contribution to a uniformly random value
 * mod n and only the sum to the total; a bank learns nothing from its own masks about another's amount.
 */
package dev.consilium.mpc.mask;
