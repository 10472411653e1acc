package dev.consilium.roles.features.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FeatureTableTest {
  @Rule
  public final TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void read_labelledFile_keepsIdsLabelsAndColumnsInFileOrder() throws IOException {
    FeatureTable table = FeatureTable.read(csv("id,y,x0,x1\nc7,1,0.5,-2\nc3,0,1e-3,+4.25\n"));
    assertEquals(List.of("c7", "c3"), table.ids());
    assertEquals(List.of("x0", "x1"), table.columnNames());
    assertEquals(2, table.rowCount());
    assertEquals(2, table.columnCount());
    assertTrue(table.hasLabels());
    assertArrayEquals(new double[] {1, 0}, table.labels(), 0);
    assertArrayEquals(new double[] {0.5, -2, 0.001, 4.25}, table.features().data, 0);
    assertEquals(1, table.rowOf("c3").getAsInt());
    assertFalse(table.rowOf("c9").isPresent());
  }

  @Test
  public void read_unlabelledFile_hasNoLabels() throws IOException {
    FeatureTable table = FeatureTable.read(csv("id,x0\na,1\nb,2\n"));
    assertFalse(table.hasLabels());
    IllegalStateException e = assertThrows(IllegalStateException.class, table::labels);
    assertTrue(e.getMessage(), e.getMessage().contains("no label column"));
  }

  @Test
  public void read_windowsLineEndsByteOrderMarkAndNoFinalNewline_areAccepted() throws IOException {
    FeatureTable table = FeatureTable.read(csv("\uFEFFid,y,x0\r\na,1,1.5\r\nb,0,-.5"));
    assertEquals(List.of("a", "b"), table.ids());
    assertArrayEquals(new double[] {1.5, -0.5}, table.features().data, 0);
  }

  @Test
  public void select_givesTheRowsInTheOrderAsked() throws IOException {
    FeatureTable table = FeatureTable.read(csv("id,y,x0,x1\na,0,1,2\nb,1,3,4\nc,0,5,6\n"));
    DMatrixRMaj picked = table.select(new int[] {2, 0, 2});
    assertEquals(3, picked.numRows);
    assertArrayEquals(new double[] {5, 6, 1, 2, 5, 6}, picked.data, 0);
    assertArrayEquals(new double[] {0, 1}, table.labels(new int[] {2, 1}), 0);
    assertThrows(IndexOutOfBoundsException.class, () -> table.select(new int[] {3}));
  }

  @Test
  public void alignTo_reordersRowsByIdAndRefusesAMissingIdWithoutNamingIt() throws IOException {
    FeatureTable table = FeatureTable.read(csv("id,x0\nsecret-a,1\nsecret-b,2\n"));
    FeatureTable aligned = table.alignTo(List.of("secret-b", "secret-a"));
    assertEquals(List.of("secret-b", "secret-a"), aligned.ids());
    assertArrayEquals(new double[] {2, 1}, aligned.features().data, 0);
    FeatureTableException e = assertThrows(FeatureTableException.class,
        () -> table.alignTo(List.of("secret-a", "secret-zz")));
    assertTrue(e.getMessage(), e.getMessage().contains("position 1"));
    assertFalse(e.getMessage(), e.getMessage().contains("secret-zz"));
  }

  @Test
  public void toString_showsTheShapeNotTheData() throws IOException {
    FeatureTable table = FeatureTable.read(csv("id,y,x0\nalice,1,123.456\n"));
    String shown = table.toString();
    assertTrue(shown, shown.contains("1 rows, 1 columns, labelled"));
    assertFalse(shown, shown.contains("alice"));
    assertFalse(shown, shown.contains("123.456"));
  }

  @Test
  public void read_emptyFile_saysSo() throws IOException {
    assertError("", "the file is empty (no header line)");
  }

  @Test
  public void read_headerWithoutRows_saysTheFileIsEmpty() throws IOException {
    assertError("id,y,x0\n", "the file is empty (a header but no rows)");
  }

  @Test
  public void read_headerNotStartingWithId_namesLineOne() throws IOException {
    assertError("key,y,x0\na,1,2\n", "line 1: column 1 of the header must be 'id'");
  }

  @Test
  public void read_repeatedColumnName_namesTheColumn() throws IOException {
    assertError("id,x0,x0\na,1,2\n", "line 1: column 3 of the header repeats the name 'x0'");
  }

  @Test
  public void read_badNumber_namesLineAndColumnButNotTheValue() throws IOException {
    String message = assertError("id,y,x0,x1\na,1,2,3\nb,0,4,12abc\n", "line 3: column 4 (x1): not a decimal number");
    assertFalse(message, message.contains("12abc"));
  }

  @Test
  public void read_notANumberOrInfinity_isRefused() throws IOException {
    assertError("id,x0\na,NaN\n", "line 2: column 2 (x0): not a decimal number");
    assertError("id,x0\na,Infinity\n", "line 2: column 2 (x0): not a decimal number");
    assertError("id,x0\na,1e999\n", "line 2: column 2 (x0): the number is too large for a double");
  }

  @Test
  public void read_emptyField_isNotANumber() throws IOException {
    assertError("id,x0,x1\na,,1\n", "line 2: column 2 (x0): not a decimal number");
  }

  @Test
  public void read_wrongColumnCount_namesLineAndCounts() throws IOException {
    assertError("id,y,x0\na,1,2\nb,0,3,4\n", "line 3: 4 fields where the header has 3");
    assertError("id,y,x0\na,1\n", "line 2: 2 fields where the header has 3");
  }

  @Test
  public void read_labelNotZeroOrOne_namesLineAndColumn() throws IOException {
    assertError("id,y,x0\na,1,2\nb,2,3\n", "line 3: column 2 (y): the label is not 0 or 1");
    assertError("id,y,x0\na,yes,2\n", "line 2: column 2 (y): the label is not a number");
  }

  @Test
  public void read_duplicateId_namesBothLinesButNotTheId() throws IOException {
    String message = assertError("id,x0\ncust-42,1\ncust-7,2\ncust-42,3\n",
        "line 4: column 1 (id): duplicate id, first on line 2");
    assertFalse(message, message.contains("cust-42"));
  }

  @Test
  public void read_emptyId_namesTheLine() throws IOException {
    assertError("id,x0\n,1\n", "line 2: column 1 (id): empty id");
  }

  @Test
  public void read_blankLine_namesTheLine() throws IOException {
    assertError("id,x0\na,1\n\nb,2\n", "line 3: blank line");
  }

  @Test
  public void read_lineLongerThanTheBound_isRefusedUnread() throws IOException {
    String longLine = "a," + "1".repeat(FeatureTableReader.MAX_LINE_CHARS) + "\n";
    assertError("id,x0\n" + longLine, "line 2: longer than " + FeatureTableReader.MAX_LINE_CHARS + " characters");
  }

  @Test
  public void read_tooManyColumns_isRefused() throws IOException {
    StringBuilder header = new StringBuilder("id");
    for (int c = 0; c <= FeatureTable.MAX_COLUMNS; c++) {
      header.append(",x").append(c);
    }
    assertError(header + "\n", "line 1: " + (FeatureTable.MAX_COLUMNS + 1) + " feature columns, more than the "
        + FeatureTable.MAX_COLUMNS + " allowed");
  }

  @Test
  public void read_invalidUtf8_namesTheLine() throws IOException {
    Path file = folder.newFile("latin1.csv").toPath();
    Files.write(file, new byte[] {'i', 'd', ',', 'x', '0', '\n', 'a', (byte) 0xE9, ',', '1', '\n'});
    FeatureTableException e = assertThrows(FeatureTableException.class, () -> FeatureTable.read(file));
    assertTrue(e.getMessage(), e.getMessage().startsWith(file + " line 2: not valid UTF-8"));
  }

  @Test
  public void read_missingFile_namesIt() {
    Path file = folder.getRoot().toPath().resolve("absent.csv");
    FeatureTableException e = assertThrows(FeatureTableException.class, () -> FeatureTable.read(file));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  public void of_nonFiniteValue_isRefused() {
    DMatrixRMaj features = new DMatrixRMaj(new double[][] {{1}, {Double.NaN}});
    FeatureTableException e = assertThrows(FeatureTableException.class,
        () -> FeatureTable.of("memory", List.of("a", "b"), List.of("x0"), features, null));
    assertEquals("memory: row 1, column x0 is not a finite number", e.getMessage());
  }

  private Path csv(String text) throws IOException {
    Path file = folder.newFile().toPath();
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Reads {@code text} expecting an error that starts with the file name and then {@code expected}. */
  private String assertError(String text, String expected) throws IOException {
    Path file = csv(text);
    FeatureTableException e = assertThrows(FeatureTableException.class, () -> FeatureTable.read(file));
    String prefix = file + (expected.startsWith("line") ? " " : ": ");
    assertEquals(prefix + expected, e.getMessage());
    return e.getMessage();
  }
}
