package dev.consilium.simulator.cli.consortium;

import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.runtime.identity.ConsortiumName;
import dev.consilium.runtime.identity.MemberEndpoint;
import dev.consilium.runtime.identity.MemberName;
import java.util.TreeSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values of the set-up commands. A value that does not parse is a usage error naming the option (exit 2). */
final class SetupValues {
  private SetupValues() {}

  static final class Consortium implements ITypeConverter<ConsortiumName> {
    @Override
    public ConsortiumName convert(String value) {
      try {
        return ConsortiumName.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class Member implements ITypeConverter<MemberName> {
    @Override
    public MemberName convert(String value) {
      try {
        return MemberName.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** One of {@link MemberDocument#ROLES}. */
  static final class Role implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!MemberDocument.ROLES.contains(value)) {
        throw new TypeConversionException("unknown role '" + value + "'; roles are "
            + String.join(", ", new TreeSet<>(MemberDocument.ROLES)));
      }
      return value;
    }
  }

  /** An IP address or a DNS name. */
  static final class Host implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return new MemberEndpoint(value, MemberEndpoint.DEFAULT_PORT).host();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
