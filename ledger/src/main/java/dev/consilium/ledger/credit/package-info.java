/**
 * The {@code credit} contract: joint credit investigations (DESIGN §6).
 *
 * <p>What each party learns from the ledger (DESIGN §8): everyone sees the inquiry id, the pseudonym of
 * each customer it covers (a keyed hash, never the raw id; one inquiry may cover a batch of up to 1,000),
 * who asks, who is asked, who answered and when, and one hash over the consents. Contributions, corrections,
 * the totals and the report are Paillier ciphertexts: the asker can decrypt the totals, but each
 * contribution carries zero-sum masks, so alone it decrypts to noise; the regulator decrypts only the report.
 * The asker may pack several customers' amounts into one ciphertext; the contract sees only how many
 * ciphertexts a share carries. No plaintext amount is ever written here.
 */
package dev.consilium.ledger.credit;
