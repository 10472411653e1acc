/**
 * How members find each other's protocol actors (DESIGN §1, §3): every protocol actor is registered with
 * the cluster Receptionist under a key named from its protocol and its member's DID, and the
 * {@link dev.consilium.runtime.discovery.Directory} answers by DID or by role, for admitted members only, maps
 * cluster addresses to DIDs, and tells subscribers when a member's node is lost.
 */
package dev.consilium.runtime.discovery;
