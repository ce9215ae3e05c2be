package dev.journeykpi.calc;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.model.BreakdownLabel;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Runs one KPI over its source table for each period: population filter, period placement by the
 * {@code time:} column, one row per breakdown combination (sorted, Vietnamese-aware), then the
 * total row. A breakdown row is computed from its own rows, and the total from all rows: never an
 * average of averages.
 */
public final class KpiRunner {
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final LabelOrder order;

  private final java.time.LocalDate today;

  /** The rows each KPI's {@code where:} keeps, placed in periods, shared by the run's KPIs. */
  private final Populations populations = new Populations();

  public KpiRunner(BusinessCalendar calendar, ZoneId zone) {
    this(calendar, zone, null);
  }

  /**
   * @param today the run's date, for flagging periods that are not over; null not to check
   */
  public KpiRunner(BusinessCalendar calendar, ZoneId zone, java.time.LocalDate today) {
    this.today = today;
    this.calendar = calendar;
    this.zone = zone;
    // Blank last, then Vietnamese alphabetical order (Đ after D, tones after the bare letter).
    this.order = new LabelOrder();
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  public ZoneId zone() {
    return zone;
  }

  private final SharedBuilds shared = new SharedBuilds();

  /** What this run's KPIs build alike (a funnel's leads, customers' histories), built once. */
  public SharedBuilds shared() {
    return shared;
  }

  /**
   * A KPI over the rows dated in each period (or every row, time: none), by its {@link Measurer}.
   */
  public List<ResultRow> overPeriodRows(
      KpiDef kpi, Table table, List<Period> periods, Measurer measurer) {
    Populations.Population population = populations.of(table, kpi);
    ArrayList<ResultRow> out = new ArrayList<>();
    for (Period p : periods) {
      int[] rows = population.inPeriod(table, kpi.time(), p);
      BreakdownGroups groups = groups(table, kpi, rows);
      out.ensureCapacity(out.size() + groups.size() + 1);
      addPeriodRows(
          out,
          kpi,
          p,
          groups.size(),
          groups::key,
          g -> measurer.measure(table, groups.rows(g)),
          measurer.measure(table, rows),
          population.untimed,
          population.lastDataDay);
    }
    return out;
  }

  /**
   * The same rows as {@link #overPeriodRows} from measures another engine made (an SQL engine
   * measures each period's groups and total in one query): the groups put in display order with the
   * declared ones that have no rows, then the targets, notes and coverage of the Tablesaw path.
   */
  public List<ResultRow> overMeasuredPeriods(
      KpiDef kpi, List<Period> periods, MeasuredPeriods measured) {
    ArrayList<ResultRow> out = new ArrayList<>();
    for (Period p : periods) {
      Map<List<String>, Measure> all = inDisplayOrder(kpi, measured.groups(p), measured.empty());
      List<List<String>> keys = new ArrayList<>(all.keySet());
      List<Measure> measures = new ArrayList<>(all.values());
      addPeriodRows(
          out,
          kpi,
          p,
          keys.size(),
          keys::get,
          measures::get,
          measured.total(p),
          measured.untimed(),
          measured.lastDataDay());
    }
    return out;
  }

  /**
   * Groups another engine measured, in display order, with the declared groups ({@code groups:})
   * that have no rows measured as {@code empty}: as {@link #withDeclared} puts them.
   */
  private Map<List<String>, Measure> inDisplayOrder(
      KpiDef kpi, Map<List<String>, Measure> found, Measure empty) {
    Map<List<String>, Measure> all = new java.util.TreeMap<>(keyOrder(kpi.rollup()));
    all.putAll(found);
    if (!kpi.groups().isEmpty()) {
      // As withDeclared: a declared group the data spells otherwise is the data's group.
      java.util.Set<String> present = new java.util.HashSet<>();
      for (List<String> k : found.keySet()) present.add(declaredKey(k.get(0)));
      for (String g : kpi.groups())
        if (present.add(TextKey.of(g))) all.put(List.of(BreakdownLabel.of(g)), empty);
    }
    return all;
  }

  /**
   * The display order of breakdown keys, column by column, as {@link BreakdownGroups} sorts them;
   * in a roll-up a level's subtotal ({@link ResultRow#TOTAL}) comes before the groups under it, as
   * {@link #groups} places it.
   */
  private Comparator<List<String>> keyOrder(boolean rollup) {
    Comparator<String> each =
        rollup
            ? Comparator.comparing((String s) -> !s.equals(ResultRow.TOTAL)).thenComparing(order)
            : order;
    return (a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = each.compare(a.get(i), b.get(i));
        if (c != 0) return c;
      }
      return 0;
    };
  }

  /** A KPI's measures over the rows dated in each period, made by another engine. */
  public interface MeasuredPeriods {
    /** The breakdown groups that have rows in the period, by their labels. */
    Map<List<String>, Measure> groups(Period p);

    /** The period's total. */
    Measure total(Period p);

    /** The measure of no rows, for a declared group without rows. */
    Measure empty();

    /** The population's rows without a time (in no period). */
    int untimed();

    /** The last day of the KPI's time column over the whole source, or null. */
    java.time.LocalDate lastDataDay();
  }

  /**
   * The rows of each breakdown group among the KPI's rows dated in the period, by the groups'
   * labels in display order (declared groups without rows included, with none): the groups of
   * {@link #overPeriodRows}, for comparing them ({@code compare:}).
   */
  public Map<List<String>, int[]> groupRows(KpiDef kpi, Table table, Period p) {
    int[] rows = populations.of(table, kpi).inPeriod(table, kpi.time(), p);
    return groups(table, kpi, rows).toMap();
  }

  /** One period's rows: each group in display order, then the total, with target and coverage. */
  private void addPeriodRows(
      List<ResultRow> out,
      KpiDef kpi,
      Period p,
      int groupCount,
      java.util.function.IntFunction<List<String>> key,
      java.util.function.IntFunction<Measure> group,
      Measure total,
      int untimed,
      java.time.LocalDate lastDataDay) {
    Note incomplete = kpi.time() == null ? null : PeriodCoverage.incomplete(p, lastDataDay, today);
    int firstOfPeriod = out.size();
    TargetStatus.Applied target = TargetStatus.in(kpi.target(), p);
    for (int g = 0; g < groupCount; g++) {
      out.add(
          row(
              kpi.id(),
              kpi.label(),
              p.label(),
              dims(kpi.by(), key.apply(g)),
              kpi.unit(),
              group.apply(g),
              target));
    }
    if (untimed > 0 && p.grain() != Period.Grain.ALL) {
      total = total.withNote(Note.of(Code.ROWS_WITHOUT_IN_NO_PERIOD, untimed, kpi.time()));
    }
    List<String> all = kpi.by().stream().map(x -> ResultRow.TOTAL).toList();
    out.add(row(kpi.id(), kpi.label(), p.label(), dims(kpi.by(), all), kpi.unit(), total, target));
    if (kpi.time() != null && p.grain() != Period.Grain.ALL) {
      for (int i = firstOfPeriod; i < out.size(); i++)
        out.set(i, out.get(i).withCoverage(incomplete));
    }
  }

  /**
   * Backlog and turnover: every row of the population takes part in every period, judged at the
   * period's edges; the breakdown groups are those of the whole population. A period is flagged
   * incomplete from the latest start or end.
   */
  public List<ResultRow> atPointInTime(
      KpiDef kpi,
      Table table,
      List<Period> periods,
      PointInTimeMeasurer measurer,
      String start,
      String end) {
    Selection population = FilterCompiler.select(table, kpi.where());
    long latest = Elapsed.latest(table.column(start), table.column(end));
    java.time.LocalDate lastDataDay =
        latest == Cells.MISSING_TIME ? null : Cells.time(latest).toLocalDate();
    Map<List<String>, Selection> groups =
        selections(groups(table, kpi, Cells.rows(population)).toMap());
    List<ResultRow> out = new ArrayList<>();
    for (Period p : periods) {
      Map<List<String>, Measure> measured = new LinkedHashMap<>();
      groups.forEach((key, rows) -> measured.put(key, measurer.measure(table, rows, p)));
      addEdgeRows(out, kpi, p, measured, measurer.measure(table, population, p), lastDataDay);
    }
    return out;
  }

  /**
   * The same rows as {@link #atPointInTime} from measures another engine made (an SQL engine counts
   * each period's groups and total in one query): the groups in display order with the declared
   * ones that have no rows, then the targets and coverage of the Tablesaw path; a roll-up's
   * subtotals (the levels below set to {@link ResultRow#TOTAL}) among the groups, each before the
   * groups under it.
   */
  public List<ResultRow> atMeasuredEdges(KpiDef kpi, List<Period> periods, MeasuredEdges measured) {
    List<ResultRow> out = new ArrayList<>();
    for (Period p : periods) {
      addEdgeRows(
          out,
          kpi,
          p,
          inDisplayOrder(kpi, measured.groups(p), measured.empty(p)),
          measured.total(p),
          measured.lastDataDay());
    }
    return out;
  }

  /** A KPI's measures at the edges of each period over its whole population, by another engine. */
  public interface MeasuredEdges {
    /** Every breakdown group of the population (whatever the period), by its labels. */
    Map<List<String>, Measure> groups(Period p);

    /** The period's total. */
    Measure total(Period p);

    /** The measure of no rows in the period, for a declared group without rows. */
    Measure empty(Period p);

    /** The day of the latest start or end over the whole source, or null. */
    java.time.LocalDate lastDataDay();
  }

  /**
   * One period's rows of a point-in-time KPI: each group, then the total, with target, coverage.
   */
  private void addEdgeRows(
      List<ResultRow> out,
      KpiDef kpi,
      Period p,
      Map<List<String>, Measure> groups,
      Measure total,
      java.time.LocalDate lastDataDay) {
    List<String> all = kpi.by().stream().map(x -> ResultRow.TOTAL).toList();
    TargetStatus.Applied target = TargetStatus.in(kpi.target(), p);
    Note incomplete =
        p.grain() == Period.Grain.ALL ? null : PeriodCoverage.incomplete(p, lastDataDay, today);
    groups.forEach(
        (key, m) ->
            out.add(
                row(kpi.id(), kpi.label(), p.label(), dims(kpi.by(), key), kpi.unit(), m, target)
                    .withCoverage(incomplete)));
    out.add(
        row(kpi.id(), kpi.label(), p.label(), dims(kpi.by(), all), kpi.unit(), total, target)
            .withCoverage(incomplete));
  }

  /**
   * The breakdown groups; for a roll-up also every upper level (department, then department + team,
   * …), the levels below it set to {@link ResultRow#TOTAL}, each computed from its own rows and
   * placed before the groups under it.
   */
  private BreakdownGroups groups(Table table, KpiDef kpi, int[] rows) {
    if (!kpi.groups().isEmpty()) return withDeclared(table, kpi, rows);
    if (!kpi.rollup()) return BreakdownGroups.of(table, kpi.by(), rows, order);
    Map<List<String>, int[]> out = new java.util.TreeMap<>(keyOrder(true));
    for (int depth = 1; depth <= kpi.by().size(); depth++) {
      int pad = kpi.by().size() - depth;
      BreakdownGroups.of(table, kpi.by().subList(0, depth), rows, order)
          .toMap()
          .forEach(
              (key, sel) -> {
                List<String> full = new ArrayList<>(key);
                for (int i = 0; i < pad; i++) full.add(ResultRow.TOTAL);
                out.put(full, sel);
              });
    }
    return BreakdownGroups.inOrder(out, kpi.by().size());
  }

  /**
   * The groups of the one breakdown column with the declared values ({@code groups:}) that no row
   * has added without rows, all in the usual display order: a declared value is a row of the output
   * whether or not the data has it, and the values found in the data stay too.
   */
  private BreakdownGroups withDeclared(Table table, KpiDef kpi, int[] rows) {
    Map<List<String>, int[]> found = BreakdownGroups.of(table, kpi.by(), rows, order).toMap();
    Map<List<String>, int[]> all =
        new java.util.TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0), order));
    all.putAll(found);
    // Compared as filters compare texts (trimmed, NFC, without case): a declared 'Email' is the
    // data's 'email' group, shown as the data spells it, not a second row of 0.
    java.util.Set<String> present = new java.util.HashSet<>();
    for (List<String> k : found.keySet()) present.add(declaredKey(k.get(0)));
    for (String g : kpi.groups()) {
      if (present.add(TextKey.of(g))) all.put(List.of(BreakdownLabel.of(g)), new int[0]);
    }
    return BreakdownGroups.inOrder(all, 1);
  }

  /**
   * The text a group's label is compared with a declared group ({@code groups:}) by: the data's
   * value ({@link BreakdownLabel#shown}), so that a declared {@code (total)} is the data's {@code
   * (total)} group, never the total; a declared value's own label is {@link BreakdownLabel#of}.
   */
  private static String declaredKey(String label) {
    return TextKey.of(BreakdownLabel.shown(label));
  }

  /** Groups as Tablesaw selections, in the same order, for the measurers that take selections. */
  private static Map<List<String>, Selection> selections(Map<List<String>, int[]> groups) {
    Map<List<String>, Selection> out = new java.util.LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, new BitmapBackedSelection(v)));
    return out;
  }

  /**
   * A measure over a group's whole history for a period, giving one or more rows (extra dimension
   * values).
   */
  public interface HistoryMeasurer {
    List<HistoryRow> measure(Table table, Selection rows, Period p);
  }

  /**
   * A KPI over its population's whole history (customers, funnels, stalled leads): every row of the
   * population takes part (a customer's history decides whether it is active, new, dormant; a
   * lead's whether it went on), one row per breakdown group and extra dimension (lifecycle state;
   * cohort and age; funnel stage). A row is flagged incomplete by the period its value rests on (a
   * cohort's age, not the report's period).
   */
  public List<ResultRow> wholeHistory(
      KpiDef kpi,
      Table table,
      List<Period> periods,
      List<String> extraDims,
      HistoryMeasurer measurer) {
    Selection population = FilterCompiler.select(table, kpi.where());
    java.time.LocalDate lastDataDay =
        kpi.time() == null ? null : Populations.lastDay(table.column(kpi.time()));
    Map<List<String>, Selection> groups =
        selections(groups(table, kpi, Cells.rows(population)).toMap());
    groups.put(kpi.by().stream().map(x -> ResultRow.TOTAL).toList(), population);
    List<List<String>> keys = new ArrayList<>(groups.keySet());
    List<Selection> rows = new ArrayList<>(groups.values());
    return overWholeHistory(
        kpi,
        periods,
        extraDims,
        keys,
        lastDataDay,
        (g, p) -> measurer.measure(table, rows.get(g), p));
  }

  /**
   * The rows of {@link #wholeHistory} from the parts another engine measured (an SQL engine counts
   * every group's customers in one query): per period, each group in the given order (the total
   * last), its parts with targets and coverage as on the Tablesaw path.
   *
   * @param groups the breakdown groups' labels in display order, the total last ({@link
   *     #groupsInDisplayOrder})
   * @param parts group g's rows in period p, by g's index in {@code groups}
   */
  public List<ResultRow> overWholeHistory(
      KpiDef kpi,
      List<Period> periods,
      List<String> extraDims,
      List<List<String>> groups,
      java.time.LocalDate lastDataDay,
      java.util.function.BiFunction<Integer, Period, List<HistoryRow>> parts) {
    List<String> names = new ArrayList<>(kpi.by());
    names.addAll(extraDims);
    List<ResultRow> out = new ArrayList<>();
    for (Period p : periods) {
      TargetStatus.Applied target = TargetStatus.in(kpi.target(), p);
      for (int g = 0; g < groups.size(); g++) {
        for (HistoryRow part : parts.apply(g, p)) {
          List<String> values = new ArrayList<>(groups.get(g));
          values.addAll(part.dims());
          // A part without the extra dimensions (a "needs a period" row) stands for all of them.
          while (values.size() < names.size()) values.add(ResultRow.TOTAL);
          Note incomplete =
              p.grain() == Period.Grain.ALL
                  ? null
                  : PeriodCoverage.incomplete(part.at(), lastDataDay, today);
          // Targets belong to the KPI's headline: a funnel's stage rows (counts, times) are not
          // judged against them.
          boolean headline =
              part.unit() == null || part.dims().stream().allMatch(ResultRow.TOTAL::equals);
          out.add(
              row(
                      kpi.id(),
                      kpi.label(),
                      p.label(),
                      dims(names, values),
                      part.unit() == null ? kpi.unit() : part.unit(),
                      part.measure(),
                      headline ? target : null)
                  .withCoverage(incomplete));
        }
      }
    }
    return out;
  }

  /**
   * The groups of one breakdown column (none: only the total) as {@link #wholeHistory} lists them,
   * for another engine that found their labels: the labels ({@link ResultRow#BLANK} for blanks) in
   * display order with the declared groups no row has, then the total.
   */
  public List<List<String>> groupsInDisplayOrder(KpiDef kpi, java.util.Collection<String> labels) {
    if (kpi.rollup() || kpi.by().size() > 1)
      throw new IllegalArgumentException("one breakdown column at most, without roll-up");
    List<List<String>> out = new ArrayList<>();
    if (!kpi.by().isEmpty()) {
      java.util.TreeSet<String> all = new java.util.TreeSet<>(order);
      all.addAll(labels);
      // As withDeclared: a declared group the data spells otherwise is the data's group.
      java.util.Set<String> present = new java.util.HashSet<>();
      for (String l : labels) present.add(declaredKey(l));
      for (String g : kpi.groups()) if (present.add(TextKey.of(g))) all.add(BreakdownLabel.of(g));
      for (String l : all) out.add(List.of(l));
    }
    out.add(kpi.by().stream().map(x -> ResultRow.TOTAL).toList());
    return out;
  }

  /**
   * The groups of any breakdown as {@link #wholeHistory} lists them, for another engine that found
   * them: the keys (labels, {@link ResultRow#BLANK} for blanks, a roll-up's subtotals with {@link
   * ResultRow#TOTAL} for the levels below) in display order, each subtotal before the groups under
   * it, with the declared groups no row has, then the total.
   */
  public List<List<String>> keysInDisplayOrder(
      KpiDef kpi, java.util.Collection<List<String>> keys) {
    List<String> total = kpi.by().stream().map(x -> ResultRow.TOTAL).toList();
    java.util.TreeSet<List<String>> all = new java.util.TreeSet<>(keyOrder(kpi.rollup()));
    for (List<String> k : keys) if (!k.equals(total)) all.add(k);
    if (!kpi.groups().isEmpty()) {
      // As withDeclared: a declared group the data spells otherwise is the data's group.
      java.util.Set<String> present = new java.util.HashSet<>();
      for (List<String> k : all) present.add(declaredKey(k.get(0)));
      for (String g : kpi.groups())
        if (present.add(TextKey.of(g))) all.add(List.of(BreakdownLabel.of(g)));
    }
    List<List<String>> out = new ArrayList<>(all);
    out.add(total);
    return out;
  }

  /** Seconds per display unit for durations; 1 for anything else. */
  public static double unitSeconds(String unit) {
    return switch (unit) {
      case "minutes" -> 60;
      case "hours" -> 3600;
      case "days" -> 86400;
      default -> 1;
    };
  }

  /**
   * One measured result as a row, with its target and status. Here rather than on {@link ResultRow}
   * (where it was) because it reads calc's {@link Measure} and {@link TargetStatus}, and the model
   * depends on no stage.
   */
  private static ResultRow row(
      String kpi,
      String label,
      String period,
      Map<String, String> dims,
      String unit,
      Measure m,
      TargetStatus.Applied target) {
    return new ResultRow(
        kpi,
        label,
        period,
        dims,
        m.value(),
        unit,
        m.numerator(),
        m.denominator(),
        m.n(),
        target == null ? null : target.target(),
        target == null ? null : target.of(m.value()),
        null,
        null,
        null,
        null,
        m.note());
  }

  private static Map<String, String> dims(List<String> by, List<String> values) {
    if (by.size() == 1)
      return Map.of(by.get(0), values.get(0)); // kept as is by ResultRow: one map per row, not two
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < by.size(); i++) m.put(by.get(i), values.get(i));
    return m;
  }
}
