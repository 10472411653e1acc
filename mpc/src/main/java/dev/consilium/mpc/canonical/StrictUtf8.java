package dev.consilium.mpc.canonical;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that refuses instead of repairing. {@code String.getBytes} turns an unpaired surrogate into '?'
 * and {@code new String(bytes, UTF_8)} turns a bad sequence into U+FFFD: two different inputs would then
 * share one encoding, which a canonical format must not allow.
 */
final class StrictUtf8 {
  // Decoders are stateful and not thread-safe; one per thread avoids building one per string.
  private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));

  private StrictUtf8() {}

  /** UTF-8 of {@code s}; refuses an unpaired surrogate, which is not a Unicode scalar value. */
  static byte[] encode(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(String.format(
            "string has an unpaired surrogate U+%04X at char index %d: not valid Unicode, so it has no"
                + " UTF-8 encoding", (int) c, i));
      }
    }
    // No unpaired surrogate, so the JDK's encoder has nothing to replace.
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes all remaining bytes of {@code in}. Returns null if they are not valid UTF-8 (overlong forms,
   * encoded surrogates, code points above U+10FFFF, a truncated sequence), leaving {@code in}'s position
   * at the first byte of the bad sequence.
   */
  static String decodeOrNull(ByteBuffer in) {
    CharsetDecoder decoder = DECODER.get().reset();
    CharBuffer out = CharBuffer.allocate(in.remaining()); // UTF-8 never yields more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      return null;
    }
    if (result.isOverflow()) {
      throw new IllegalStateException("UTF-8 decoding overflowed a buffer of one char per byte");
    }
    return out.flip().toString();
  }
}
