/**
 * X25519 key agreement (RFC 7748): long-term key pairs from which two members derive a shared secret without
 * sending it. Used for the pairwise secrets behind the credit inquiry's zero-sum masks.
 */
package dev.consilium.mpc.agreement;
