package dev.journeykpi.engine;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.sql.CombinedSources;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialects;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.OwnQuerySql;
import dev.journeykpi.sql.ParquetRelation;
import dev.journeykpi.sql.PeriodRowsQuery;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.SourceGroupsQuery;
import dev.journeykpi.sql.SourceReach;
import dev.journeykpi.sql.SourceRelations;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
import dev.journeykpi.sql.SqlSource;
import dev.journeykpi.sql.SqlTemplate;
import dev.journeykpi.sql.TableRelation;
import dev.journeykpi.types.KpiKinds;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kpi report --engine duckdb}: the same scorecard as {@link KpiEngine}, measured by DuckDB
 * in process. Every KPI is compiled first; a KPI whose type, filter or source is not compiled for
 * SQL yet refuses the run before any file is read, every reason at once, never a quiet fall back to
 * the default engine. The sources are then typed in SQL ({@link SourceRelations}), each KPI is one
 * query ({@link PeriodRowsQuery}), and the rows are built by the default engine's code.
 *
 * <p>DuckDB's classes (and its native library) are loaded only here, through JDBC, so that the
 * default engine starts as fast as it did without them.
 */
public final class SqlKpiEngine {
  private SqlKpiEngine() {}

  public static Dialect dialect(String name) {
    return Dialects.named(name);
  }

  /** A KPI compiled: its source and its query. */
  record Compiled(KpiDef kpi, SourceDef source, KpiQuery query) {}

  /**
   * Every selected KPI compiled for the dialect, or a usage error listing every KPI that cannot be
   * yet, with each reason.
   */
  static List<Compiled> compile(Definition def, List<KpiDef> kpis, Dialect d) {
    Map<String, String> refusals = new LinkedHashMap<>();
    List<Compiled> out = compile(def, kpis, d, refusals);
    if (!refusals.isEmpty()) {
      List<String> refused = new ArrayList<>();
      refusals.forEach((id, why) -> refused.add("kpi '" + id + "' " + why));
      throw new UsageException(
          d.name()
              + " cannot run "
              + refused.size()
              + (refused.size() == 1 ? " KPI" : " KPIs")
              + " yet (docs/engines.md); run them with --engine tablesaw (the default), or choose"
              + " others with --kpi:\n  "
              + String.join("\n  ", refused));
    }
    return out;
  }

  /**
   * Why each KPI the dialect cannot run yet is refused, by KPI id, in the definition's order:
   * "(type T): reason; reason". Empty when every KPI compiles.
   */
  public static Map<String, String> refusals(Definition def, List<KpiDef> kpis, String dialect) {
    Dialect d = dialect(dialect);
    Map<String, String> refused = new LinkedHashMap<>();
    compile(def, kpis.stream().filter(ComputedKpis::measured).toList(), d, refused);
    Map<String, String> out = new LinkedHashMap<>();
    for (KpiDef k : kpis) {
      if (ComputedKpis.measured(k)) {
        if (refused.containsKey(k.id())) out.put(k.id(), refused.get(k.id()));
        continue;
      }
      // A formula runs wherever the KPIs it reads run: it is computed from their rows.
      Map<String, String> operands = new LinkedHashMap<>();
      compile(def, measuredBehind(def, List.of(k)), d, operands);
      if (!operands.isEmpty())
        out.put(
            k.id(),
            "(type "
                + k.type()
                + "): reads KPIs this engine cannot run yet: "
                + String.join(", ", operands.keySet()));
    }
    return out;
  }

  /** The KPIs measured from sources that the given ones need, formulas' operands included. */
  private static List<KpiDef> measuredBehind(Definition def, List<KpiDef> kpis) {
    return ComputedKpis.withWhatTheyRead(def, kpis).stream()
        .filter(ComputedKpis::measured)
        .toList();
  }

  private static List<Compiled> compile(
      Definition def, List<KpiDef> kpis, Dialect d, Map<String, String> refused) {
    SourceRelations relations = new SourceRelations(d);
    BusinessCalendar calendar = new BusinessCalendar(def.calendar());
    List<Compiled> out = new ArrayList<>();
    for (KpiDef k : kpis) {
      List<String> why = new ArrayList<>();
      SourceDef s = def.sources().get(k.source());
      CombinedSources combined = combined(def, d, relations, List.of(k));
      why.addAll(sourceRefusals(def, combined, relations));
      String rows = combined.rows(s);
      SqlTemplate t = KpiKinds.of(k).sqlAny(k);
      KpiQuery q = null;
      if (t instanceof SqlTemplate.NotYet n) {
        why.add(n.why());
      } else if (why.isEmpty()) {
        try {
          if (t instanceof PeriodRowsSql p) {
            q = new PeriodRowsQuery(d, k, s, p, rows, calendar);
          } else {
            q =
                ((OwnQuerySql) t)
                    .compile(
                        new SqlSource(
                            d, k, s, rows, new SqlColumns(d, s, calendar), calendar, def.zone()));
          }
        } catch (SqlRefused e) {
          why.add(e.getMessage());
        }
      }
      if (!why.isEmpty()) {
        refused.put(k.id(), "(type " + k.type() + "): " + String.join("; ", why));
      } else {
        out.add(new Compiled(k, s, q));
      }
    }
    return out;
  }

  /**
   * The sources the KPIs read, combined as the default engine combines them: the same sources and
   * columns as it imports ({@link JoinedSources#read}).
   */
  private static CombinedSources combined(
      Definition def, Dialect d, SourceRelations relations, List<KpiDef> kpis) {
    Map<String, Set<String>> needed = new LinkedHashMap<>();
    for (KpiDef k : kpis)
      needed.computeIfAbsent(k.source(), x -> new LinkedHashSet<>()).addAll(k.columnsRead());
    // groups: { source, column }: that source is read too, as the default engine imports it.
    SourceGroups.need(kpis, needed);
    return new CombinedSources(d, def, relations, JoinedSources.read(def, needed));
  }

  /** What of the sources a KPI reads (its own, and those it joins) SQL engines cannot read yet. */
  private static List<String> sourceRefusals(
      Definition def, CombinedSources combined, SourceRelations relations) {
    List<String> why = new ArrayList<>();
    for (SourceDef s : combined.sources()) {
      String src = "source '" + s.id() + "'";
      if (s.columns().isEmpty()) why.add(src + " has no column mapping (columns:)");
      boolean parquet = ParquetLayout.isParquet(s);
      if (s.isTable()) {
        // A table's typed columns need no format; one held as text is checked once the table's
        // types are known (TableLayout). What kpi's importer computes for a file is not computed
        // for a table yet.
        for (String r : combined.read(s)) {
          ColumnDef c = s.columns().get(r);
          if (c == null || !c.isLookup() || c.isDerived() || c.isJoined()) continue;
          // A map from a text column of the table is computed in SQL (TableRelation); a product,
          // or a lookup from another computed column, only by the importer of files yet.
          ColumnDef from = TableRelation.looksUp(c) ? s.columns().get(c.lookup().from()) : null;
          if (from == null
              || from.isLookup()
              || from.type() != dev.journeykpi.config.ValueType.STRING)
            why.add(
                src
                    + " is a table: column '"
                    + c.name()
                    + "' is "
                    + (TableRelation.looksUp(c)
                        ? "looked up from a column that is not text read from the table"
                        : "multiplied (multiply:)")
                    + ", computed for files only yet; write it as derive: or as a column of the"
                    + " table");
        }
        if (!s.zone().equals(def.zone()))
          why.add(src + " writes times in " + s.zone() + ", not the definition's " + def.zone());
        for (ColumnDef c : combined.typedColumns(s)) {
          if (c.type().isTemporal() && !c.isLookup()) continue;
          String r = relations.refusal(c);
          if (r != null) why.add(r);
        }
        continue;
      }
      if (ImportedSources.imported(s)) {
        // Read by kpi's importer: its formats, encodings, zones and lookups are the importer's.
        for (ColumnDef c : ImportedSources.columns(s, combined.typedColumns(s), combined.read(s))) {
          String r = ImportedSources.refusal(c);
          if (r != null) why.add(r);
        }
        continue;
      }
      if (!s.zone().equals(def.zone()))
        why.add(src + " writes times in " + s.zone() + ", not the definition's " + def.zone());
      for (ColumnDef c : combined.typedColumns(s)) {
        // A Parquet file's date-times are usually typed, and need no format: one stored as text is
        // checked once the file's types are known (ParquetLayout).
        if (parquet && c.type().isTemporal() && !c.isLookup()) continue;
        String r = relations.refusal(c);
        if (r != null) why.add(r);
      }
    }
    why.addAll(combined.refusals(combined.sources().get(0)));
    return why;
  }

  /** The scorecard measured by DuckDB in process ({@code --engine duckdb}). */
  public static Scorecard run(Definition def, RunRequest request) {
    return run(def, request, Engine.DUCKDB, SqlTarget.NONE);
  }

  /**
   * The scorecard measured by an SQL engine: DuckDB in process, a database over JDBC, or Spark.
   * Every KPI is compiled for the engine's dialect before it is connected to.
   */
  public static Scorecard run(
      Definition declared, RunRequest request, Engine engine, SqlTarget target) {
    if (engine == Engine.TABLESAW) return KpiEngine.run(declared, request);
    KpiEngine.checkOverrides(declared, request);
    // A table given a file by --data is read from the file.
    Definition def = TableSources.withFiles(declared, request.dataOverrides());
    String name = engine == Engine.JDBC ? JdbcBackend.dialectName(target) : engine.name();
    Dialect d = dialect(name.toLowerCase(java.util.Locale.ROOT));
    List<KpiDef> asked = KpiEngine.select(def, request.kpiIds());
    // Formulas are computed from the other KPIs' rows, as on the default engine.
    List<KpiDef> all = ComputedKpis.withWhatTheyRead(def, asked);
    List<KpiDef> kpis = all.stream().filter(ComputedKpis::measured).toList();
    // DuckDB in memory has no tables of the user's: only files.
    if (engine == Engine.DUCKDB)
      TableSources.refuse(
          def,
          combined(def, d, new SourceRelations(d), kpis).sources().stream()
              .map(SourceDef::id)
              .toList(),
          "duckdb");
    List<Compiled> compiled = compile(def, kpis, d);
    SourceRelations relations = new SourceRelations(d);
    KpiRunner runner =
        new KpiRunner(new BusinessCalendar(def.calendar()), def.zone(), request.today());
    CombinedSources combined = combined(def, d, relations, kpis);
    String engineName = d.name();
    try (SqlBackend backend = SqlBackends.open(engine, target)) {
      engineName = backend.name();
      Connection conn = backend.connection();
      backend.execute(d.preamble());
      Map<String, QualityReport> quality = new LinkedHashMap<>();
      for (SourceDef s : combined.sources()) {
        List<ColumnDef> columns = combined.typedColumns(s);
        if (s.isTable()) {
          TableRelation table = new TableRelation(d);
          List<ColumnDef> held = TableRelation.columns(s, columns, combined.read(s));
          TableRelation.Layout layout = TableLayout.of(conn, s, held, relations, engineName);
          backend.execute(table.create(s, layout, held));
          quality.put(s.id(), table.quality(conn, s, layout, held));
          continue;
        }
        java.nio.file.Path override = request.dataOverrides().get(s.id());
        if (ImportedSources.imported(s)) {
          if (override == null && SourceFileLayout.hasScheme(s.file()))
            throw new UsageException(
                "source '"
                    + s.id()
                    + "': "
                    + s.file()
                    + " would be read by kpi's importer (a pattern of CSV files, a workbook,"
                    + " looked-up columns), which reads this machine's files only; a path with a"
                    + " scheme is read by --engine spark for one CSV file or Parquet files"
                    + " (docs/engines.md)");
          quality.put(
              s.id(),
              ImportedSources.load(
                  backend,
                  relations,
                  s,
                  request.dataOverrides().get(s.id()),
                  def.zone(),
                  ImportedSources.columns(s, columns, combined.read(s))));
          continue;
        }
        if (ParquetLayout.isParquet(s)) {
          ParquetRelation parquet = new ParquetRelation(d);
          ParquetRelation.Layout layout =
              override == null ? backend.parquetLayout(s, columns, relations) : null;
          if (layout == null) layout = parquetLayout(backend, s, override, columns, relations);
          try {
            backend.execute(parquet.create(s, layout, columns));
          } catch (SqlRefused e) {
            // A dialect whose engine reads no Parquet (Dialect.readParquet): refused by name.
            throw new UsageException(
                e.getMessage() + ": run it with --engine duckdb or tablesaw (docs/engines.md)");
          }
          quality.put(s.id(), parquet.quality(conn, s, layout, columns));
          continue;
        }
        SourceRelations.Layout layout = override == null ? backend.csvLayout(s, columns) : null;
        // A file that is not UTF-8 (UTF-16, by its byte-order mark) is decoded by the importer.
        boolean utf8 = layout != null || SourceFileLayout.utf8(s, override);
        if (layout == null && utf8) layout = SourceFileLayout.of(s, override, columns);
        if (utf8) backend.checkCsv(layout);
        if (!utf8 || !backend.readsCsv(layout)) {
          // Bytes the engine's own reader refuses or reads otherwise: read by kpi's importer.
          quality.put(
              s.id(),
              ImportedSources.load(
                  backend,
                  relations,
                  s,
                  override,
                  def.zone(),
                  ImportedSources.columns(s, columns, combined.read(s))));
          continue;
        }
        backend.execute(relations.create(s, layout, columns));
        quality.put(s.id(), relations.quality(conn, s, layout, columns));
      }
      // Combined once every source is typed, each after the sources it joins.
      for (SourceDef s : combined.inJoinOrder()) {
        backend.execute(combined.create(s));
        quality.put(s.id(), combined.quality(conn, s, quality.get(s.id())));
      }
      // As the default engine: a text a KPI expects that no row has is a warning and a note.
      Map<String, Notes> absentNotes = new java.util.HashMap<>();
      for (SourceDef s : sourcesRead(compiled).keySet())
        quality.put(
            s.id(),
            DataValueCheck.warn(
                quality.get(s.id()),
                DataValueCheck.absent(
                    kpis, s.id(), column -> textValues(conn, d, combined.rows(s), s, column)),
                absentNotes));
      // How far each source's dates reach, one scan for the report's date range and every KPI's
      // rows without a time (SourceReach).
      Map<SourceDef, SourceReach> reaches = new java.util.HashMap<>();
      for (SourceDef s : sourcesRead(compiled).keySet()) {
        SourceReach reach =
            SourceReach.measure(conn, d, combined.rows(s), reachedColumns(s, compiled));
        reaches.put(s, reach);
        quality.put(s.id(), dated(s, compiled, reach, quality.get(s.id())));
      }
      compiled = knowing(compiled, reaches);
      CustomerlessRows.add(
          kpis,
          quality,
          (source, column) ->
              count(
                  conn,
                  "SELECT count(*) FROM "
                      + combined.rows(def.sources().get(source))
                      + " AS kpi_rows WHERE "
                      + d.isBlank(d.cast(d.quoteIdent(column), Dialect.SqlType.TEXT))));
      List<Period> periods =
          DataEnd.periods(request.periods(), List.copyOf(quality.values()), request.today());
      Map<String, List<ResultRow>> byKpi = new java.util.HashMap<>();
      for (Compiled c : withSourceGroups(def, d, conn, combined, compiled)) {
        List<ResultRow> current = c.query().run(conn, periods, runner);
        List<ResultRow> r =
            request.compare() == RunRequest.Compare.NONE
                ? current
                : KpiEngine.compare(
                    current,
                    c.query().run(conn, KpiEngine.earlier(periods, request.compare()), runner),
                    periods,
                    request.compare());
        Notes absent = absentNotes.get(c.kpi().id());
        if (absent != null) r = r.stream().map(x -> x.withNotes(absent)).toList();
        byKpi.put(c.kpi().id(), r);
      }
      ComputedKpis.compute(all, byKpi, periods, request.compare() != RunRequest.Compare.NONE);
      List<ResultRow> rows = new ArrayList<>();
      for (KpiDef k : asked) rows.addAll(byKpi.get(k.id()));
      // compare: measured and tested by the default engine's code, on the rows read back.
      return new Scorecard(def, periods, rows, List.copyOf(quality.values()))
          .withComparisons(
              ComparedRows.of(
                  conn, d, def, combined, asked, periods, runner, request.confidence()));
    } catch (SQLException e) {
      throw new DataException(engineName + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * The KPIs with groups from another source ({@code groups: { source: teams, column: team }})
   * compiled again with that source's values as their declared groups, read now that the source is
   * typed, as the default engine reads them from its imported table ({@link SourceGroups}); the
   * groups without rows are then added by the default engine's code, as for a {@code groups:} list.
   */
  private static List<Compiled> withSourceGroups(
      Definition def,
      Dialect d,
      Connection conn,
      CombinedSources combined,
      List<Compiled> compiled) {
    List<KpiDef> resolved =
        SourceGroups.resolve(
            compiled.stream().map(Compiled::kpi).toList(),
            g -> groupTexts(conn, d, g, combined.rows(def.sources().get(g.source()))));
    List<Compiled> out = new ArrayList<>(compiled.size());
    for (int i = 0; i < compiled.size(); i++) {
      KpiDef k = resolved.get(i);
      out.add(k.groupsFrom() == null ? compiled.get(i) : compile(def, List.of(k), d).get(0));
    }
    return out;
  }

  /** The texts of the groups' column, each once, in order of first appearance. */
  private static List<String> groupTexts(
      Connection conn, Dialect d, KpiDef.GroupsFrom g, String rows) {
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        var r = st.executeQuery(SourceGroupsQuery.sql(d, g, rows))) {
      while (r.next()) out.add(r.getString(1));
    } catch (SQLException e) {
      throw new DataException(d.name() + ": " + firstLine(e.getMessage()), e);
    }
    return SourceGroups.values(out);
  }

  /**
   * A Parquet source's files and their stored types, read through DuckDB in process whatever the
   * engine (its driver is in kpi's jar), so that every engine types the columns alike.
   */
  private static ParquetRelation.Layout parquetLayout(
      SqlBackend backend,
      SourceDef s,
      java.nio.file.Path override,
      List<ColumnDef> columns,
      SourceRelations relations)
      throws SQLException {
    // On DuckDB itself, its own connection: no second database opened per Parquet source.
    if (backend instanceof DuckDbBackend)
      return ParquetLayout.of(backend.connection(), s, override, columns, relations);
    try (Connection duck = connect()) {
      return ParquetLayout.of(duck, s, override, columns, relations);
    }
  }

  /** The SQL of the selected KPIs as {@code kpi sql} prints it: the preamble, sources, queries. */
  public static String sql(
      Definition def, List<String> kpiIds, List<Period> periods, String dialect) {
    Dialect d = dialect(dialect);
    List<KpiDef> asked = KpiEngine.select(def, kpiIds);
    List<Compiled> compiled = compile(def, measuredBehind(def, asked), d);
    SourceRelations relations = new SourceRelations(d);
    StringBuilder out = new StringBuilder();
    out.append("-- kpi sql --dialect ").append(d.name()).append('\n');
    for (String p : d.preamble()) out.append(p).append(";\n");
    CombinedSources combined =
        combined(def, d, relations, compiled.stream().map(Compiled::kpi).toList());
    for (SourceDef s : combined.sources()) {
      List<ColumnDef> columns = combined.typedColumns(s);
      out.append("\n-- source ").append(s.id()).append('\n');
      if (s.isTable()) {
        out.append(
            "-- table "
                + s.table()
                + ": each column as if the table held it as text (a staging table); a column the"
                + " table types (timestamp, numeric, boolean) is taken as it is instead\n");
        List<ColumnDef> held = TableRelation.columns(s, columns, combined.read(s));
        for (String st :
            new TableRelation(d).create(s, TableLayout.asText(s, held, relations), held))
          out.append(st).append(";\n");
        continue;
      }
      if (ParquetLayout.isParquet(s)) {
        for (String st : parquetSql(s, columns, d, relations)) out.append(st).append(";\n");
        continue;
      }
      if (ImportedSources.imported(s)) {
        out.append("-- read by kpi's importer from ")
            .append(s.file())
            .append(" and appended to this table, its rows typed:\n")
            .append(
                ImportedSources.create(
                    d, relations, s, ImportedSources.columns(s, columns, combined.read(s))))
            .append(";\n")
            .append(ImportedSources.view(d, relations, s))
            .append(";\n");
        continue;
      }
      SourceRelations.Layout l = SourceFileLayout.of(s, null, columns);
      // The file as the user names it (relative to the working directory), not this machine's path.
      SourceRelations.Layout shown =
          new SourceRelations.Layout(
              l.shown(), l.shown(), l.delimiter(), l.skip(), l.width(), l.fieldOf());
      for (String st : relations.create(s, shown, columns)) out.append(st).append(";\n");
    }
    for (SourceDef s : combined.inJoinOrder()) {
      List<String> made = combined.create(s);
      if (made.isEmpty()) continue;
      out.append("\n-- source ").append(s.id()).append(" combined\n");
      for (String st : made) out.append(st).append(";\n");
    }
    for (Compiled c : compiled) {
      out.append("\n-- kpi ")
          .append(c.kpi().id())
          .append(" (")
          .append(c.kpi().type())
          .append(")\n")
          .append(c.query().sql(periods))
          .append(";\n");
      // The groups from another source are read by kpi, which adds the rows of those without rows.
      KpiDef.GroupsFrom g = c.kpi().groupsFrom();
      if (g != null)
        out.append("-- groups: every value of source ")
            .append(g.source())
            .append("'s column ")
            .append(g.column())
            .append(
                ", trimmed, blanks left out, each listed even without rows; read by kpi with:\n")
            .append(SourceGroupsQuery.sql(d, g, combined.rows(def.sources().get(g.source()))))
            .append(";\n");
      // The comparisons are no query: kpi reads the KPI's rows back and tests them (ComparedRows).
      if (c.kpi().compare() != null)
        out.append("-- compare: by ")
            .append(c.kpi().compare().by())
            .append(
                ": computed by kpi from the source's rows, not by a query (docs/ab-tests.md)\n");
    }
    // Formulas are no query: kpi computes them from the rows of the KPIs above.
    for (KpiDef k : ComputedKpis.withWhatTheyRead(def, asked)) {
      if (!ComputedKpis.measured(k))
        out.append("\n-- kpi ")
            .append(k.id())
            .append(" (")
            .append(k.type())
            .append("): computed from the rows of the KPIs it reads, not by a query\n");
    }
    return out.toString();
  }

  /**
   * A Parquet source's statements for {@code kpi sql}: its files' types are read (through DuckDB)
   * to choose each column's typing, and the files are named as the user names them.
   */
  private static List<String> parquetSql(
      SourceDef s, List<ColumnDef> columns, Dialect d, SourceRelations relations) {
    try (Connection conn = connect()) {
      ParquetRelation.Layout l = ParquetLayout.of(conn, s, null, columns, relations);
      return new ParquetRelation(d)
          .create(
              s,
              new ParquetRelation.Layout(l.shown(), l.shown(), l.fieldOf(), l.stored()),
              columns);
    } catch (SqlRefused e) {
      // A dialect whose engine reads no Parquet (Dialect.readParquet).
      throw new UsageException(e.getMessage() + " (docs/engines.md)");
    } catch (SQLException e) {
      throw new DataException("duckdb: " + firstLine(e.getMessage()), e);
    }
  }

  private static Map<SourceDef, Set<String>> sourcesRead(List<Compiled> compiled) {
    Map<SourceDef, Set<String>> out = new LinkedHashMap<>();
    for (Compiled c : compiled)
      out.computeIfAbsent(c.source(), x -> new LinkedHashSet<>()).addAll(c.kpi().columnsRead());
    return out;
  }

  /**
   * The report with how far the source's dates reach over the columns its KPIs place rows by, as
   * the default engine adds it.
   */
  private static QualityReport dated(
      SourceDef s, List<Compiled> compiled, SourceReach reach, QualityReport q) {
    Set<String> columns = new java.util.TreeSet<>();
    boolean history = false;
    for (Compiled c : compiled) {
      if (c.source() != s) continue;
      columns.addAll(KpiKinds.of(c.kpi()).datedByAny(c.kpi()));
      // As the default engine: a KPI judging whole histories (a backlog) makes a source that ends
      // before the others an error, not a warning (QualityGate).
      history |= KpiKinds.of(c.kpi()).judgesWholeHistory();
    }
    if (columns.isEmpty()) return q;
    // The earliest and latest over the columns, a column without dates skipped.
    java.time.LocalDate[] span = reach.span(columns);
    if (span == null) return q;
    return q.withDates(String.join(", ", columns), span[0], span[1], history);
  }

  /**
   * The columns of a source whose reach the run measures: those its KPIs date rows by, and each
   * period-rows KPI's time column (its rows without a time).
   */
  private static Set<String> reachedColumns(SourceDef s, List<Compiled> compiled) {
    Set<String> columns = new java.util.TreeSet<>();
    for (Compiled c : compiled) {
      if (c.source() != s) continue;
      columns.addAll(KpiKinds.of(c.kpi()).datedByAny(c.kpi()));
      if (c.query() instanceof PeriodRowsQuery && c.kpi().time() != null)
        columns.add(c.kpi().time());
    }
    return columns;
  }

  /** The compiled KPIs, each period-rows query reading its source's reach. */
  private static List<Compiled> knowing(
      List<Compiled> compiled, Map<SourceDef, SourceReach> reaches) {
    List<Compiled> out = new ArrayList<>();
    for (Compiled c : compiled)
      out.add(
          c.query() instanceof PeriodRowsQuery p && reaches.containsKey(c.source())
              ? new Compiled(c.kpi(), c.source(), p.knowing(reaches.get(c.source())))
              : c);
    return out;
  }

  private static long count(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement();
        var r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * A text column's distinct non-blank values as the filters compare them, or null for a column
   * that is not text: what {@link DataValueCheck} looks the KPIs' texts up in.
   */
  private static Map<String, String> textValues(
      Connection conn, Dialect d, String rows, SourceDef s, String column) {
    ColumnDef c = s.columns().get(column);
    if (c == null || c.type() != dev.journeykpi.config.ValueType.STRING) return null;
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement st = conn.createStatement();
        var r =
            st.executeQuery(
                // In order of first appearance, as the default engine's dictionary lists them.
                "SELECT kpi_value FROM (SELECT "
                    + d.cast(d.quoteIdent(column), Dialect.SqlType.TEXT)
                    + " AS kpi_value, kpi_record FROM "
                    + rows
                    + " AS kpi_rows) AS kpi_values GROUP BY kpi_value ORDER BY min(kpi_record)")) {
      while (r.next()) DataValueCheck.addDistinct(out, r.getString(1));
    } catch (SQLException e) {
      throw new DataException(d.name() + ": " + firstLine(e.getMessage()), e);
    }
    return out;
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
