package dev.consilium.mpc.paillier;

import java.security.SecureRandom;

/** Keys shared by the Paillier tests: generating a 2048-bit key takes a second or two, so do it once. */
final class TestKeys {
  static final PaillierPrivateKey KEY = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, new SecureRandom());
  static final PaillierPrivateKey OTHER_KEY =
      PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, new SecureRandom());
  static final PaillierEncrypter ENCRYPTER = PaillierEncrypter.create(KEY.publicKey());
  static final PaillierDecrypter DECRYPTER = PaillierDecrypter.create(KEY);

  private TestKeys() {}
}
