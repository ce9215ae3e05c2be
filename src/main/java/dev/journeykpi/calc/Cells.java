package dev.journeykpi.calc;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/** Uniform, allocation-free access to the typed columns the importer builds. */
final class Cells {
  static final long MISSING_TIME = Long.MIN_VALUE;

  private Cells() {}

  /** A date or date-time cell as a packed date-time whose order is chronological; MISSING_TIME when blank. */
  static long packedTime(Column<?> c, int row) {
    if (c instanceof DateTimeColumn dt) {
      long v = dt.getLongInternal(row);
      return v == tech.tablesaw.columns.datetimes.DateTimeColumnType.missingValueIndicator() ? MISSING_TIME : v;
    }
    if (c instanceof DateColumn d) {
      int v = d.getIntInternal(row);
      return v == tech.tablesaw.columns.dates.DateColumnType.missingValueIndicator() ? MISSING_TIME : ((long) v) << 32;
    }
    throw new IllegalArgumentException("column '" + c.name() + "' is not a date or date-time column");
  }

  static long packed(java.time.LocalDateTime t) {
    return PackedLocalDateTime.pack(t);
  }

  static java.time.LocalDateTime time(long packed) {
    return PackedLocalDateTime.asLocalDateTime(packed);
  }

  /** The text used to group and label a breakdown value. */
  static String label(Column<?> c, int row) {
    if (c.isMissing(row)) return ResultRow.BLANK;
    if (c instanceof StringColumn s) return s.get(row);
    if (c instanceof DoubleColumn d) {
      double v = d.getDouble(row);
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    if (c instanceof BooleanColumn b) return String.valueOf(b.get(row));
    if (c instanceof DateTimeColumn dt) return dt.get(row).toString().replace('T', ' ');
    return c.getString(row);
  }
}
