package dev.consilium.simulator.bench;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.AdmissionPolicy;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ledger benchmark's consortium: a regulator that seals the blocks and {@code banks} institutions, each
 * with its own Ed25519 key, all founders in genesis. A bank's entries are membership updates that
 * re-publish its own document: valid at every nonce, with a payload of about 200 bytes.
 */
final class BenchConsortium {
  static final String CHANNEL = "bench";

  final ContractRegistry registry;
  final BlockRules rules;
  final Member regulator;
  final List<Member> banks;
  final Block genesis;

  private BenchConsortium(ContractRegistry registry, Member regulator, List<Member> banks, Block genesis) {
    this.registry = registry;
    this.rules = new BlockRules(registry);
    this.regulator = regulator;
    this.banks = banks;
    this.genesis = genesis;
  }

  static BenchConsortium create(int bankCount, SecureRandom random) {
    Member regulator = Member.create(random, "regulator", Set.of("regulator", "validator"));
    return create(regulator.key, List.of(regulator.document), bankCount, 1, random);
  }

  /**
   * A consortium whose validators are the members of {@code validators} (issued with certificates elsewhere;
   * the first is the regulator, whose key signs genesis), plus {@code bankCount} client banks, committing on
   * {@code commitQuorum} validators.
   */
  static BenchConsortium create(Ed25519PrivateKey regulatorKey, List<MemberDocument> validators, int bankCount,
      int commitQuorum, SecureRandom random) {
    Member regulator = new Member(regulatorKey, validators.get(0));
    List<Member> banks = new ArrayList<>();
    List<MemberDocument> founders = new ArrayList<>(validators);
    for (int i = 0; i < bankCount; i++) {
      Member bank = Member.create(random, "bank-" + i, Set.of("institution"));
      banks.add(bank);
      founders.add(bank.document);
    }
    GenesisConfig config = GenesisConfig.of("bench-consortium", CHANNEL, founders, new byte[0],
        AdmissionPolicy.REGULATOR, commitQuorum);
    ContractRegistry registry = Contracts.standard();
    Block genesis = GenesisBlock.create(config, regulator.key, System.currentTimeMillis(), registry);
    return new BenchConsortium(registry, regulator, List.copyOf(banks), genesis);
  }

  /** Bytes of one entry's payload (every bank's document has the same shape). */
  int payloadBytes() {
    return banks.get(0).payload.length;
  }

  /**
   * {@code perBank} entries of every bank with nonces from {@code firstNonce} up, signed on every core:
   * list {@code i} holds bank {@code i}'s entries in nonce order.
   */
  List<List<Entry>> signEntries(int perBank, long firstNonce) {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<List<Entry>>> signing = new ArrayList<>();
      for (Member bank : banks) {
        signing.add(pool.submit(() -> bank.selfUpdates(perBank, firstNonce)));
      }
      List<List<Entry>> entries = new ArrayList<>();
      for (Future<List<Entry>> future : signing) {
        entries.add(future.get());
      }
      return entries;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signing benchmark entries", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("signing benchmark entries failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One member's key, signer, document and the payload that re-publishes the document. */
  static final class Member {
    final Ed25519PrivateKey key;
    final Ed25519Sign signer;
    final Did did;
    final MemberDocument document;
    private final byte[] payload;

    private Member(Ed25519PrivateKey key, MemberDocument document) {
      this.key = key;
      this.signer = Ed25519Sign.create(key);
      this.did = document.did();
      this.document = document;
      this.payload = MembershipContract.documentPayload(document);
    }

    static Member create(SecureRandom random, String host, Set<String> roles) {
      Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
      // A plausible endpoint and TLS fingerprint give the document, hence the payload, a realistic size.
      String fingerprint = Sha256.digest(key.publicKey().toByteArray()).toHex();
      return new Member(key, MemberDocument.of(key.publicKey(), X25519PrivateKey.generate(random).publicKey(), roles,
          List.of(host + ".consortium.example:25520"), fingerprint));
    }

    List<Entry> selfUpdates(int count, long firstNonce) {
      List<Entry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        entries.add(Entry.sign(CHANNEL, MembershipContract.NAME, MembershipContract.UPDATE, payload, did,
            firstNonce + i, signer));
      }
      return entries;
    }
  }
}
