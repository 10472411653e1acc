package dev.consilium.roles.features.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.ejml.data.DMatrixRMaj;

/**
 * One party's rows: an id per row, feature columns as doubles and, at the task owner, a 0/1 label per row.
 * Immutable: every accessor hands out a copy.
 *
 * <p>Its size is bounded ({@link #MAX_ROWS}, {@link #MAX_COLUMNS}, {@link #MAX_CELLS}) so that a file can never
 * ask for more memory than a member is sized for: at the bound the features take 160 MB of doubles.
 */
public final class FeatureTable {
  /** Two million rows: well above the consortium's largest customer base we plan for. */
  public static final int MAX_ROWS = 2_000_000;
  /** Feature columns of one party, besides id and label. */
  public static final int MAX_COLUMNS = 1_000;
  /** Rows times feature columns. */
  public static final long MAX_CELLS = 20_000_000;
  /** An id is at most this many characters. */
  public static final int MAX_ID_CHARS = 128;

  private final String source;
  private final List<String> ids;
  private final List<String> columnNames;
  private final DMatrixRMaj features;
  private final double[] labels;
  private final Map<String, Integer> rowById;

  private FeatureTable(String source, List<String> ids, List<String> columnNames, DMatrixRMaj features,
      double[] labels) {
    this.source = source;
    this.ids = ids;
    this.columnNames = columnNames;
    this.features = features;
    this.labels = labels;
    this.rowById = new HashMap<>(ids.size() * 2);
    for (int row = 0; row < ids.size(); row++) {
      if (rowById.put(ids.get(row), row) != null) {
        // The id itself stays out of the message: it names a customer.
        throw new FeatureTableException(source + ": row " + row + " repeats an earlier row's id");
      }
    }
  }

  /** Reads a CSV file with header {@code id,[y,]name..}; see {@link FeatureTableReader} for the format. */
  public static FeatureTable read(Path file) {
    return FeatureTableReader.read(file);
  }

  /**
   * A table built in memory. {@code source} names it in error messages; {@code labels} is null for a table
   * without labels. Everything is copied; shapes, bounds, labels (0 or 1), finiteness and distinct ids are
   * checked.
   */
  public static FeatureTable of(String source, List<String> ids, List<String> columnNames, DMatrixRMaj features,
      double[] labels) {
    if (ids.size() > MAX_ROWS) {
      throw new FeatureTableException(source + ": " + ids.size() + " rows, more than the " + MAX_ROWS + " allowed");
    }
    if (columnNames.size() > MAX_COLUMNS) {
      throw new FeatureTableException(source + ": " + columnNames.size() + " feature columns, more than the "
          + MAX_COLUMNS + " allowed");
    }
    if ((long) ids.size() * columnNames.size() > MAX_CELLS) {
      throw new FeatureTableException(source + ": " + ids.size() + " rows of " + columnNames.size()
          + " columns, more than the " + MAX_CELLS + " cells allowed");
    }
    if (features.numRows != ids.size() || features.numCols != columnNames.size()) {
      throw new FeatureTableException(source + ": features are " + features.numRows + "x" + features.numCols
          + " but there are " + ids.size() + " ids and " + columnNames.size() + " column names");
    }
    if (labels != null && labels.length != ids.size()) {
      throw new FeatureTableException(source + ": " + labels.length + " labels for " + ids.size() + " rows");
    }
    for (int i = 0; i < features.getNumElements(); i++) {
      if (!Double.isFinite(features.data[i])) {
        throw new FeatureTableException(source + ": row " + i / features.numCols + ", column "
            + columnNames.get(i % features.numCols) + " is not a finite number");
      }
    }
    if (labels != null) {
      for (int row = 0; row < labels.length; row++) {
        if (labels[row] != 0 && labels[row] != 1) {
          throw new FeatureTableException(source + ": the label of row " + row + " is not 0 or 1");
        }
      }
    }
    return new FeatureTable(source, List.copyOf(ids), List.copyOf(columnNames), features.copy(),
        labels == null ? null : labels.clone());
  }

  /** Where the table came from (a file name), for messages. */
  public String source() {
    return source;
  }

  public int rowCount() {
    return ids.size();
  }

  /** Feature columns, not counting id and label. */
  public int columnCount() {
    return columnNames.size();
  }

  public List<String> columnNames() {
    return columnNames;
  }

  /** The row ids in row order (an unmodifiable list). */
  public List<String> ids() {
    return ids;
  }

  /** The row holding {@code id}, if any. */
  public OptionalInt rowOf(String id) {
    Integer row = rowById.get(id);
    return row == null ? OptionalInt.empty() : OptionalInt.of(row);
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** All labels in row order, each 0 or 1; fails when the file had no {@code y} column. */
  public double[] labels() {
    return requireLabels().clone();
  }

  /** The labels of {@code rows}, in that order. */
  public double[] labels(int[] rows) {
    double[] all = requireLabels();
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = all[checkRow(rows[i])];
    }
    return out;
  }

  /** The features of {@code rows}, in that order: a {@code rows.length x columnCount()} matrix. */
  public DMatrixRMaj select(int[] rows) {
    int cols = columnCount();
    DMatrixRMaj out = new DMatrixRMaj(rows.length, cols);
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(features.data, checkRow(rows[i]) * cols, out.data, i * cols, cols);
    }
    return out;
  }

  /** All features, a {@code rowCount() x columnCount()} matrix. */
  public DMatrixRMaj features() {
    return features.copy();
  }

  /**
   * This table's rows reordered (and restricted) to {@code alignedIds}, as after private set intersection:
   * row i of the result is the row whose id is {@code alignedIds.get(i)}. Fails when an id is missing.
   */
  public FeatureTable alignTo(List<String> alignedIds) {
    int[] rows = new int[alignedIds.size()];
    for (int i = 0; i < rows.length; i++) {
      Integer row = rowById.get(alignedIds.get(i));
      if (row == null) {
        throw new FeatureTableException(source + ": the id at position " + i + " of the alignment is not in it");
      }
      rows[i] = row;
    }
    return new FeatureTable(source, List.copyOf(alignedIds), columnNames, select(rows),
        labels == null ? null : labels(rows));
  }

  @Override
  public String toString() {
    // Shape only: the rows are the party's private data.
    return "FeatureTable[" + source + ", " + rowCount() + " rows, " + columnCount() + " columns"
        + (hasLabels() ? ", labelled]" : "]");
  }

  private double[] requireLabels() {
    if (labels == null) {
      throw new IllegalStateException(source + " has no label column (y)");
    }
    return labels;
  }

  private int checkRow(int row) {
    if (row < 0 || row >= rowCount()) {
      throw new IndexOutOfBoundsException(source + ": row " + row + " is outside [0, " + rowCount() + ")");
    }
    return row;
  }
}
