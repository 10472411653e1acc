package dev.consilium.roles.features.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a feature table from a CSV file: UTF-8, a header line {@code id,[y,]name..}, then one line per row
 * with exactly as many comma-separated fields. Ids are non-empty strings of at most {@link
 * FeatureTable#MAX_ID_CHARS} characters, distinct; a {@code y} second column makes the table labelled, each
 * label 0 or 1; features are decimal numbers ({@code -1.5}, {@code 2e-3}), finite. No quoting: our files are
 * machine-written numbers, and a quote is refused rather than guessed at.
 *
 * <p>Every error names the file, the line (the header is line 1) and, for a field, its column (counted from
 * 1, with its header name); never the value or id itself, which belong to the party.
 */
final class FeatureTableReader {
  /** Enough for the widest allowed row with long ids and numbers; a longer line is refused unread. */
  static final int MAX_LINE_CHARS = 1 << 17;

  private static final String ID = "id";
  private static final String LABEL = "y";
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final char REPLACEMENT = '\uFFFD';

  private final Path file;
  private final Reader in;
  private final char[] buffer = new char[1 << 14];
  private int position;
  private int limit;
  private int lineNumber;

  private FeatureTableReader(Path file, Reader in) {
    this.file = file;
    this.in = in;
  }

  static FeatureTable read(Path file) {
    // Malformed bytes become U+FFFD, which nextLine refuses: so the error names the line they are on, where a
    // reporting decoder would fail wherever its read-ahead happened to be.
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Reader in = new InputStreamReader(Files.newInputStream(file), utf8)) {
      return new FeatureTableReader(file, in).readTable();
    } catch (NoSuchFileException e) {
      throw new FeatureTableException(file + ": no such file", e);
    } catch (IOException e) {
      throw new FeatureTableException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private FeatureTable readTable() throws IOException {
    String header = nextLine();
    if (header == null) {
      throw new FeatureTableException(file + ": the file is empty (no header line)");
    }
    if (!header.isEmpty() && header.charAt(0) == BYTE_ORDER_MARK) {
      header = header.substring(1);
    }
    String[] names = header.split(",", -1);
    boolean labelled = checkHeader(names);
    int firstFeature = labelled ? 2 : 1;
    List<String> columnNames = List.of(Arrays.copyOfRange(names, firstFeature, names.length));
    int cols = columnNames.size();

    List<String> ids = new ArrayList<>();
    Map<String, Integer> lineOfId = new HashMap<>();
    double[] labels = new double[16];
    double[] values = new double[16 * Math.max(cols, 1)];
    for (String line = nextLine(); line != null; line = nextLine()) {
      if (ids.size() == FeatureTable.MAX_ROWS || (long) (ids.size() + 1) * cols > FeatureTable.MAX_CELLS) {
        throw error("more rows than the " + FeatureTable.MAX_ROWS + " rows or " + FeatureTable.MAX_CELLS
            + " cells allowed");
      }
      if (line.isEmpty()) {
        throw error("blank line");
      }
      String[] fields = line.split(",", -1);
      if (fields.length != names.length) {
        throw error(fields.length + " fields where the header has " + names.length);
      }
      int row = ids.size();
      ids.add(checkId(fields[0], lineOfId));
      if (labelled) {
        labels = ensure(labels, row + 1);
        labels[row] = parseLabel(fields[1]);
      }
      values = ensure(values, (row + 1) * cols);
      for (int c = 0; c < cols; c++) {
        values[row * cols + c] = parseNumber(fields[firstFeature + c], firstFeature + c, names);
      }
    }
    if (ids.isEmpty()) {
      throw new FeatureTableException(file + ": the file is empty (a header but no rows)");
    }
    DMatrixRMaj features = new DMatrixRMaj(ids.size(), cols);
    System.arraycopy(values, 0, features.data, 0, ids.size() * cols);
    return FeatureTable.of(file.toString(), ids, columnNames,
        features, labelled ? Arrays.copyOf(labels, ids.size()) : null);
  }

  /** Checks the header and tells whether it has a label column. */
  private boolean checkHeader(String[] names) {
    if (!names[0].equals(ID)) {
      throw error("column 1 of the header must be '" + ID + "'");
    }
    boolean labelled = names.length > 1 && names[1].equals(LABEL);
    int features = names.length - (labelled ? 2 : 1);
    if (features > FeatureTable.MAX_COLUMNS) {
      throw error(features + " feature columns, more than the " + FeatureTable.MAX_COLUMNS + " allowed");
    }
    if (!labelled && features == 0) {
      throw error("the header has neither a label column nor feature columns");
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < names.length; c++) {
      if (names[c].isBlank() || names[c].indexOf('"') >= 0) {
        throw error("column " + (c + 1) + " of the header has an empty or quoted name");
      }
      if (!seen.add(names[c])) {
        throw error("column " + (c + 1) + " of the header repeats the name '" + names[c] + "'");
      }
    }
    return labelled;
  }

  private String checkId(String id, Map<String, Integer> lineOfId) {
    if (id.isEmpty()) {
      throw error("column 1 (id): empty id");
    }
    if (id.length() > FeatureTable.MAX_ID_CHARS || id.indexOf('"') >= 0) {
      throw error("column 1 (id): an id must be at most " + FeatureTable.MAX_ID_CHARS + " characters, unquoted");
    }
    Integer earlier = lineOfId.putIfAbsent(id, lineNumber);
    if (earlier != null) {
      throw error("column 1 (id): duplicate id, first on line " + earlier);
    }
    return id;
  }

  private double parseLabel(String field) {
    if (!DECIMAL.matcher(field).matches()) {
      throw error("column 2 (" + LABEL + "): the label is not a number");
    }
    double label = Double.parseDouble(field);
    if (label != 0 && label != 1) {
      throw error("column 2 (" + LABEL + "): the label is not 0 or 1");
    }
    return label;
  }

  private double parseNumber(String field, int column, String[] names) {
    if (!DECIMAL.matcher(field).matches()) {
      throw error("column " + (column + 1) + " (" + names[column] + "): not a decimal number");
    }
    double value = Double.parseDouble(field);
    if (!Double.isFinite(value)) {
      throw error("column " + (column + 1) + " (" + names[column] + "): the number is too large for a double");
    }
    return value;
  }

  /**
   * The next line without its terminator, or null at the end; refuses a line longer than the bound or holding
   * bytes that are not UTF-8.
   */
  private String nextLine() throws IOException {
    StringBuilder line = new StringBuilder();
    lineNumber++;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit == -1) {
          limit = 0;
          return line.length() == 0 ? null : checked(line);
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (line.length() + position - start > MAX_LINE_CHARS) {
        throw error("longer than " + MAX_LINE_CHARS + " characters");
      }
      line.append(buffer, start, position - start);
      if (position < limit) {
        position++; // past the '\n'
        return checked(line);
      }
    }
  }

  /** The line without a trailing '\r', after checking it decoded cleanly. */
  private String checked(StringBuilder line) {
    if (line.indexOf(String.valueOf(REPLACEMENT)) >= 0) {
      throw error("not valid UTF-8");
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  private static double[] ensure(double[] array, int length) {
    if (length <= array.length) {
      return array;
    }
    // Doubling, but never past the cell bound: the check before each row keeps length within it.
    return Arrays.copyOf(array, (int) Math.min(Math.max(length, 2L * array.length), FeatureTable.MAX_CELLS));
  }

  private FeatureTableException error(String what) {
    return new FeatureTableException(file + " line " + lineNumber + ": " + what);
  }
}
