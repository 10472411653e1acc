package dev.consilium.runtime.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.consilium.ledger.block.Block;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.hash.Sha256Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's own settings ({@code consilium.node.*} and {@code consilium.data-dir}), read and checked once
 * when the node starts: a bad value stops it with a {@link ConfigException} naming the setting and the
 * problem. Files are read here too (the genesis block), so a node never starts half-configured.
 */
public record NodeSettings(Path memberDir, Path dataDir, Block genesis, String host, int port,
    List<String> seedNodes) {
  public static final String SECTION = "consilium.node";
  private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]+):(\\d{1,5})");

  /** Reads and checks the settings; {@code config} must be resolved. */
  public static NodeSettings fromConfig(Config config) {
    Path memberDir = directory(config, SECTION + ".member-dir", false);
    Path dataDir = directory(config, "consilium.data-dir", true);
    Block genesis = genesis(config);
    String host = config.getString(SECTION + ".host");
    if (host.isBlank()) {
      throw new ConfigException.BadValue(SECTION + ".host", "must name this member's host or address");
    }
    int port = port(SECTION + ".port", config.getInt(SECTION + ".port"));
    List<String> seeds = new ArrayList<>();
    for (String seed : config.getStringList(SECTION + ".seed-nodes")) {
      Matcher matcher = HOST_PORT.matcher(seed);
      if (!matcher.matches()) {
        throw new ConfigException.BadValue(SECTION + ".seed-nodes", "'" + seed + "' is not host:port");
      }
      port(SECTION + ".seed-nodes", Integer.parseInt(matcher.group(2)));
      seeds.add("akka://" + ConsortiumNode.SYSTEM_NAME + "@" + seed);
    }
    if (seeds.isEmpty()) {
      throw new ConfigException.BadValue(SECTION + ".seed-nodes", "needs at least one member's host:port");
    }
    return new NodeSettings(memberDir, dataDir, genesis, host, port, List.copyOf(seeds));
  }

  /** The Akka settings these give: this member's address and the seed nodes. */
  public Config akkaConfig() {
    return ConfigFactory.empty()
        .withValue("akka.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
        .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
        .withValue("akka.cluster.seed-nodes", ConfigValueFactory.fromIterable(seedNodes))
        .withValue("consilium.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toString()));
  }

  private static Path directory(Config config, String key, boolean create) {
    String value = config.getString(key);
    Path path;
    try {
      path = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException.BadValue(key, "'" + value + "' is not a path: " + e.getMessage());
    }
    if (create) {
      try {
        Files.createDirectories(path);
      } catch (IOException e) {
        throw new ConfigException.BadValue(key, "cannot create directory " + path + ": " + e.getMessage());
      }
    }
    if (!Files.isDirectory(path)) {
      throw new ConfigException.BadValue(key, path + " is not a directory");
    }
    return path;
  }

  private static Block genesis(Config config) {
    String key = SECTION + ".genesis";
    Path file = Path.of(config.getString(key)).toAbsolutePath().normalize();
    Block genesis;
    try {
      genesis = Block.fromBytes(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException.BadValue(key, "cannot read " + file + ": " + e);
    } catch (CanonicalFormatException e) {
      throw new ConfigException.BadValue(key, file + " is not a genesis block: " + e.getMessage());
    }
    String pinned = config.getString(SECTION + ".genesis-hash");
    if (!pinned.isEmpty()) {
      Sha256Hash expected;
      try {
        expected = Sha256Hash.fromHex(pinned);
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(SECTION + ".genesis-hash", e.getMessage());
      }
      if (!expected.equals(genesis.hash())) {
        throw new ConfigException.BadValue(key, file + " has hash " + genesis.hash().toHex()
            + ", but " + SECTION + ".genesis-hash pins " + expected.toHex());
      }
    }
    return genesis;
  }

  private static int port(String key, int port) {
    if (port < 1 || port > 65_535) {
      throw new ConfigException.BadValue(key, "port " + port + " is not in 1..65535");
    }
    return port;
  }
}
