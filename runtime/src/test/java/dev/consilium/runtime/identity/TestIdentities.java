package dev.consilium.runtime.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/** Writes CA and member directories for tests; RSA-3072 keys take a few tenths of a second each. */
public final class TestIdentities {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestIdentities() {}

  public static ConsortiumCa newCa(String consortium, Path dir) throws IOException {
    ConsortiumCa ca = ConsortiumCa.create(ConsortiumName.of(consortium), Instant.now(), RANDOM);
    ca.writeTo(dir);
    return ca;
  }

  /** Issues {@code member} on 127.0.0.1 and writes its directory {@code dir}. */
  public static IssuedMember issue(ConsortiumCa ca, String member, Path dir, String... roles) throws IOException {
    IssuedMember issued = ca.issue(MemberName.of(member), Set.of(roles),
        new MemberEndpoint("127.0.0.1", MemberEndpoint.DEFAULT_PORT), Instant.now(), RANDOM);
    issued.writeTo(dir);
    return issued;
  }
}
