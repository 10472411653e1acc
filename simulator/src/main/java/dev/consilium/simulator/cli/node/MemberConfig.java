package dev.consilium.simulator.cli.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.node.NodeIdentity;
import dev.consilium.runtime.node.NodeSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A member's config file ({@code conf/<member>.conf}) read for the CLI: the file as written (unresolved, for
 * the node to layer), its checked {@link NodeSettings}, and the identity in its member directory.
 */
public record MemberConfig(Path file, Config unresolved, NodeSettings settings, NodeIdentity identity) {

  /** Reads and checks everything; throws {@link ConfigException} or {@link IdentityException} naming the problem. */
  public static MemberConfig read(Path file) throws IdentityException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException.Generic(file + " is not a config file");
    }
    Config unresolved = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    NodeSettings settings = NodeSettings.fromConfig(ConfigFactory.load(unresolved));
    NodeIdentity identity = NodeIdentity.fromDirectory(settings.memberDir());
    return new MemberConfig(file, unresolved, settings, identity);
  }

  /** The member's settings with its address, seeds and data directory as checked, for the node to resolve. */
  public Config nodeConfig() {
    return settings.akkaConfig().withFallback(unresolved);
  }
}
