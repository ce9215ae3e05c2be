package dev.journeykpi.engine;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.ConfigException;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.ingest.LoadedSource;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.PeriodChoice;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.types.KpiKind;
import dev.journeykpi.types.KpiKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The façade the CLI talks to: import the sources the KPIs need, run the calculators, return tidy
 * rows.
 */
public final class KpiEngine {
  private KpiEngine() {}

  public static Scorecard run(Definition declared, RunRequest request) {
    List<KpiDef> asked = select(declared, request.kpiIds());
    // A formula is computed from other KPIs' rows: those are measured (from their sources) first.
    List<KpiDef> all = ComputedKpis.withWhatTheyRead(declared, asked);
    List<KpiDef> kpis = all.stream().filter(ComputedKpis::measured).toList();
    checkOverrides(declared, request);
    // A table given a file by --data is read from the file.
    Definition def = TableSources.withFiles(declared, request.dataOverrides());
    Map<String, Set<String>> needed = new LinkedHashMap<>();
    for (KpiDef k : kpis)
      needed.computeIfAbsent(k.source(), id -> new LinkedHashSet<>()).addAll(columnsOf(k));
    SourceGroups.need(kpis, needed);
    TableSources.refuse(def, JoinedSources.read(def, needed).keySet(), "tablesaw");
    // A source without a column mapping is read whole: its columns are only known from the header.
    Map<String, LoadedSource> loaded =
        JoinedSources.load(
            def,
            needed,
            (s, only, prepare) ->
                withRows(load(s, request.dataOverrides().get(s.id()), def.zone(), only, prepare)));
    for (KpiDef k : kpis) checkColumns(k, loaded.get(k.source()));
    Map<String, Notes> absentNotes = new java.util.HashMap<>();
    loaded.replaceAll((id, src) -> warnAbsent(src, kpis, id, absentNotes));
    loaded.replaceAll(
        (id, src) -> date(src, kpis.stream().filter(k -> k.source().equals(id)).toList()));
    List<Period> periods =
        DataEnd.periods(
            request.periods(),
            loaded.values().stream().map(LoadedSource::quality).toList(),
            request.today());
    KpiRunner runner =
        new KpiRunner(new BusinessCalendar(def.calendar()), def.zone(), request.today());
    List<KpiDef> resolved = SourceGroups.resolve(kpis, loaded);
    Map<String, QualityReport> customerless = new java.util.LinkedHashMap<>();
    loaded.forEach((id, src) -> customerless.put(id, src.quality()));
    CustomerlessRows.add(
        resolved,
        customerless,
        (source, column) -> {
          var who = loaded.get(source).table().column(column);
          var text =
              who instanceof tech.tablesaw.api.StringColumn s
                      && s.getDictionary() instanceof dev.journeykpi.model.BlankText b
                  ? b
                  : null; // an imported text column: told by key, no String per row
          long blank = 0;
          for (int row = 0; row < who.size(); row++)
            if (text != null
                ? text.isBlankAt(row)
                : who.isMissing(row) || who.getString(row).isBlank()) blank++;
          return blank;
        });
    customerless.forEach(
        (id, q) -> {
          if (q != loaded.get(id).quality()) loaded.put(id, loaded.get(id).withQuality(q));
        });
    List<java.util.concurrent.Callable<List<ResultRow>>> work = new ArrayList<>();
    for (KpiDef k : resolved) {
      LoadedSource src = loaded.get(k.source());
      tech.tablesaw.api.Table table = src.table();
      work.add(
          () -> {
            try {
              List<ResultRow> current = KpiKinds.run(runner, k, table, periods);
              return request.compare() == RunRequest.Compare.NONE
                  ? current
                  : compare(
                      current,
                      KpiKinds.run(runner, k, table, earlier(periods, request.compare())),
                      periods,
                      request.compare());
            } catch (OutOfMemoryError oom) {
              throw new MemoryExhausted(
                  "computing kpi '" + k.id() + "' over source '" + k.source() + "'", oom);
            }
          });
    }
    List<List<ResultRow>> results = ParallelKpis.runAll(work);
    Map<String, List<ResultRow>> byKpi = new HashMap<>();
    for (int i = 0; i < kpis.size(); i++) {
      List<ResultRow> r = results.get(i);
      Notes absent = absentNotes.get(kpis.get(i).id());
      if (absent != null) r = r.stream().map(x -> x.withNotes(absent)).toList();
      byKpi.put(kpis.get(i).id(), r);
    }
    ComputedKpis.compute(all, byKpi, periods, request.compare() != RunRequest.Compare.NONE);
    List<ResultRow> rows = new ArrayList<>();
    for (KpiDef k : asked) rows.addAll(byKpi.get(k.id()));
    List<QualityReport> quality = loaded.values().stream().map(LoadedSource::quality).toList();
    return new Scorecard(def, periods, rows, quality)
        .withComparisons(
            VariantComparisons.of(
                asked, id -> loaded.get(id).table(), periods, runner, request.confidence()));
  }

  /** Each --data override names a declared source. */
  static void checkOverrides(Definition def, RunRequest request) {
    for (String id : request.dataOverrides().keySet()) {
      if (!def.sources().containsKey(id)) {
        throw new ConfigException(
            "--data "
                + id
                + "=…: no source '"
                + id
                + "'"
                + Suggestions.hint(id, def.sources().keySet())
                + "; sources: "
                + String.join(", ", def.sources().keySet()));
      }
    }
  }

  /**
   * Loads and validates definition files with every registered KPI type; throws ConfigException
   * with every error.
   */
  public static Definition load(List<java.nio.file.Path> paths) {
    return KpiKinds.load(paths);
  }

  /**
   * A definition loader that leaves problems in its diagnostics (kpi validate), with every
   * registered KPI type.
   */
  public static dev.journeykpi.config.DefinitionLoader loader() {
    return KpiKinds.loader();
  }

  /**
   * Starts importing's one slow start-up step (Tablesaw's class-path scan) on another thread, so
   * that a command that will import ({@code kpi report}, {@code kpi leads}) has it done before the
   * first table is needed.
   */
  public static void warmUp() {
    SourceLoader.startTablesawInBackground();
  }

  /**
   * The entries behind a KPI (kpi leads): leads of a funnel stage or a stalled KPI, or customers of
   * a customers KPI.
   */
  public static LeadList leads(
      Definition def,
      String kpiId,
      String stage,
      Period period,
      Map<String, java.nio.file.Path> data) {
    return leads(def, kpiId, stage, PeriodChoice.of(period), data, null);
  }

  /**
   * The entries behind a KPI in a named period or the last complete one ({@code --period last},
   * judged as of {@code today}).
   */
  public static LeadList leads(
      Definition def,
      String kpiId,
      String stage,
      PeriodChoice choice,
      Map<String, java.nio.file.Path> data,
      java.time.LocalDate today) {
    return leads(def, kpiId, stage, null, choice, data, today);
  }

  /**
   * The entries behind a KPI, a score KPI's answers of one {@code status} (an NPS's detractors,
   * passives or promoters; null for the default, its detractors or low answers).
   */
  public static LeadList leads(
      Definition declared,
      String kpiId,
      String stage,
      String status,
      PeriodChoice choice,
      Map<String, java.nio.file.Path> data,
      java.time.LocalDate today) {
    Definition def = TableSources.withFiles(declared, data);
    KpiDef k = def.requireKpi(kpiId);
    KpiKind<?> kind = KpiKinds.of(k);
    LeadList.Kind listed = kind.listingKind();
    if (listed == null) {
      throw new ConfigException(
          "kpi '"
              + kpiId
              + "' is a "
              + k.type()
              + " KPI; kpi leads lists the leads of a"
              + " funnel KPI (at a --stage) or of a stalled KPI, the customers of a customers KPI,"
              + " and the answers of a score KPI (an NPS's detractors or a --status, a CSAT's low"
              + " scores, a CES's hard experiences)");
    }
    if (listed != LeadList.Kind.FUNNEL && stage != null) {
      throw new ConfigException(
          "--stage applies to funnel KPIs; '" + kpiId + "' is a " + k.type() + " KPI");
    }
    if (listed != LeadList.Kind.ANSWERS && status != null) {
      throw new ConfigException(
          "--status applies to score KPIs; '" + kpiId + "' is a " + k.type() + " KPI");
    }
    // The listing's one choice: a funnel's stage, or a score's status (the other is refused above).
    String part = listed == LeadList.Kind.ANSWERS ? status : stage;
    if (!choice.isLast()) kind.checkListingAny(k, part, lastOf(choice.fixed()));
    Map<String, Set<String>> needed = new LinkedHashMap<>();
    needed.put(k.source(), new LinkedHashSet<>(columnsOf(k)));
    TableSources.refuse(def, JoinedSources.read(def, needed).keySet(), "tablesaw");
    LoadedSource loaded =
        JoinedSources.load(
                def,
                needed,
                (s, only, prepare) -> load(s, data.get(s.id()), def.zone(), only, prepare))
            .get(k.source());
    checkColumns(k, loaded);
    LoadedSource src =
        date(warnAbsent(loaded, List.of(k), k.source(), new HashMap<>()), List.of(k));
    Period period = lastOf(DataEnd.periods(choice, List.of(src.quality()), today));
    if (choice.isLast()) kind.checkListingAny(k, part, period);
    var entries =
        kind.listAny(
            k,
            src.table(),
            period,
            part,
            new KpiRunner(new BusinessCalendar(def.calendar()), def.zone()));
    return new LeadList(k, listed, entries, src.quality(), period);
  }

  /**
   * The source with a warning in its quality report for each text its KPIs expect that no row has
   * (a filter's {@code Hoan thanh} where the data says {@code Hoàn thành}), looked up in the table
   * already imported; each affected KPI's note goes into {@code notes}. Only a warning: a value can
   * be legitimately absent from one month's export (no Urgent tickets this month).
   */
  private static LoadedSource warnAbsent(
      LoadedSource src, List<KpiDef> kpis, String sourceId, Map<String, Notes> notes) {
    List<DataValueCheck.Absent> absent = DataValueCheck.absent(kpis, sourceId, src.table());
    if (absent.isEmpty()) return src;
    return src.withQuality(DataValueCheck.warn(src.quality(), absent, notes));
  }

  /**
   * Imports a source; memory running out on any of the import's threads names the source and its
   * file.
   */
  private static LoadedSource load(
      SourceDef s,
      java.nio.file.Path override,
      java.time.ZoneId zone,
      Set<String> only,
      java.util.function.Consumer<tech.tablesaw.api.Table> beforeDistinct) {
    try {
      return SourceLoader.load(s, override, zone, only, beforeDistinct);
    } catch (OutOfMemoryError oom) {
      throw new MemoryExhausted(
          "reading source '" + s.id() + "' (" + (override != null ? override : s.file()) + ")",
          oom);
    }
  }

  private static Period lastOf(List<Period> periods) {
    return periods.get(periods.size() - 1);
  }

  static List<Period> earlier(List<Period> periods, RunRequest.Compare compare) {
    return periods.stream()
        .map(p -> compare == RunRequest.Compare.YEAR ? p.yearBefore() : p.previous())
        .toList();
  }

  /**
   * Each row gets the value of the same KPI and breakdown in its comparison period (none when that
   * had no row).
   */
  static List<ResultRow> compare(
      List<ResultRow> current,
      List<ResultRow> before,
      List<Period> periods,
      RunRequest.Compare compare) {
    Map<String, String> periodBefore = new java.util.HashMap<>();
    List<Period> earlier = earlier(periods, compare);
    for (int i = 0; i < earlier.size(); i++)
      periodBefore.put(periods.get(i).label(), earlier.get(i).label());
    Map<String, Double> values = new java.util.HashMap<>();
    for (ResultRow r : before) values.put(r.period() + "\u0000" + r.dims(), r.value());
    List<ResultRow> out = new ArrayList<>();
    for (ResultRow r : current)
      out.add(r.comparedWith(values.get(periodBefore.get(r.period()) + "\u0000" + r.dims())));
    return out;
  }

  static List<KpiDef> select(Definition def, List<String> ids) {
    if (ids.isEmpty()) return def.kpis();
    List<KpiDef> out = new ArrayList<>();
    for (String id : ids) out.add(def.requireKpi(id));
    return out;
  }

  /** Every column a KPI reads. Only these are parsed: an export's other columns cost nothing. */
  static Set<String> columnsOf(KpiDef k) {
    return k.columnsRead();
  }

  /**
   * The placeholder column of a source whose columns no KPI reads; its name can be no column's
   * name.
   */
  static final String ROWS_ONLY = "\u0000rows";

  /**
   * A source of which no KPI reads a column (a {@code count} of rows, no time, no filter) is
   * imported into a table of no columns, and a table without columns has no rows: a count of 0. It
   * gets one empty column as long as the rows the import kept, so that it has as many rows as the
   * export.
   */
  static LoadedSource withRows(LoadedSource src) {
    tech.tablesaw.api.Table t = src.table();
    if (t.columnCount() > 0 || src.quality().rowsUsed() == 0) return src;
    t.addColumns(
        tech.tablesaw.api.BooleanColumn.create(
            ROWS_ONLY, Math.toIntExact(src.quality().rowsUsed())));
    return src;
  }

  /**
   * The source with how far its dates reach in its quality report, over the columns that place its
   * rows in periods: each KPI type names its own ({@code KpiKind.datedBy}: usually {@code time}, a
   * backlog's start and end, none for turnover).
   */
  private static LoadedSource date(LoadedSource src, List<KpiDef> kpis) {
    Set<String> columns = new java.util.TreeSet<>();
    for (KpiDef k : kpis) columns.addAll(KpiKinds.of(k).datedByAny(k));
    if (columns.isEmpty()) return src;
    dev.journeykpi.calc.DataSpan span = dev.journeykpi.calc.DataSpan.of(src.table(), columns);
    boolean history = kpis.stream().anyMatch(k -> KpiKinds.of(k).judgesWholeHistory());
    if (span == null) return src;
    return src.withQuality(
        src.quality().withDates(String.join(", ", columns), span.first(), span.last(), history));
  }

  /** Sources read without a column mapping are only checked here, against the real headers. */
  private static void checkColumns(KpiDef k, LoadedSource src) {
    Set<String> have = new LinkedHashSet<>(src.table().columnNames());
    Set<String> used = columnsOf(k);
    List<String> missing = used.stream().filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new DataException(
          k.location()
              + ": kpi '"
              + k.id()
              + "' uses column(s) "
              + missing
              + " that source '"
              + k.source()
              + "' does not have"
              + Suggestions.hint(missing.get(0), have)
              + "; columns: "
              + String.join(", ", have));
    }
    // A source read without a column mapping holds text only: a time column of it cannot place rows
    // in periods.
    if (k.time() != null
        && !(src.table().column(k.time()) instanceof tech.tablesaw.api.DateTimeColumn)
        && !(src.table().column(k.time()) instanceof tech.tablesaw.api.DateColumn)) {
      throw new ConfigException(
          k.location()
              + ": kpi '"
              + k.id()
              + "' places rows in periods by '"
              + k.time()
              + "', which source '"
              + k.source()
              + "' reads as "
              + src.table().column(k.time()).type().name().toLowerCase(java.util.Locale.ROOT)
              + ", not as dates: map it under the source's columns: with type: datetime (or date) and its format");
    }
  }
}
