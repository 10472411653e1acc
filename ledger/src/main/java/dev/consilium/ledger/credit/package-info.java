/**
 * The {@code credit} contract: joint credit investigations (DESIGN §6).
 *
 * <p>What each party learns from the ledger (DESIGN §8): everyone sees the inquiry id, the customer's
 * pseudonym (a keyed hash, never the raw id), who asks, who is asked, who answered and when, and the hash of
 * the consent. Contributions, corrections, the total and the report are Paillier ciphertexts: the asker can
 * decrypt the total, but each contribution carries zero-sum masks, so alone it decrypts to noise; the
 * regulator decrypts only the report. No plaintext amount is ever written here.
 */
package dev.consilium.ledger.credit;
