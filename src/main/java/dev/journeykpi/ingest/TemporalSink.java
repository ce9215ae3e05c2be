package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.ValueType;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DateUtil;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.DateColumnType;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Dates and date-times, in the declared formats tried in order, converted from the source's zone.
 */
final class TemporalSink extends ColumnSink {
  private final boolean dateOnly;

  /**
   * Packed date-times, or for a date column packed dates, as Tablesaw holds them (a date is the
   * upper half of a packed date-time), with Tablesaw's missing value.
   */
  private final LongArrayList values = new LongArrayList();

  private final long missing;
  private final List<DateTimeParser> parsers = new ArrayList<>();
  private final boolean excelSerialText;
  private final ZoneId from;
  private final ZoneId to;
  private final boolean sameZone;

  /** The one parser that reads values in place, or null when values need the general path. */
  private final DateTimeParser inPlace;

  private int lastGood;
  private final long[] staged = new long[SLOTS];

  TemporalSink(ColumnDef def, Set<String> nulls, ZoneId from, ZoneId to, boolean utf8) {
    super(def, nulls, utf8);
    dateOnly = def.type() == ValueType.DATE;
    missing =
        dateOnly
            ? DateColumnType.missingValueIndicator()
            : DateTimeColumnType.missingValueIndicator();
    List<String> formats = def.formats().isEmpty() ? List.of("iso") : def.formats();
    boolean serial = false;
    for (String f : formats) {
      if (f.equalsIgnoreCase("excel")) serial = true;
      else parsers.add(new DateTimeParser(f));
    }
    excelSerialText = serial;
    this.from = from;
    this.to = to;
    this.sameZone = from.equals(to);
    this.inPlace =
        parsers.size() == 1
                && !serial
                && sameZone
                && !parsers.get(0).pattern().equalsIgnoreCase("iso")
            ? parsers.get(0)
            : null;
    failure =
        "not a "
            + (dateOnly ? "date" : "date-time")
            + " in format "
            + String.join(
                " or ",
                def.formats().isEmpty() ? List.of("ISO yyyy-MM-dd[THH:mm:ss]") : def.formats());
  }

  @Override
  void expectRows(int rows) {
    values.ensureCapacity(rows);
  }

  @Override
  void merge(List<ColumnSink> parts) {
    int total = values.size();
    for (ColumnSink p : parts) total += ((TemporalSink) p).values.size();
    values.ensureCapacity(total);
    for (ColumnSink p : parts) values.addAll(((TemporalSink) p).values);
  }

  @Override
  Column<?> create() {
    long[] all =
        values.size() == values.elements().length ? values.elements() : values.toLongArray();
    if (!dateOnly) return DateTimeColumn.createInternal(def.name(), all);
    int[] dates = new int[all.length];
    for (int i = 0; i < all.length; i++) dates[i] = (int) all[i];
    return DateColumn.createInternal(def.name(), dates);
  }

  /**
   * The usual case, one declared format and values in the source's zone, reads each value in place;
   * anything else (several formats, ISO with offsets, Excel serials, zone shifts, a value to decode
   * or to explain) goes through {@link #stage}.
   */
  @Override
  int stageField(int slot, byte[] buf, int off, int len, boolean utf8) {
    if (inPlace != null && !nulls.matches(buf, off, len)) {
      long v = inPlace.parse(buf, off, len);
      if (v != DateTimeParser.NO_MATCH) {
        staged[slot] = v;
        return OK;
      }
    }
    return super.stageField(slot, buf, off, len, utf8);
  }

  @Override
  int stage(int slot, CharSequence raw) {
    CharSequence t = ByteSlice.trim(raw);
    if (nulls.matches(t)) return BLANK;
    int n = parsers.size();
    for (int k = 0; k < n; k++) {
      DateTimeParser p = parsers.get((lastGood + k) % n);
      long v = p.parse(t);
      if (v != DateTimeParser.NO_MATCH) {
        lastGood = (lastGood + k) % n;
        java.time.Instant instant = p.parseOffset(t);
        staged[slot] =
            instant != null
                ? PackedLocalDateTime.pack(LocalDateTime.ofInstant(instant, to))
                : shift(v);
        return OK;
      }
    }
    if (excelSerialText) {
      try {
        return stageNumber(slot, Double.parseDouble(t.toString()), true);
      } catch (NumberFormatException e) {
        // not a serial number either
      }
    }
    return BAD;
  }

  /**
   * Excel serial numbers (days since 1899-12-30, or 1904-01-01 in a 1904 workbook; time as the
   * fraction), whether shown as dates or not.
   */
  @Override
  int stageNumber(int slot, double v, boolean dateFormatted) {
    if (!DateUtil.isValidExcelDate(v)) return BAD;
    staged[slot] = shift(ExcelSerial.packed(v, date1904));
    return OK;
  }

  /** A date-time stored typed (a Parquet TIMESTAMP or DATE), in the source's zone. */
  int stageDateTime(int slot, LocalDateTime t) {
    staged[slot] = shift(PackedLocalDateTime.pack(t));
    return OK;
  }

  private long shift(long packed) {
    if (sameZone) return packed;
    LocalDateTime local = PackedLocalDateTime.asLocalDateTime(packed);
    return PackedLocalDateTime.pack(local.atZone(from).withZoneSameInstant(to).toLocalDateTime());
  }

  @Override
  void commitBatch(int n, boolean[] keep, int[] status) {
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (keep[r]) kept[k++] = status[r] == OK ? value(staged[r]) : missing;
    }
    values.addElements(values.size(), kept, 0, k);
  }

  private final long[] kept = new long[SLOTS];

  @Override
  void commit(int slot, int status) {
    values.add(status == OK ? value(staged[slot]) : missing);
  }

  /** What the column holds for a staged (packed date-time) value. */
  private long value(long packed) {
    return dateOnly ? packed >> 32 : packed;
  }
}
