package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DateUtil;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Turns one mapped column's raw values into a typed Tablesaw column. A row is first <em>staged</em> in every sink,
 * then <em>committed</em> only if no required column failed, so a rejected row leaves no partial values behind.
 */
abstract class ColumnSink {
  static final int OK = 0;
  static final int BLANK = 1;
  static final int BAD = 2;

  final ColumnDef def;
  final Set<String> nulls;
  private final int maxNullLength;
  String failure;

  ColumnSink(ColumnDef def, Set<String> nulls) {
    this.def = def;
    this.nulls = nulls;
    this.maxNullLength = nulls.stream().mapToInt(String::length).max().orElse(0);
  }

  abstract Column<?> column();

  /** Parses a text value; returns OK, BLANK (a null token) or BAD (and sets {@link #failure}). */
  abstract int stageText(CharSequence raw);

  /** A numeric Excel cell; {@code dateFormatted} when Excel shows it as a date, time or duration. */
  int stageNumber(double v, boolean dateFormatted) {
    if (dateFormatted) return stageText(DateUtil.getLocalDateTime(v).toString().replace('T', ' '));
    return stageText(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
  }

  int stageBoolean(boolean b) {
    return stageText(Boolean.toString(b));
  }

  abstract void commit(int status);

  boolean isNull(CharSequence raw) {
    return raw.length() == 0 || (raw.length() <= maxNullLength && nulls.contains(raw.toString()));
  }

  /**
   * True when the text has a combining mark and so may not be in NFC. A scan of chars is far cheaper than
   * {@code Normalizer.isNormalized}, which dominated import time when called on every text cell.
   */
  static boolean hasCombiningMark(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0300' && (c <= '\u036f' || (c >= '\u1dc0' && c <= '\u1dff') || (c >= '\u20d0' && c <= '\u20ff')
          || (c >= '\ufe20' && c <= '\ufe2f'))) {
        return true;
      }
    }
    return false;
  }

  int bad(String reason) {
    failure = reason;
    return BAD;
  }

  static ColumnSink create(ColumnDef def, SourceDef source, ZoneId targetZone) {
    return switch (def.type()) {
      case STRING -> new Text(def, source.nulls());
      case NUMBER -> new Number(def, source.nulls());
      case BOOLEAN -> new Bool(def, source);
      case DATE, DATETIME -> new Temporal(def, source.nulls(), source.zone(), targetZone);
      case DURATION -> new Duration(def, source.nulls());
    };
  }

  static final class Text extends ColumnSink {
    private final TextDictionary dict = new TextDictionary();
    private StringColumn col;
    private int staged;

    Text(ColumnDef def, Set<String> nulls) {
      super(def, nulls);
    }

    @Override
    Column<?> column() {
      if (col == null) col = dict.toColumn(def.name());
      return col;
    }

    @Override
    int stageText(CharSequence raw) {
      CharSequence t = CharSlice.trim(raw);
      if (isNull(t)) return BLANK;
      staged = t instanceof CharSlice c ? c.codeIn(dict) : dict.code(t.toString());
      return OK;
    }

    @Override
    void commit(int status) {
      dict.append(status == OK ? staged : dict.missingCode());
    }
  }

  static final class Number extends ColumnSink {
    private final DoubleColumn col;
    private final NumberParser parser;
    private double staged;

    Number(ColumnDef def, Set<String> nulls) {
      super(def, nulls);
      col = DoubleColumn.create(def.name());
      parser = new NumberParser(def.decimalMark());
    }

    @Override
    Column<?> column() {
      return col;
    }

    @Override
    int stageText(CharSequence raw) {
      CharSequence t = CharSlice.trim(raw);
      if (isNull(t)) return BLANK;
      staged = parser.parse(t);
      return Double.isNaN(staged) ? bad("not a number with decimal mark '" + def.decimalMark() + "'") : OK;
    }

    @Override
    int stageNumber(double v, boolean dateFormatted) {
      staged = v;
      return OK;
    }

    @Override
    void commit(int status) {
      if (status == OK) col.append(staged); else col.appendMissing();
    }
  }

  static final class Bool extends ColumnSink {
    private final BooleanColumn col;
    private final Set<String> yes;
    private final Set<String> no;
    private boolean staged;

    Bool(ColumnDef def, SourceDef source) {
      super(def, source.nulls());
      col = BooleanColumn.create(def.name());
      yes = source.trueTokens();
      no = source.falseTokens();
    }

    @Override
    Column<?> column() {
      return col;
    }

    @Override
    int stageText(CharSequence raw) {
      CharSequence t = CharSlice.trim(raw);
      String k = t.toString().toLowerCase(java.util.Locale.ROOT);
      if (yes.contains(k)) {
        staged = true;
        return OK;
      }
      if (no.contains(k)) {
        staged = false;
        return OK;
      }
      if (isNull(t)) return BLANK;
      return bad("not a yes/no value (true: " + tokens(yes) + "; false: " + tokens(no) + ")");
    }

    private static String tokens(Set<String> t) {
      return String.join("/", t.stream().map(x -> x.isEmpty() ? "(blank)" : x).toList());
    }

    @Override
    int stageBoolean(boolean b) {
      staged = b;
      return OK;
    }

    @Override
    void commit(int status) {
      if (status == OK) col.append(staged); else col.appendMissing();
    }
  }

  static final class Duration extends ColumnSink {
    private final DoubleColumn col;
    private final DurationParser parser;
    private final double unitSeconds;
    private double staged;

    Duration(ColumnDef def, Set<String> nulls) {
      super(def, nulls);
      col = DoubleColumn.create(def.name());
      parser = new DurationParser(def.durationUnit(), def.decimalMark());
      unitSeconds = new DurationParser(def.durationUnit(), '.').parse("1");
    }

    @Override
    Column<?> column() {
      return col;
    }

    @Override
    int stageText(CharSequence raw) {
      CharSequence t = CharSlice.trim(raw);
      if (isNull(t)) return BLANK;
      staged = parser.parse(t);
      return Double.isNaN(staged) ? bad("not a duration (" + def.durationUnit() + ", or H:MM:SS / M:SS)") : OK;
    }

    /** Excel keeps durations as fractions of a day when the cell shows h:mm:ss; plain numbers are in the unit. */
    @Override
    int stageNumber(double v, boolean dateFormatted) {
      if (v < 0) return bad("negative duration");
      staged = dateFormatted ? Math.round(v * 86400 * 1000) / 1000.0 : v * unitSeconds;
      return OK;
    }

    @Override
    void commit(int status) {
      if (status == OK) col.append(staged); else col.appendMissing();
    }
  }

  /** Dates and date-times, in the declared formats tried in order, converted from the source's zone. */
  static final class Temporal extends ColumnSink {
    private final DateColumn dates;
    private final DateTimeColumn times;
    private final List<DateTimeParser> parsers = new ArrayList<>();
    private final boolean excelSerialText;
    private final ZoneId from;
    private final ZoneId to;
    private int lastGood;
    private long staged;

    Temporal(ColumnDef def, Set<String> nulls, ZoneId from, ZoneId to) {
      super(def, nulls);
      boolean dateOnly = def.type() == ValueType.DATE;
      dates = dateOnly ? DateColumn.create(def.name()) : null;
      times = dateOnly ? null : DateTimeColumn.create(def.name());
      List<String> formats = def.formats().isEmpty() ? List.of("iso") : def.formats();
      boolean serial = false;
      for (String f : formats) {
        if (f.equalsIgnoreCase("excel")) serial = true; else parsers.add(new DateTimeParser(f));
      }
      excelSerialText = serial;
      this.from = from;
      this.to = to;
    }

    @Override
    Column<?> column() {
      return dates != null ? dates : times;
    }

    @Override
    int stageText(CharSequence raw) {
      CharSequence t = CharSlice.trim(raw);
      if (isNull(t)) return BLANK;
      int n = parsers.size();
      for (int k = 0; k < n; k++) {
        DateTimeParser p = parsers.get((lastGood + k) % n);
        long v = p.parse(t);
        if (v != DateTimeParser.NO_MATCH) {
          lastGood = (lastGood + k) % n;
          java.time.Instant instant = p.parseOffset(t);
          staged = instant != null ? PackedLocalDateTime.pack(LocalDateTime.ofInstant(instant, to)) : shift(v);
          return OK;
        }
      }
      if (excelSerialText) {
        try {
          return stageNumber(Double.parseDouble(t.toString()), true);
        } catch (NumberFormatException e) {
          // fall through to the error below
        }
      }
      return bad("not a " + (dates != null ? "date" : "date-time") + " in format "
          + String.join(" or ", def.formats().isEmpty() ? List.of("ISO yyyy-MM-dd[THH:mm:ss]") : def.formats()));
    }

    /** Excel serial numbers (days since 1899-12-30, time as the fraction), whether shown as dates or not. */
    @Override
    int stageNumber(double v, boolean dateFormatted) {
      if (!DateUtil.isValidExcelDate(v)) return bad("not a valid Excel date serial");
      staged = shift(PackedLocalDateTime.pack(DateUtil.getLocalDateTime(v)));
      return OK;
    }

    private long shift(long packed) {
      if (from.equals(to)) return packed;
      LocalDateTime local = PackedLocalDateTime.asLocalDateTime(packed);
      return PackedLocalDateTime.pack(local.atZone(from).withZoneSameInstant(to).toLocalDateTime());
    }

    @Override
    void commit(int status) {
      if (dates != null) {
        if (status == OK) dates.appendInternal((int) (staged >> 32)); else dates.appendMissing();
      } else {
        if (status == OK) times.appendInternal(staged); else times.appendMissing();
      }
    }
  }
}
