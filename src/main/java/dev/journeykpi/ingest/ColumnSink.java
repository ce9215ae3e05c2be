package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.time.ZoneId;
import java.util.Set;
import org.apache.poi.ss.usermodel.DateUtil;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.Column;

/**
 * Turns one mapped column's raw values into a typed Tablesaw column. Values are first
 * <em>staged</em> into a slot, then <em>committed</em> only if the row is kept, so a rejected row
 * leaves no partial values behind.
 *
 * <p>CSV imports stage a whole batch of records per column ({@link #stageBatch}), each field read
 * in place in the batch's bytes ({@link #stageField}), then commit the batch's kept rows ({@link
 * #commitBatch}), so that a column's values are read one after another and two threads can type
 * different columns of a batch at once. Excel imports stage and commit one cell at a time in slot
 * 0.
 *
 * <p>Text, yes/no and date sinks have files of their own ({@link TextSink}, {@link BoolSink},
 * {@link TemporalSink}); numbers and durations, which share their storage, are below.
 */
abstract class ColumnSink {
  static final int OK = 0;
  static final int BLANK = 1;
  static final int BAD = 2;

  final ColumnDef def;
  final NullTokens nulls;

  /**
   * The file being read is a workbook in the 1904 date system: its serial numbers (date cells,
   * numbers in a date column, {@code format: excel} text) count days from 1904-01-01. Set per file
   * by {@link RowAssembler#startFile}.
   */
  boolean date1904;

  /** Why a value was BAD; one text per sink, so reasons group in the quality report. */
  String failure;

  private final ByteSlice slice = new ByteSlice();

  ColumnSink(ColumnDef def, Set<String> nulls, boolean utf8) {
    this.def = def;
    this.nulls = new NullTokens(nulls, utf8);
  }

  private final java.util.List<ColumnSink> later = new java.util.ArrayList<>(1);
  private Column<?> built;

  /**
   * Appends the values of {@code part}, a sink of the same column typed from a later part of the
   * file. The values are joined when the column is built, which {@link RowAssembler#table} does for
   * several columns at once, or before more rows are committed here ({@link #settle}).
   */
  final void absorb(ColumnSink part) {
    if (built != null) throw new IllegalStateException("column already built");
    later.add(part);
  }

  /** The parts absorbed and not yet joined. */
  final java.util.List<ColumnSink> parts() {
    return later;
  }

  /**
   * Joins the absorbed parts' values to this sink's own, so that rows committed next come after
   * them.
   */
  final void settle() {
    if (later.isEmpty()) return;
    merge(later);
    later.clear();
  }

  /** The finished column: this sink's values, then those of each absorbed part. */
  final Column<?> column() {
    if (built == null) {
      settle();
      built = create();
    }
    return built;
  }

  /**
   * How many distinct values this sink's dictionary holds (with absorbed parts, at most); 0 for
   * undictionaried sinks.
   */
  int distinctValues() {
    return 0;
  }

  /** Appends the values of {@code parts} (sinks of the same class) to this sink's own. */
  abstract void merge(java.util.List<ColumnSink> parts);

  /** The Tablesaw column of this sink's values. */
  abstract Column<?> create();

  /**
   * Makes room for about {@code rows} values at once: a column grown by doubling allocates twice
   * its size in copies, and the young collections copied the live arrays again (measured with
   * async-profiler's allocation mode).
   */
  abstract void expectRows(int rows);

  /** Parses a text value into {@code slot}; returns OK, BLANK (a null token) or BAD. */
  abstract int stage(int slot, CharSequence raw);

  /**
   * A numeric Excel cell; {@code dateFormatted} when Excel shows it as a date, time or duration.
   */
  int stageNumber(int slot, double v, boolean dateFormatted) {
    if (dateFormatted)
      return stage(slot, DateUtil.getLocalDateTime(v, date1904).toString().replace('T', ' '));
    return stage(
        slot,
        v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
  }

  int stageBoolean(int slot, boolean b) {
    return stage(slot, Boolean.toString(b));
  }

  /** Appends the value staged in {@code slot}, or a missing value unless the status is OK. */
  abstract void commit(int slot, int status);

  /**
   * Commits slots {@code 0..n-1} of a batch where {@code keep} says so, in order. The types a batch
   * has many of override this with one loop over their own arrays: a call per value through this
   * class cost a fifth of typing.
   */
  void commitBatch(int n, boolean[] keep, int[] status) {
    for (int r = 0; r < n; r++) {
      if (keep[r]) commit(r, status[r]);
    }
  }

  /**
   * Stages field {@code field} of every record of the batch not marked in {@code skip}, read in
   * place in the batch's bytes ({@code utf8}: UTF-8, else ISO-8859-1).
   */
  final void stageBatch(RecordBatch b, int field, boolean[] skip, int[] status, boolean utf8) {
    byte[] buf = b.bytes;
    for (int r = 0; r < b.records; r++) {
      if (skip[r]) continue;
      int f = b.firstField[r] + field;
      int off = b.fieldStart[f];
      int len = b.fieldLen[f];
      while (len > 0 && (buf[off] == ' ' || buf[off] == '\t')) {
        off++;
        len--;
      }
      while (len > 0 && (buf[off + len - 1] == ' ' || buf[off + len - 1] == '\t')) len--;
      status[r] = stageField(r, buf, off, len, utf8);
    }
  }

  /**
   * Stages one field of a batch, already trimmed. This general path parses it as text through
   * {@link #stage}, decoded when it is UTF-8 with non-ASCII bytes; types with a faster way to read
   * bytes override it.
   */
  int stageField(int slot, byte[] buf, int off, int len, boolean utf8) {
    return stage(slot, slice.set(buf, off, len).text(utf8));
  }

  int bad(String reason) {
    failure = reason;
    return BAD;
  }

  static ColumnSink create(ColumnDef def, SourceDef source, ZoneId targetZone, boolean utf8Bytes) {
    return switch (def.type()) {
      case STRING -> new TextSink(def, source.nulls(), utf8Bytes);
      case NUMBER -> new Number(def, source.nulls(), utf8Bytes);
      case BOOLEAN -> new BoolSink(def, source, utf8Bytes);
      case DATE, DATETIME ->
          new TemporalSink(def, source.nulls(), source.zone(), targetZone, utf8Bytes);
      case DURATION -> new Duration(def, source.nulls(), utf8Bytes);
    };
  }

  static final int SLOTS = RecordBatch.RECORDS;

  /**
   * Columns held as doubles: numbers, and durations in seconds. Subclasses say how a text becomes a
   * value.
   */
  abstract static class Numeric extends ColumnSink {
    private final DoubleArrayList values = new DoubleArrayList();
    final double[] staged = new double[SLOTS];

    Numeric(ColumnDef def, Set<String> nulls, boolean utf8) {
      super(def, nulls, utf8);
    }

    /** The value of a trimmed, non-blank text, or NaN when it is not one. */
    abstract double parse(CharSequence text);

    @Override
    void expectRows(int rows) {
      values.ensureCapacity(rows);
    }

    @Override
    void merge(java.util.List<ColumnSink> parts) {
      int total = values.size();
      for (ColumnSink p : parts) total += ((Numeric) p).values.size();
      values.ensureCapacity(total);
      for (ColumnSink p : parts) values.addAll(((Numeric) p).values);
    }

    @Override
    Column<?> create() {
      return DoubleColumn.create(
          def.name(),
          values.size() == values.elements().length ? values.elements() : values.toDoubleArray());
    }

    @Override
    int stage(int slot, CharSequence raw) {
      CharSequence t = ByteSlice.trim(raw);
      if (nulls.matches(t)) return BLANK;
      double v = parse(t);
      staged[slot] = v;
      return Double.isNaN(v) ? BAD : OK;
    }

    @Override
    void commit(int slot, int status) {
      values.add(status == OK ? staged[slot] : Double.NaN); // NaN: Tablesaw's missing number
    }

    private final double[] kept = new double[SLOTS];

    @Override
    void commitBatch(int n, boolean[] keep, int[] status) {
      int k = 0;
      for (int r = 0; r < n; r++) {
        if (keep[r]) kept[k++] = status[r] == OK ? staged[r] : Double.NaN;
      }
      values.addElements(values.size(), kept, 0, k);
    }
  }

  static final class Number extends Numeric {
    private final NumberParser parser;

    Number(ColumnDef def, Set<String> nulls, boolean utf8) {
      super(def, nulls, utf8);
      parser = new NumberParser(def.decimalMark());
      failure = "not a number with decimal mark '" + def.decimalMark() + "'";
    }

    @Override
    double parse(CharSequence text) {
      return parser.parse(text);
    }

    @Override
    int stageNumber(int slot, double v, boolean dateFormatted) {
      staged[slot] = v;
      return OK;
    }
  }

  static final class Duration extends Numeric {
    private final DurationParser parser;
    private final double unitSeconds;

    Duration(ColumnDef def, Set<String> nulls, boolean utf8) {
      super(def, nulls, utf8);
      parser = new DurationParser(def.durationUnit(), def.decimalMark());
      unitSeconds = new DurationParser(def.durationUnit(), '.').parse("1");
      failure = "not a duration (" + def.durationUnit() + ", or H:MM:SS / M:SS)";
    }

    @Override
    double parse(CharSequence text) {
      return parser.parse(text);
    }

    /**
     * Excel keeps durations as fractions of a day when the cell shows h:mm:ss; plain numbers are in
     * the unit.
     */
    @Override
    int stageNumber(int slot, double v, boolean dateFormatted) {
      if (v < 0) return BAD;
      staged[slot] = dateFormatted ? Math.round(v * 86400 * 1000) / 1000.0 : v * unitSeconds;
      return OK;
    }
  }
}
