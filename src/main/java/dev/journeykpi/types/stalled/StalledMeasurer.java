package dev.journeykpi.types.stalled;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.CustomerActivity;
import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.StalledDef;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * {@code stalled}: the re-engagement rate. At the start of the period, a lead is <em>stalled</em>
 * when its last touch before the period is more than {@code idle} days (or working days, counted in
 * (last touch, day before the period]) old and it was not closed (no row matching {@code closed}
 * before the period). Rate = stalled leads touched again in the period ÷ stalled leads.
 */
public final class StalledMeasurer {
  /**
   * A stalled lead: a row of it, its last touch before the period, the idle span then, and whether
   * it was touched in it.
   */
  record Stalled(String lead, int row, LocalDate lastTouch, long idle, boolean touched) {}

  private final StalledDef def;
  private final String time;
  private final BusinessCalendar calendar;
  private final Map<Selection, CustomerActivity> built = new IdentityHashMap<>();
  private Table closedFor;
  private Selection closedRows;

  public StalledMeasurer(StalledDef def, String time, BusinessCalendar calendar) {
    this.def = def;
    this.time = time;
    this.calendar = calendar;
  }

  public Measure measure(Table table, Selection rows, Period p) {
    if (p.grain() == Period.Grain.ALL) return result(p, 0, 0, 0);
    Set<String> closed = new HashSet<>();
    List<Stalled> stalled = stalled(table, rows, p, closed);
    long touched = stalled.stream().filter(Stalled::touched).count();
    return result(p, touched, stalled.size(), closed.size());
  }

  /**
   * The measure of period p from its counts: {@code stalled} leads at its start, {@code touched} of
   * them touched in it, {@code closed} leads closed before it — here and on the SQL engines ({@link
   * StalledSql}) alike. Over all time there is no "before the period": none, noted.
   */
  static Measure result(Period p, long touched, long stalled, long closed) {
    if (p.grain() == Period.Grain.ALL) return Measure.none(0, Note.of(Code.STALLED_NEED_PERIOD));
    Notes note =
        closed == 0
            ? Notes.NONE
            : Notes.of(Note.of(Code.CLOSED_BEFORE_PERIOD, Math.toIntExact(closed)));
    if (stalled == 0)
      return new Measure(null, 0.0, 0.0, 0, Note.of(Code.NO_STALLED_AT_START)).withNote(note);
    return new Measure(
        (double) touched / stalled, (double) touched, (double) stalled, stalled, note);
  }

  /**
   * The leads stalled at the start of the period, in id order of first appearance; {@code closed}
   * gets the closed ones.
   */
  List<Stalled> stalled(Table table, Selection rows, Period p, Set<String> closed) {
    CustomerActivity a =
        built.computeIfAbsent(
            rows, r -> CustomerActivity.of(table, r, def.lead(), time, null, null));
    if (closedFor != table) {
      closedRows =
          def.closed().isEmpty()
              ? new BitmapBackedSelection()
              : FilterCompiler.select(table, def.closed());
      closedFor = table;
    }
    long periodStart = Cells.packed(p.startTime());
    Column<?> who = table.column(def.lead());
    Column<?> when = table.column(time);
    Map<String, Integer> rowOf = new java.util.HashMap<>();
    for (int row : Cells.rows(rows)) {
      if (!Cells.isBlank(who, row)) rowOf.putIfAbsent(Cells.label(who, row), row);
    }
    for (int row : Cells.rows(new BitmapBackedSelection().or(rows).and(closedRows))) {
      long t = Cells.packedTime(when, row);
      if (t != Cells.MISSING_TIME && t < periodStart && !Cells.isBlank(who, row))
        closed.add(Cells.label(who, row));
    }
    int start = (int) p.start().toEpochDay(), last = (int) p.endExclusive().toEpochDay() - 1;
    long limit =
        def.idle().isWorkingDays() ? def.idle().workingDays() : def.idle().seconds() / 86400;
    List<Stalled> out = new ArrayList<>();
    for (int c = 0; c < a.customers; c++) {
      if (closed.contains(a.ids[c])) continue;
      int i = a.lastOnOrBefore(c, start - 1);
      if (i < 0) continue;
      long idle =
          def.idle().isWorkingDays()
              ? calendar.workingDaysBetween(
                  LocalDate.ofEpochDay(a.day[i]), LocalDate.ofEpochDay(start - 1))
              : (start - 1) - a.day[i];
      if (idle <= limit) continue;
      out.add(
          new Stalled(
              a.ids[c],
              rowOf.getOrDefault(a.ids[c], -1),
              LocalDate.ofEpochDay(a.day[i]),
              idle,
              a.activeBetween(c, start, last)));
    }
    return out;
  }
}
