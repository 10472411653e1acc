package dev.consilium.simulator.cli.ledger;

import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.AdmissionPolicy;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.replica.BlockAppended;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.storage.CanonicalSerializer;
import dev.consilium.ledger.storage.LedgerStorage;
import dev.consilium.ledger.storage.StorageSettings;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import java.io.File;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small valid ledger for the CLI tests: a regulator and a bank, genesis, then blocks of the bank's
 * no-op updates, written into a member's H2 file as the replica stores them (a row per block, canonical
 * bytes, and a snapshot of the head). The replica's own writing path is tested in the ledger module.
 */
final class SampleLedger {
  static final String CHANNEL = "main";
  private static final long GENESIS_TIME_MS = 1_700_000_000_000L;

  final File dataDir;
  /** The blocks by height. */
  final List<Block> blocks;

  private SampleLedger(File dataDir, List<Block> blocks) {
    this.dataDir = dataDir;
    this.blocks = blocks;
  }

  /** Writes genesis and {@code blocksAfterGenesis} blocks of {@code entriesPerBlock} entries into {@code dataDir}. */
  static SampleLedger write(File dataDir, int blocksAfterGenesis, int entriesPerBlock) throws Exception {
    SecureRandom random = new SecureRandom();
    Ed25519PrivateKey regulatorKey = Ed25519PrivateKey.generate(random);
    Ed25519PrivateKey bankKey = Ed25519PrivateKey.generate(random);
    MemberDocument regulator = document(regulatorKey, "regulator", "validator");
    MemberDocument bank = document(bankKey, "institution", "validator");
    BlockRules rules = new BlockRules(Contracts.standard());
    GenesisConfig config = GenesisConfig.of("cli-test", CHANNEL, List.of(regulator, bank), new byte[0],
        AdmissionPolicy.REGULATOR, 2);
    Block genesis = GenesisBlock.create(config, regulatorKey, GENESIS_TIME_MS, Contracts.standard());
    List<Block> blocks = new ArrayList<>(List.of(genesis));
    LedgerState state = rules.apply(null, null, genesis);
    Ed25519Sign bankSigner = Ed25519Sign.create(bankKey);
    Ed25519Sign regulatorSigner = Ed25519Sign.create(regulatorKey);
    for (int b = 0; b < blocksAfterGenesis; b++) {
      BlockHeader head = blocks.get(blocks.size() - 1).header();
      BlockDraft draft = BlockDraft.after(head, state, rules.entryRules(), head.timestampMs() + 1_000);
      for (int i = 0; i < entriesPerBlock; i++) {
        draft.add(Entry.sign(CHANNEL, MembershipContract.NAME, MembershipContract.UPDATE,
            MembershipContract.documentPayload(bank), bank.did(), draft.lastNonce(bank.did()) + 1, bankSigner));
      }
      BlockDraft.Sealed sealed = draft.seal(0, regulator.did(), regulatorSigner);
      blocks.add(sealed.block());
      state = sealed.state();
    }
    store(dataDir, blocks, new ReplicaState(blocks.get(blocks.size() - 1).header(), state));
    return new SampleLedger(dataDir, blocks);
  }

  Block head() {
    return blocks.get(blocks.size() - 1);
  }

  /** Flips one bit in the middle of the stored block at {@code height}. */
  void tamper(long height) throws Exception {
    byte[] payload = blocks.get((int) height).toCanonicalBytes();
    payload[payload.length / 2] ^= 1;
    try (Connection jdbc = open(dataDir); PreparedStatement update = jdbc.prepareStatement(
        "UPDATE \"event_journal\" SET \"event_payload\" = ? WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
      update.setBytes(1, payload);
      update.setString(2, persistenceId());
      update.setLong(3, height + 1);
      update.executeUpdate();
    }
  }

  /** Runs {@code sql} on the row of {@code height}; its parameters are the persistence id and sequence number. */
  void changeRow(long height, String sql) throws Exception {
    try (Connection jdbc = open(dataDir); PreparedStatement update = jdbc.prepareStatement(sql)) {
      update.setString(1, persistenceId());
      update.setLong(2, height + 1);
      update.executeUpdate();
    }
  }

  private static MemberDocument document(Ed25519PrivateKey key, String... roles) {
    return MemberDocument.of(key.publicKey(), X25519PrivateKey.generate(new SecureRandom()).publicKey(), Set.of(roles),
        List.of("127.0.0.1:0"), "");
  }

  /** The schema as a member creates it at start-up, then the rows akka-persistence-jdbc would write. */
  private static void store(File dataDir, List<Block> blocks, ReplicaState head) throws Exception {
    LedgerStorage.start(config(dataDir));
    try (Connection jdbc = open(dataDir)) {
      try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO \"event_journal\" (\"persistence_id\","
          + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\","
          + " \"event_ser_id\", \"event_ser_manifest\") VALUES (?, ?, 'cli-test', 0, '', ?, ?, ?)")) {
        for (Block block : blocks) {
          insert.setString(1, persistenceId());
          insert.setLong(2, block.height() + 1);
          insert.setBytes(3, new BlockAppended(block).toCanonicalBytes());
          insert.setInt(4, CanonicalSerializer.IDENTIFIER);
          insert.setString(5, BlockAppended.MANIFEST);
          insert.executeUpdate();
        }
      }
      try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO \"snapshot\" (\"persistence_id\","
          + " \"sequence_number\", \"created\", \"snapshot_ser_id\", \"snapshot_ser_manifest\", \"snapshot_payload\")"
          + " VALUES (?, ?, 0, ?, ?, ?)")) {
        insert.setString(1, persistenceId());
        insert.setLong(2, head.head().height() + 1);
        insert.setInt(3, CanonicalSerializer.IDENTIFIER);
        insert.setString(4, ReplicaState.MANIFEST);
        insert.setBytes(5, head.toCanonicalBytes());
        insert.executeUpdate();
      }
    }
  }

  private static com.typesafe.config.Config config(File dataDir) {
    return LedgerStorage.configure(ConfigFactory.parseMap(Map.of("consilium.data-dir", dataDir.getAbsolutePath())));
  }

  private static Connection open(File dataDir) throws Exception {
    StorageSettings settings = StorageSettings.fromConfig(config(dataDir));
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }

  private static String persistenceId() {
    return LedgerReplica.persistenceId(CHANNEL).id();
  }
}
