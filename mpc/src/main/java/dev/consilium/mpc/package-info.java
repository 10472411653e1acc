/** Consilium's cryptography: no Akka, only BouncyCastle, EJML and the JDK. */
package dev.consilium.mpc;
