/**
 * Admission (DESIGN §3): the ledger's {@code membership} contract decides who may talk to a protocol actor.
 * {@link dev.consilium.runtime.admission.Admission} drops, and logs once per sender, every
 * {@link dev.consilium.runtime.admission.FromMember} message from a DID that is not admitted or was revoked.
 */
package dev.consilium.runtime.admission;
