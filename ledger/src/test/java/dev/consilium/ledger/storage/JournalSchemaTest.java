package dev.consilium.ledger.storage;

import static dev.consilium.ledger.storage.MessageAssert.assertMentions;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JournalSchemaTest {
  /** The plugin's own scripts, shipped in its jar: what its default DAOs expect. */
  private static final String PLUGIN_H2_SCRIPT = "schema/h2/h2-create-schema.sql";
  private static final String PLUGIN_POSTGRES_SCRIPT = "schema/postgres/postgres-create-schema.sql";
  private static final String TABLES = "('event_journal', 'event_tag', 'snapshot')";

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void create_twice_isHarmless() throws Exception {
    StorageSettings settings = h2Settings();
    JournalSchema.create(settings);
    JournalSchema.create(settings);
    try (Connection connection = connect(settings.url())) {
      long tables = describeTables(connection).keySet().stream().map(key -> key.split("\\.")[0]).distinct().count();
      assertEquals(3, tables);
    }
  }

  @Test
  public void h2Script_createsExactlyThePluginsTablesColumnsAndIndexes() throws Exception {
    StorageSettings settings = h2Settings();
    JournalSchema.create(settings);
    try (Connection ours = connect(settings.url());
         Connection plugins = connect("jdbc:h2:mem:plugin-schema")) {
      runScript(plugins, PLUGIN_H2_SCRIPT);
      Map<String, String> expectedColumns = describeTables(plugins);
      Map<String, String> expectedIndexes = describeIndexes(plugins);
      assertEquals("columns of event_journal, event_tag, snapshot", 24, expectedColumns.size());
      assertTrue("no index found", expectedIndexes.containsKey("event_journal_ordering_idx"));
      assertEquals(expectedColumns, describeTables(ours));
      assertEquals(expectedIndexes, describeIndexes(ours));
    }
  }

  @Test
  public void postgresScript_declaresThePluginsColumns() throws IOException {
    List<String> expected = columnDeclarations(resource(PLUGIN_POSTGRES_SCRIPT).replace("public.", ""));
    assertEquals("columns of event_journal, event_tag, snapshot", 24, expected.size());
    assertEquals(expected, columnDeclarations(resource(Dialect.POSTGRES.schemaResource())));
  }

  @Test
  public void create_failingStatement_throwsWithTheSqlTextAndTheDatabasesMessage() throws Exception {
    StorageSettings settings = h2Settings();
    List<String> statements = List.of("CREATE TABLE IF NOT EXISTS ok (i INT)", "CREATE TABLE ok (i INT)");
    JournalSchemaException e = assertThrows(JournalSchemaException.class,
        () -> JournalSchema.execute(settings, "test script", statements));
    assertEquals("CREATE TABLE ok (i INT)", e.statement().orElseThrow());
    assertMentions(e, "statement 2 of 2", "test script", "CREATE TABLE ok (i INT)", "already exists", "42S01");
    assertTrue(e.getCause() instanceof SQLException);
  }

  @Test
  public void create_unusableUrl_throwsNamingTheUrl() {
    // /proc refuses new files even to root, so H2 cannot create the database there. No trace file either.
    String url = "jdbc:h2:file:/proc/consilium/ledger;TRACE_LEVEL_FILE=0";
    StorageSettings settings = StorageSettings.fromConfig(
        TestStorage.config(folder.getRoot(), ConfigFactory.parseMap(Map.of(StorageSettings.URL, url))));
    JournalSchemaException e = assertThrows(JournalSchemaException.class, () -> JournalSchema.create(settings));
    assertMentions(e, StorageSettings.URL, url, "SQLState");
    assertTrue(e.statement().isEmpty());
  }

  @Test
  public void statements_splitAtSemicolonsEndingALine_andDropCommentLines() {
    String script = "-- a comment; with a semicolon;\nCREATE TABLE a (x VARCHAR DEFAULT ';');\n\n"
        + "CREATE INDEX IF NOT EXISTS i\n  ON a (x);";
    assertEquals(List.of("CREATE TABLE a (x VARCHAR DEFAULT ';')", "CREATE INDEX IF NOT EXISTS i\n  ON a (x)"),
        JournalSchema.statements(script));
  }

  private StorageSettings h2Settings() throws IOException {
    return StorageSettings.fromConfig(TestStorage.config(folder.newFolder()));
  }

  /** table.column -> type, length, nullability, default, identity, position. */
  private static Map<String, String> describeTables(Connection connection) throws SQLException {
    return query(connection, "SELECT TABLE_NAME || '.' || COLUMN_NAME, CONCAT_WS(' ', DATA_TYPE,"
        + " CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, ORDINAL_POSITION)"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME IN " + TABLES);
  }

  /** index -> table, kind and columns; generated names (primary keys, constraints) follow creation order. */
  private static Map<String, String> describeIndexes(Connection connection) throws SQLException {
    return query(connection, "SELECT I.INDEX_NAME, I.TABLE_NAME || ' ' || I.INDEX_TYPE_NAME || ' '"
        + " || LISTAGG(C.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY C.ORDINAL_POSITION)"
        + " FROM INFORMATION_SCHEMA.INDEXES I JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C"
        + " ON I.INDEX_SCHEMA = C.INDEX_SCHEMA AND I.INDEX_NAME = C.INDEX_NAME"
        + " WHERE I.TABLE_NAME IN " + TABLES + " GROUP BY I.INDEX_NAME, I.TABLE_NAME, I.INDEX_TYPE_NAME");
  }

  private static Map<String, String> query(Connection connection, String sql) throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.put(result.getString(1), result.getString(2));
      }
    }
    return rows;
  }

  /** "table: column TYPE ..." for each column line of each CREATE TABLE, durable state excepted. */
  private static List<String> columnDeclarations(String script) {
    List<String> declarations = new ArrayList<>();
    Matcher table = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)\\s*\\((.*?)\\n\\s*\\);", Pattern.DOTALL)
        .matcher(script);
    while (table.find()) {
      if (table.group(1).equals("durable_state")) {
        continue;
      }
      for (String line : table.group(2).split("\\n")) {
        String column = line.strip().replaceAll(",$", "").replaceAll("\\s+", " ");
        if (column.matches("[a-z_]+ [A-Z].*")) {
          declarations.add(table.group(1) + ": " + column);
        }
      }
    }
    declarations.sort(null);
    return declarations;
  }

  private static void runScript(Connection connection, String resource) throws IOException, SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : JournalSchema.statements(resource(resource))) {
        statement.execute(sql);
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = JournalSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }
}
