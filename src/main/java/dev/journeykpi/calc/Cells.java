package dev.journeykpi.calc;

import dev.journeykpi.model.ResultRow;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/** Uniform, allocation-free access to the typed columns the importer builds. */
public final class Cells {
  public static final long MISSING_TIME = Long.MIN_VALUE;

  private Cells() {}

  /**
   * A date or date-time cell as a packed date-time whose order is chronological; MISSING_TIME when
   * blank.
   */
  public static long packedTime(Column<?> c, int row) {
    if (c instanceof DateTimeColumn dt) {
      long v = dt.getLongInternal(row);
      return v == tech.tablesaw.columns.datetimes.DateTimeColumnType.missingValueIndicator()
          ? MISSING_TIME
          : v;
    }
    if (c instanceof DateColumn d) {
      int v = d.getIntInternal(row);
      return v == tech.tablesaw.columns.dates.DateColumnType.missingValueIndicator()
          ? MISSING_TIME
          : ((long) v) << 32;
    }
    throw new IllegalArgumentException(
        "column '" + c.name() + "' is not a date or date-time column");
  }

  /**
   * Seconds since 1970-01-01T00:00 of the same wall clock (no zone), straight from the packed form.
   */
  public static long localEpochSecond(long packed) {
    int date = (int) (packed >> 32);
    int time = (int) packed;
    return epochDay(date) * 86400L + secondOfDay(time);
  }

  /**
   * Seconds of the day of a packed time: Tablesaw packs hour, minute and millisecond of the minute
   * in its bytes.
   */
  public static int secondOfDay(int time) {
    return (time >>> 24) * 3600 + ((time >>> 16) & 0xff) * 60 + (time & 0xffff) / 1000;
  }

  public static int millisecondOfDay(int time) {
    return (time >>> 24) * 3_600_000 + ((time >>> 16) & 0xff) * 60_000 + (time & 0xffff);
  }

  private static final int FIRST_YEAR = 1900;
  private static final int YEARS = 300;

  /**
   * The epoch day of the first of each month from 1900 to 2199: a date's day number by one lookup.
   */
  private static final long[] MONTH_STARTS = new long[YEARS * 12];

  static {
    for (int y = 0; y < YEARS; y++) {
      for (int m = 0; m < 12; m++)
        MONTH_STARTS[12 * y + m] = java.time.LocalDate.of(FIRST_YEAR + y, m + 1, 1).toEpochDay();
    }
  }

  /**
   * The epoch day of a packed date (year, month and day in its bytes). Duration KPIs ask this twice
   * per row of a million; Tablesaw's general computation per call was a third of their time.
   */
  public static long epochDay(int date) {
    int year = date >> 16;
    int month = (date >> 8) & 0xff;
    int i = 12 * (year - FIRST_YEAR) + month - 1;
    if (i < 0 || i >= MONTH_STARTS.length || month < 1 || month > 12) {
      return tech.tablesaw.columns.dates.PackedLocalDate.toEpochDay(date);
    }
    return MONTH_STARTS[i] + (date & 0xff) - 1;
  }

  public static long localEpochMillis(long packed) {
    int date = (int) (packed >> 32);
    int time = (int) packed;
    return epochDay(date) * 86_400_000L + millisecondOfDay(time);
  }

  /** The selection's rows as an array: iterating a Selection directly boxes every row number. */
  public static int[] rows(tech.tablesaw.selection.Selection s) {
    return s.toArray();
  }

  public static long packed(java.time.LocalDateTime t) {
    return PackedLocalDateTime.pack(t);
  }

  public static java.time.LocalDateTime time(long packed) {
    return PackedLocalDateTime.asLocalDateTime(packed);
  }

  /**
   * The dictionary key of the blank text, if the column has blank cells. Not a sentinel: Tablesaw's
   * smaller dictionaries number their keys from -128 or -32,768, so any int may be a real value's
   * key.
   */
  public static java.util.OptionalInt blankKey(StringColumn s) {
    int first = s.getDictionary().firstIndexOf("");
    return first < 0
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(s.getDictionary().getKeyAtIndex(first));
  }

  /**
   * Whether a cell is blank. Text columns built by the importer keep blanks as the empty string in
   * their dictionary, which Tablesaw's {@code isMissing} does not always recognise, so text is
   * checked by its value.
   */
  public static boolean isBlank(Column<?> c, int row) {
    if (!(c instanceof StringColumn s)) return c.isMissing(row);
    return s.getDictionary() instanceof dev.journeykpi.model.BlankText b
        ? b.isEmptyAt(row)
        : s.get(row).isEmpty();
  }

  /** The text used to group and label a breakdown value. */
  public static String label(Column<?> c, int row) {
    if (isBlank(c, row)) return ResultRow.BLANK;
    if (c instanceof StringColumn s) return s.get(row);
    if (c instanceof DoubleColumn d) return label(d.getDouble(row));
    if (c instanceof BooleanColumn b) return String.valueOf(b.get(row));
    if (c instanceof DateTimeColumn dt) return label(dt.get(row));
    return c.getString(row);
  }

  /**
   * The same label of a value another engine returns (a text, number, yes/no, date or date-time;
   * null for a blank), so that both engines name a breakdown group alike.
   */
  public static String label(Object value) {
    if (value == null) return ResultRow.BLANK;
    if (value instanceof String s) return s.isEmpty() ? ResultRow.BLANK : s;
    if (value instanceof Double d) return label(d.doubleValue());
    if (value instanceof java.time.LocalDateTime t) return label(t);
    if (value instanceof java.time.LocalDate day) return DateColumn.create("", day).getString(0);
    return String.valueOf(value);
  }

  /**
   * The label of a breakdown group: {@link #label(Column, int)}, with a data value that reads like
   * kpi's own {@code (total)} or {@code (blank)} kept apart from them ({@link
   * dev.journeykpi.model.BreakdownLabel}).
   */
  public static String groupLabel(Column<?> c, int row) {
    return isBlank(c, row)
        ? ResultRow.BLANK
        : dev.journeykpi.model.BreakdownLabel.of(label(c, row));
  }

  /** The same group label of a value another engine returns (null for a blank). */
  public static String groupLabel(Object value) {
    if (value == null || "".equals(value)) return ResultRow.BLANK;
    return dev.journeykpi.model.BreakdownLabel.of(label(value));
  }

  private static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String label(java.time.LocalDateTime t) {
    return t.toString().replace('T', ' ');
  }
}
