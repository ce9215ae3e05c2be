package dev.journeykpi.types.sla;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.Elapsed;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.SlaDef;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code sla}: the share of rows whose start-to-end time met its limit, the limit picked per row
 * (usually by priority).
 *
 * <p>A row with an end is met or breached. A row still open is judged as of the export's last
 * timestamp (the latest start or end in the table): already past its limit → breached; not yet →
 * left out of both sides and counted, since it may still be met. Rows whose end is before their
 * start, rows without a start, and rows whose value has no limit are left out and counted.
 */
public final class SlaMeasurer implements Measurer {
  private static final byte MET = 1,
      BREACHED = 2,
      OPEN_BREACHED = 3,
      OPEN_WITHIN = 4,
      NO_LIMIT = 5,
      BAD = 6;

  private final String start;
  private final String end;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final SlaDef sla;

  /** The limits by the key of their value, compared as filters compare texts. */
  private final Map<String, TimeSpan> limits = new java.util.HashMap<>();

  /**
   * The limit of each value as the data writes it (null: none), so that a value is keyed once, not
   * once per row.
   */
  private final Map<String, TimeSpan> byLabel = new java.util.HashMap<>();

  /**
   * @param calendar null for calendar time
   */
  public SlaMeasurer(String start, String end, BusinessCalendar calendar, ZoneId zone, SlaDef sla) {
    this.start = start;
    this.end = end;
    this.calendar = calendar;
    this.zone = zone;
    this.sla = sla;
    sla.limits().forEach((value, limit) -> limits.put(TextKey.of(value), limit));
  }

  private Table cachedFor;
  private byte[] outcome;

  @Override
  public Measure measure(Table table, int[] rows) {
    if (cachedFor != table) {
      outcome = perRow(table);
      cachedFor = table;
    }
    int[] count = new int[7];
    Map<String, Integer> unlisted = new TreeMap<>();
    Column<?> by = sla.by() == null ? null : table.column(sla.by());
    for (int row : rows) {
      count[outcome[row]]++;
      if (outcome[row] == NO_LIMIT) unlisted.merge(Cells.label(by, row), 1, Integer::sum);
    }
    return result(
        rows.length,
        count[MET],
        count[BREACHED],
        count[OPEN_BREACHED],
        count[OPEN_WITHIN],
        count[NO_LIMIT],
        count[BAD],
        unlisted,
        sla.by(),
        start,
        end);
  }

  /**
   * The measure of {@code rows} rows, each met, breached, open past or within its limit, without a
   * limit (their values as the data labels them, counted, in {@code unlisted}) or unusable (no
   * start, or ending before it): here and on the SQL engines alike.
   */
  public static Measure result(
      int rows,
      int met,
      int breached,
      int openBreached,
      int openWithin,
      int noLimit,
      int bad,
      Map<String, Integer> unlisted,
      String by,
      String start,
      String end) {
    int judged = met + breached + openBreached;
    List<Note> notes = new ArrayList<>();
    if (openBreached > 0) notes.add(Note.of(Code.OPEN_PAST_LIMIT, openBreached));
    if (openWithin > 0) notes.add(Note.of(Code.OPEN_WITHIN_LIMIT, openWithin));
    if (noLimit > 0) {
      List<String> shown = new ArrayList<>();
      new TreeMap<>(unlisted).forEach((v, k) -> shown.add("'" + v + "'" + (k > 1 ? " ×" + k : "")));
      notes.add(Note.of(Code.NO_LIMIT_FOR, noLimit, by, String.join(", ", shown)));
    }
    if (bad > 0) notes.add(Note.of(Code.WITHOUT_START_OR_END_BEFORE_START, bad, start, end));
    Notes note = Notes.of(notes);
    if (judged == 0)
      return new Measure(
              null, 0.0, 0.0, 0, Note.of(rows == 0 ? Code.NO_ROWS : Code.NO_ROWS_TO_JUDGE))
          .withNote(note);
    return new Measure((double) met / judged, (double) met, (double) judged, judged, note);
  }

  private byte[] perRow(Table table) {
    Column<?> s = table.column(start);
    Column<?> e = table.column(end);
    Column<?> by = sla.by() == null ? null : table.column(sla.by());
    long asOf = Elapsed.latest(s, e);
    double[] seconds = Elapsed.perRow(s, e, calendar, zone);
    byte[] out = new byte[seconds.length];
    for (int row = 0; row < out.length; row++) {
      TimeSpan limit = limit(by, row);
      double v = seconds[row];
      if (v == Elapsed.NO_START || v == Elapsed.NEGATIVE) {
        out[row] = BAD;
      } else if (limit == null) {
        out[row] = NO_LIMIT;
      } else if (v == Elapsed.OPEN) {
        double sofar =
            Elapsed.between(
                Cells.packedTime(s, row), Math.max(asOf, Cells.packedTime(s, row)), calendar, zone);
        out[row] = sofar > limit.seconds() ? OPEN_BREACHED : OPEN_WITHIN;
      } else {
        out[row] = v <= limit.seconds() ? MET : BREACHED;
      }
    }
    return out;
  }

  private TimeSpan limit(Column<?> by, int row) {
    if (by == null) return sla.fallback();
    String value = Cells.isBlank(by, row) ? "" : Cells.label(by, row);
    TimeSpan t = byLabel.get(value);
    if (t == null && !byLabel.containsKey(value)) {
      t = limits.getOrDefault(TextKey.of(value), sla.fallback());
      byLabel.put(value, t);
    }
    return t;
  }
}
