package dev.journeykpi.types.norepeat;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.calc.KeyNumbering;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.Filter;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code no_repeat}: the share of contacts not followed by another contact of the same customer
 * within a window — first-contact resolution measured by repeat contacts, the method that needs no
 * agent flag and no survey.
 *
 * <p>Repeats are looked for among all of the KPI's population (its {@code where}), in every period,
 * so a contact on the 30th repeated on the 2nd of the next month is not resolved. Contacts at the
 * same moment are ordered by row: the later row is the repeat. A contact whose window has not ended
 * by the export's last timestamp, with no repeat so far, cannot be judged yet: left out and
 * counted. Contacts without a customer are left out and counted.
 */
public final class NoRepeatMeasurer implements Measurer {
  private static final byte RESOLVED = 1, REPEATED = 2, NOT_YET = 3, NO_CUSTOMER = 4;

  private final String customer;
  private final String time;
  private final TimeSpan window;
  private final Filter where;
  private final Filter denominator;
  private final BusinessCalendar calendar;

  public NoRepeatMeasurer(
      String customer,
      String time,
      TimeSpan window,
      Filter where,
      Filter denominator,
      BusinessCalendar calendar) {
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
    return result(count[RESOLVED], count[REPEATED], count[NOT_YET], count[NO_CUSTOMER], in);
  }

  /**
   * The measure of the {@code judged} contacts of a group: {@code resolved} without a repeat in
   * their window, {@code repeated}, {@code notYet} whose window runs past the data's end, {@code
   * noCustomer} without a customer (or a time): here and on the SQL engines alike.
   */
  Measure result(long resolved, long repeated, long notYet, long noCustomer, long judged) {
    long n = resolved + repeated;
    List<Note> notes = new ArrayList<>();
    if (notYet > 0) notes.add(Note.of(Code.WINDOW_PAST_DATA_END, notYet, window.text()));
    if (noCustomer > 0) notes.add(Note.of(Code.WITHOUT_LEFT_OUT, noCustomer, customer));
    Notes note = Notes.of(notes);
    if (n == 0)
      return new Measure(
              null, 0.0, 0.0, 0, Note.of(judged == 0 ? Code.NO_ROWS : Code.NO_CONTACTS_TO_JUDGE))
          .withNote(note);
    return new Measure((double) resolved / n, (double) resolved, (double) n, n, note);
  }

  private byte[] perRow(Table table) {
    Column<?> when = table.column(time);
    byte[] out = new byte[table.rowCount()];
    Arrays.fill(out, NO_CUSTOMER);
    KeyNumbering customers = new KeyNumbering(table.column(customer));
    int[] rows = Cells.rows(FilterCompiler.select(table, where));
    int[] customerOf = new int[rows.length];
    long[] times = new long[rows.length];
    long asOf = Cells.MISSING_TIME;
    for (int i = 0; i < rows.length; i++) {
      int row = rows[i];
      long t = Cells.packedTime(when, row);
      times[i] = t;
      customerOf[i] = -1;
      if (t == Cells.MISSING_TIME) continue; // in no period: never measured
      asOf = Math.max(asOf, t);
      customerOf[i] = customers.of(row);
    }
    // Each customer's contacts in time order (then row order): bucketed by customer, each bucket
    // sorted on its own (a list of boxed triples sorted with a comparator took 1 s at 1,000,000
    // rows).
    int count = customers.size();
    int[] from = new int[count + 1];
    for (int c : customerOf) {
      if (c >= 0) from[c + 1]++;
    }
    for (int c = 0; c < count; c++) from[c + 1] += from[c];
    int[] next = Arrays.copyOf(from, count);
    int[] contact = new int[from[count]]; // positions in rows[]
    for (int i = 0; i < rows.length; i++) {
      if (customerOf[i] >= 0) contact[next[customerOf[i]]++] = i;
    }
    it.unimi.dsi.fastutil.ints.IntComparator byTime =
        (x, y) ->
            times[x] != times[y]
                ? Long.compare(times[x], times[y])
                : Integer.compare(rows[x], rows[y]);
    for (int c = 0; c < count; c++) {
      if (from[c + 1] - from[c] > 1)
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(contact, from[c], from[c + 1], byTime);
      for (int k = from[c]; k < from[c + 1]; k++) {
        long t = times[contact[k]];
        long windowEnd = windowEnd(t);
        byte o;
        if (k + 1 < from[c + 1] && times[contact[k + 1]] <= windowEnd) o = REPEATED;
        else if (windowEnd > asOf) o = NOT_YET;
        else o = RESOLVED;
        out[rows[contact[k]]] = o;
      }
    }
    return out;
  }

  /** The packed time at which the window after a contact at packed time t closes (inclusive). */
  private long windowEnd(long t) {
    java.time.LocalDateTime at = Cells.time(t);
    java.time.LocalDateTime end =
        window.isWorkingDays()
            ? calendar
                .plusWorkingDays(at.toLocalDate(), window.workingDays())
                .atTime(at.toLocalTime())
            : at.plusSeconds(window.seconds());
    return Cells.packed(end);
  }
}
