package dev.consilium.runtime.admission;

import dev.consilium.ledger.identity.Did;

/**
 * A message that names the member it comes from. Every protocol message that crosses the network
 * implements it, so that {@link Admission} can drop what a non-admitted or revoked member sends.
 *
 * <p>The DID is what the sender claims. Binding it to the transport (the peer's TLS certificate, or a
 * signature) is the identity layer's job; admission only makes sure that a claim of a DID the ledger does
 * not admit goes no further.
 */
public interface FromMember {
  Did from();
}
