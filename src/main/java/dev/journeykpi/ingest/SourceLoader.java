package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ImportProgress;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a declared source (one file or a glob of files with the same layout) into a typed Tablesaw
 * table.
 */
public final class SourceLoader {
  private SourceLoader() {}

  /**
   * @param override a path given on the command line ({@code --data id=PATH}) instead of the
   *     declared file, or null
   * @param targetZone the definition's time zone, into which local times are converted
   * @param needed the canonical columns to parse (the ones the KPIs read); null for every declared
   *     column. Columns marked {@code required} are always parsed, since they decide which rows are
   *     used. The headers of all declared columns are still checked.
   */
  public static LoadedSource load(
      SourceDef source, Path override, ZoneId targetZone, java.util.Set<String> needed) {
    return load(source, override, targetZone, needed, null);
  }

  /**
   * @param beforeDistinct adds to the imported table the columns the source's {@code distinct:}
   *     reads that the import does not (its derived key); null when there are none
   */
  public static LoadedSource load(
      SourceDef source,
      Path override,
      ZoneId targetZone,
      java.util.Set<String> needed,
      java.util.function.Consumer<tech.tablesaw.api.Table> beforeDistinct) {
    List<Path> files = override != null ? List.of(override) : resolve(source);
    // The import cache, when a command turned it on; not for a distinct: keyed by derived columns,
    // which the engine's code computes before it.
    ImportCache cache = beforeDistinct == null ? ImportCache.current() : null;
    ImportCache.Entry entry = cache == null ? null : cache.entry(source, files, targetZone, needed);
    if (entry != null) {
      initColumnTypes();
      CachedImport.Imported hit = entry.read();
      if (hit != null) return new LoadedSource(source, hit.table(), hit.quality());
    }
    ImportProgress.begin(source.id());
    try {
      LoadedSource loaded = read(source, files, override, targetZone, needed, beforeDistinct);
      if (entry != null) entry.write(loaded.table(), loaded.quality());
      return loaded;
    } finally {
      ImportProgress.end(source.id());
    }
  }

  private static LoadedSource read(
      SourceDef source,
      List<Path> files,
      Path override,
      ZoneId targetZone,
      java.util.Set<String> needed,
      java.util.function.Consumer<tech.tablesaw.api.Table> beforeDistinct) {
    initColumnTypes();
    startTablesawInBackground();
    QualityRecorder quality = new QualityRecorder(source.id());
    if (needed != null && source.distinct() != null) {
      // One row per key needs the key and its order column, whether a KPI reads them or not.
      needed = new java.util.LinkedHashSet<>(needed);
      needed.addAll(source.distinct().columns());
    }
    java.util.Set<String> read = withLookupSources(source, needed);
    SharedAssembler factory = new SharedAssembler(source, targetZone, quality, read);
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new DataException(
            "source '"
                + source.id()
                + "': file "
                + f
                + " does not exist"
                + (override == null
                    ? " (resolved from '"
                        + source.file()
                        + "' relative to "
                        + source.baseDir()
                        + ")"
                    : ""));
      }
      ExportFormat.of(f, source.format()).read(f, source, factory);
    }
    tech.tablesaw.api.Table table = factory.assembler.table();
    addLookups(
        source, table, needed, quality, files.isEmpty() ? source.file() : display(files.get(0)));
    if (source.distinct() != null) {
      if (beforeDistinct != null) beforeDistinct.accept(table);
      String file = files.size() == 1 ? display(files.get(0)) : source.file();
      table = DistinctRows.apply(table, source.distinct(), quality, file);
    }
    return new LoadedSource(source, table, quality.report());
  }

  /**
   * The needed columns plus every column a needed lookup column is looked up from, transitively.
   */
  private static java.util.Set<String> withLookupSources(
      SourceDef source, java.util.Set<String> needed) {
    if (needed == null) return null;
    java.util.Set<String> out = new java.util.LinkedHashSet<>(needed);
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(needed);
    while (!todo.isEmpty()) {
      var c = source.columns().get(todo.pop());
      if (c != null && c.isLookup()) {
        for (String input : c.lookup().inputs()) if (out.add(input)) todo.push(input);
      }
    }
    return out;
  }

  /**
   * Computes the lookup columns (team from agent, department from team) in declaration order, so
   * one may look up another. A value missing from the map gives a blank, counted in the quality
   * report with the value.
   */
  private static void addLookups(
      SourceDef source,
      tech.tablesaw.api.Table table,
      java.util.Set<String> needed,
      QualityRecorder quality,
      String file) {
    for (var c : source.columns().values()) {
      if (!c.isLookup()
          || c.isJoined() // filled once the other source is imported too (TableJoiner)
          || c.isDerived() // computed once the source is joined (DerivedColumns)
          || (needed != null
              && !needed.contains(c.name())
              && !isLookedUpBy(source, c.name(), needed))) continue;
      if (!c.lookup().multiply().isEmpty()) {
        table.addColumns(product(table, c.name(), c.lookup().multiply()));
        continue;
      }
      var from = table.column(c.lookup().from());
      tech.tablesaw.api.StringColumn out =
          tech.tablesaw.api.StringColumn.create(c.name(), table.rowCount());
      java.util.Map<String, String> cache = new java.util.HashMap<>();
      for (int row = 0; row < table.rowCount(); row++) {
        if (from.isMissing(row)) continue;
        // As the map's keys were read: trimmed and NFC, case kept (a lookup is exact).
        String key = TextKey.nfc(from.getString(row).trim());
        if (key.isEmpty()) continue;
        String v = cache.computeIfAbsent(key, k -> c.lookup().map().getOrDefault(k, ""));
        if (v.isEmpty()) {
          quality.blank(
              c.lookup().from() + " value not in the map of " + c.name(), file, 0, c.name(), key);
        } else {
          out.set(row, v);
        }
      }
      table.addColumns(out);
    }
  }

  /** Quantity × unit price, per row; blank when a factor is blank. */
  private static tech.tablesaw.api.DoubleColumn product(
      tech.tablesaw.api.Table table, String name, List<String> factors) {
    tech.tablesaw.api.DoubleColumn out =
        tech.tablesaw.api.DoubleColumn.create(name, table.rowCount());
    List<tech.tablesaw.api.DoubleColumn> fs = factors.stream().map(table::doubleColumn).toList();
    for (int row = 0; row < table.rowCount(); row++) {
      double v = 1;
      for (tech.tablesaw.api.DoubleColumn f : fs) v *= f.getDouble(row);
      out.set(row, v); // NaN (blank) when any factor is blank
    }
    return out;
  }

  private static boolean isLookedUpBy(SourceDef source, String name, java.util.Set<String> needed) {
    for (String n : needed) {
      var c = source.columns().get(n);
      java.util.Deque<dev.journeykpi.config.ColumnDef> todo = new java.util.ArrayDeque<>();
      if (c != null) todo.push(c);
      while (!todo.isEmpty()) {
        var x = todo.pop();
        if (!x.isLookup()) continue;
        for (String input : x.lookup().inputs()) {
          if (input.equals(name)) return true;
          var next = source.columns().get(input);
          if (next != null) todo.push(next);
        }
      }
    }
    return false;
  }

  /** One assembler for all files of a source: every file must give the same columns. */
  private static final class SharedAssembler implements RowAssembler.Factory {
    private final SourceDef source;
    private final ZoneId targetZone;
    private final QualityRecorder quality;
    private final java.util.Set<String> needed;
    RowAssembler assembler;
    private List<String> columns;

    SharedAssembler(
        SourceDef source,
        ZoneId targetZone,
        QualityRecorder quality,
        java.util.Set<String> needed) {
      this.source = source;
      this.targetZone = targetZone;
      this.quality = quality;
      this.needed = needed;
    }

    @Override
    public RowAssembler.Binding create(ColumnPlan fullPlan) {
      fullPlan.notes().forEach(quality::note);
      ColumnPlan plan = fullPlan.only(needed);
      List<String> names = plan.columns().stream().map(c -> c.name()).toList();
      if (assembler == null) {
        assembler = new RowAssembler(source, plan.columns(), targetZone, quality, plan.utf8Bytes());
        columns = names;
      } else if (!names.equals(columns)) {
        throw new DataException(
            "source '"
                + source.id()
                + "': the files of '"
                + source.file()
                + "' have different headers; map the columns explicitly");
      }
      return new RowAssembler.Binding(assembler, plan.fieldIndex());
    }
  }

  /**
   * A path as people want to read it in messages: relative to the working directory when it is
   * below it.
   */
  public static String display(Path f) {
    Path abs = f.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : f.toString();
  }

  /**
   * Tablesaw's Table class scans the class path for readers when it is first used, which takes
   * about half a second; doing that on the second core while the first one parses the file takes it
   * off the critical path.
   */
  private static final java.util.concurrent.atomic.AtomicBoolean TABLESAW_STARTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Starts Tablesaw's start-up scan on another thread now; {@code kpi report} calls this before
   * parsing its command line, so that on a small export the scan is over by the time the import
   * needs a table.
   */
  public static void startTablesawInBackground() {
    if (!TABLESAW_STARTED.compareAndSet(false, true))
      return; // once per process, not once per source
    Thread t =
        new Thread(
            () -> {
              initColumnTypes();
              tech.tablesaw.api.Table.create("warm-up");
            },
            "tablesaw-init");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Initialises Tablesaw's column types from their root, {@code ColumnType}, whose constants are
   * instances of the type classes. Their static initialisers refer to each other in a cycle, so two
   * threads that first touch two different column classes at once (the import's threads building
   * columns) can deadlock each other; it happened in a test. Every thread that starts with the root
   * only waits for whichever thread initialises it.
   */
  static void initColumnTypes() {
    java.util.Objects.requireNonNull(tech.tablesaw.api.ColumnType.STRING);
  }

  public static LoadedSource load(SourceDef source, Path override, ZoneId targetZone) {
    return load(source, override, targetZone, null);
  }

  static String extension(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "csv" : n.substring(dot + 1);
  }

  /**
   * The declared file, relative to its definition's folder; a glob ({@code exports/2026-*.csv}) in
   * name order.
   */
  public static List<Path> resolve(SourceDef source) {
    String pattern = source.file();
    Path base = source.baseDir() == null ? Path.of("") : source.baseDir();
    if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
      return List.of(base.resolve(pattern).normalize());
    }
    Path full = base.resolve(pattern).normalize();
    Path root = full.getRoot() == null ? Path.of("") : full.getRoot();
    for (Path part : full) {
      if (part.toString().matches(".*[*?\\[].*")) break;
      root = root.resolve(part);
    }
    PathMatcher m =
        FileSystems.getDefault().getPathMatcher("glob:" + full.toString().replace("\\", "\\\\"));
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> found = s.filter(Files::isRegularFile).filter(m::matches).sorted().toList();
      if (found.isEmpty())
        throw new DataException(
            "source '" + source.id() + "': no file matches '" + pattern + "' under " + root);
      return found;
    } catch (IOException e) {
      throw new DataException(
          "source '" + source.id() + "': cannot list " + root + ": " + e.getMessage(), e);
    }
  }
}
