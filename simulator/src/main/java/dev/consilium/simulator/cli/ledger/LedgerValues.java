package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.verify.SavedHead;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.HexFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values of ledger types. A value that does not parse is a usage error naming the option (exit 2). */
final class LedgerValues {
  private LedgerValues() {}

  /** A SHA-256 hash as 64 hex digits. */
  static final class Hash implements ITypeConverter<Sha256Hash> {
    @Override
    public Sha256Hash convert(String value) {
      try {
        return Sha256Hash.fromHex(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Bytes from hex; a type of their own, because picocli would take a {@code byte[]} option for a list. */
  record HexBytes(byte[] bytes) {}

  /** Bytes as an even number of hex digits. */
  static final class Hex implements ITypeConverter<HexBytes> {
    @Override
    public HexBytes convert(String value) {
      try {
        return new HexBytes(HexFormat.of().parseHex(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("not hex: " + e.getMessage());
      }
    }
  }

  /** A saved head, {@code HEIGHT:HASH}. */
  static final class Head implements ITypeConverter<SavedHead> {
    @Override
    public SavedHead convert(String value) {
      try {
        return SavedHead.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
