package dev.consilium.roles.credit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierDecrypter;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierKeyGenerator;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.Test;

/**
 * DESIGN §8: the asking bank learns the total, and each single contribution decrypts to a random number. Over
 * 500 inquiries among 4 banks, every single contribution decrypted with the asker's key is checked against
 * the contributor's amount (never equal) and, together, against the uniform distribution mod n; the four
 * contributions of each inquiry still sum to the true total.
 */
public class ContributionPrivacyTest {
  private static final int INQUIRIES = 500;
  private static final int BANKS = 4;
  private static final int BUCKETS = 16;

  @Test
  public void singleContributions_decryptToUniformNoise_whileTheirSumIsTheTotal() throws Exception {
    SecureRandom random = new SecureRandom();
    PaillierPrivateKey askerKey = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, random);
    PaillierEncrypter encrypter = PaillierEncrypter.create(askerKey.publicKey());
    PaillierDecrypter decrypter = PaillierDecrypter.create(askerKey);
    BigInteger n = askerKey.publicKey().modulus();
    List<X25519PrivateKey> banks = new ArrayList<>();
    List<X25519PublicKey> publicKeys = new ArrayList<>();
    for (int b = 0; b < BANKS; b++) {
      banks.add(X25519PrivateKey.generate(random));
      publicKeys.add(banks.get(b).publicKey());
    }
    SplittableRandom amounts = new SplittableRandom(7);
    long[] counts = new long[BUCKETS];
    int singles = 0;
    for (int q = 0; q < INQUIRIES; q++) {
      String inquiryId = "inq-" + q;
      PaillierCiphertext total = null;
      long expected = 0;
      for (int b = 0; b < BANKS; b++) {
        // Zero for a bank without the customer, as in the protocol: absence must not show either.
        long amount = amounts.nextInt(3) == 0 ? 0 : amounts.nextLong(1_000_000_00L);
        expected += amount;
        PaillierCiphertext share = InquiryWork.maskedShare(banks.get(b), b, publicKeys, inquiryId, 0,
            BigInteger.valueOf(amount), encrypter);
        BigInteger single = decrypter.decrypt(share);
        assertNotEquals("a single contribution must not decrypt to its amount", BigInteger.valueOf(amount), single);
        counts[single.multiply(BigInteger.valueOf(BUCKETS)).divide(n).intValueExact()]++;
        singles++;
        total = total == null ? share : total.add(share);
      }
      assertEquals("the masks cancel in the sum", BigInteger.valueOf(expected), decrypter.decrypt(total));
    }
    // Chi-square with 15 degrees of freedom: 37.7 is the 0.999 quantile, so a correct mask fails 1 run in 1000.
    double expectedPerBucket = (double) singles / BUCKETS;
    double chiSquare = 0;
    for (long count : counts) {
      chiSquare += (count - expectedPerBucket) * (count - expectedPerBucket) / expectedPerBucket;
    }
    assertTrue("decrypted single contributions are uniform mod n (chi-square " + chiSquare + ")", chiSquare < 37.7);
  }
}
