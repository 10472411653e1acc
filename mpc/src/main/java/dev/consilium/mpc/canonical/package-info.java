/**
 * Canonical byte encoding for data that is signed or hashed: the same value gives the same bytes on every
 * JVM, and every byte string decodes to at most one value.
 *
 * <p>Rules: integers are fixed-width big-endian (u8, i32, i64); booleans are one byte, 0 or 1; byte strings
 * and UTF-8 strings carry a u32 length prefix; lists carry a u32 count; maps carry a u32 count and their
 * entries sorted by the unsigned lexicographic order of the keys' encodings, with no two keys encoding
 * alike. Floating point is refused: its values have several encodings (NaN payloads, -0.0) and decimal
 * conversions differ between libraries. Fields carry no tags: the schema is fixed by the code that writes
 * and reads them, so each type's {@code writeTo} and its decoder must list the same fields in the same
 * order.
 *
 * <p>{@link dev.consilium.mpc.canonical.CanonicalReader} accepts exactly the bytes the writer produces and
 * refuses anything else with a {@link dev.consilium.mpc.canonical.CanonicalFormatException} naming the
 * offset and the problem. Signed bytes start with a {@link dev.consilium.mpc.canonical.SigningDomain}.
 */
package dev.consilium.mpc.canonical;
