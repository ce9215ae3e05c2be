package dev.journeykpi.calc;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.TimeSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * {@code no_repeat}: the share of contacts not followed by another contact of the same customer within a window —
 * first-contact resolution measured by repeat contacts, the method that needs no agent flag and no survey.
 *
 * <p>Repeats are looked for among all of the KPI's population (its {@code where}), in every period, so a contact on
 * the 30th repeated on the 2nd of the next month is not resolved. Contacts at the same moment are ordered by row: the
 * later row is the repeat. A contact whose window has not ended by the export's last timestamp, with no repeat so
 * far, cannot be judged yet: left out and counted. Contacts without a customer are left out and counted.
 */
final class NoRepeatMeasurer implements Measurer {
  private static final byte RESOLVED = 1, REPEATED = 2, NOT_YET = 3, NO_CUSTOMER = 4;

  private final String customer;
  private final String time;
  private final TimeSpan window;
  private final Filter where;
  private final Filter denominator;
  private final BusinessCalendar calendar;

  NoRepeatMeasurer(String customer, String time, TimeSpan window, Filter where, Filter denominator, BusinessCalendar calendar) {
    this.customer = customer;
    this.time = time;
    this.window = window;
    this.where = where;
    this.denominator = denominator;
    this.calendar = calendar;
  }

  private Table cachedFor;
  private byte[] outcome;
  private boolean[] judged;

  @Override
  public Measure measure(Table table, int[] rows) {
    if (cachedFor != table) {
      outcome = perRow(table);
      judged = FilterCompiler.mask(table, denominator);
      cachedFor = table;
    }
    int[] count = new int[5];
    int in = 0;
    for (int row : rows) {
      if (!judged[row]) continue;
      count[outcome[row]]++;
      in++;
    }
    int n = count[RESOLVED] + count[REPEATED];
    List<String> notes = new ArrayList<>();
    if (count[NOT_YET] > 0) notes.add(count[NOT_YET] + " whose " + window + " window runs past the data's end left out");
    if (count[NO_CUSTOMER] > 0) notes.add(count[NO_CUSTOMER] + " without " + customer + " left out");
    String note = String.join("; ", notes);
    if (n == 0) return new Measure(null, 0.0, 0.0, 0, in == 0 ? "no rows" : "no contacts to judge").withNote(note);
    return new Measure((double) count[RESOLVED] / n, (double) count[RESOLVED], (double) n, n, note);
  }

  private byte[] perRow(Table table) {
    Column<?> who = table.column(customer);
    Column<?> when = table.column(time);
    byte[] out = new byte[table.rowCount()];
    Arrays.fill(out, NO_CUSTOMER);
    List<long[]> contacts = new ArrayList<>(); // {customer key, packed time, row}
    java.util.Map<String, Integer> keys = new java.util.HashMap<>();
    long asOf = Cells.MISSING_TIME;
    for (int row : Cells.rows(FilterCompiler.select(table, where))) {
      long t = Cells.packedTime(when, row);
      if (t == Cells.MISSING_TIME) continue; // in no period: never measured
      asOf = Math.max(asOf, t);
      if (Cells.isBlank(who, row) || Cells.label(who, row).isBlank()) continue;
      int key = keys.computeIfAbsent(Cells.label(who, row), k -> keys.size());
      contacts.add(new long[] {key, t, row});
    }
    contacts.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
    for (int i = 0; i < contacts.size(); i++) {
      long[] c = contacts.get(i);
      long windowEnd = windowEnd(c[1]);
      long[] next = i + 1 < contacts.size() && contacts.get(i + 1)[0] == c[0] ? contacts.get(i + 1) : null;
      byte o;
      if (next != null && next[1] <= windowEnd) o = REPEATED;
      else if (windowEnd > asOf) o = NOT_YET;
      else o = RESOLVED;
      out[(int) c[2]] = o;
    }
    return out;
  }

  /** The packed time at which the window after a contact at packed time t closes (inclusive). */
  private long windowEnd(long t) {
    java.time.LocalDateTime at = Cells.time(t);
    java.time.LocalDateTime end = window.isWorkingDays()
        ? calendar.plusWorkingDays(at.toLocalDate(), window.workingDays()).atTime(at.toLocalTime())
        : at.plusSeconds(window.seconds());
    return Cells.packed(end);
  }
}
