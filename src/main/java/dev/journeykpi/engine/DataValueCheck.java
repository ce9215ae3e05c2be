package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.Filter;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.Location;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.SpecBinder;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.ingest.LoadedSource;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.KpiKind;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code kpi validate --check-data}, second half: the texts a definition expects to find in the
 * data (filter values, an SLA's per-priority limits, a funnel's stage values) are looked up among
 * the values the data really has. A value no row has makes a filter keep nothing (or, with {@code
 * not}, everything), an SLA limit never apply, a stage stay empty: silently wrong numbers. It is a
 * warning, not an error, since a value can be legitimately absent from one month's export (no
 * Urgent tickets this month); with a near value in the data ({@code Closd}, {@code Closed}) it is
 * almost certainly a typo, and the warning says so.
 */
final class DataValueCheck {
  /** How many of the data's values a warning lists when there is no near one. */
  private static final int LISTED = 8;

  private DataValueCheck() {}

  /**
   * One text the definition expects in a column. {@code alternatives}: any one of them present is
   * enough (a stage).
   */
  private record Wanted(
      String kpi, String what, String column, List<String> alternatives, Location at, How how) {
    Wanted(String kpi, String what, String column, List<String> alternatives, Location at) {
      this(kpi, what, column, alternatives, at, How.IS);
    }
  }

  /**
   * How a written text meets the data: equal to a value, or the start, end or a pattern of one. A
   * prefix, suffix or pattern no value has keeps nothing, as a misspelt value does.
   */
  private enum How {
    IS(""),
    STARTS("starting with "),
    ENDS("ending with "),
    MATCHES("matching ");

    final String words;

    How(String words) {
      this.words = words;
    }

    /**
     * The written text(s) as a result row's note shows them, in no one language: {@code 'Closd'},
     * {@code 'C…'} (starting with), {@code '…x'} (ending with), {@code /regex/}; alternatives
     * joined by " | ".
     */
    String shown(Wanted w) {
      List<String> each =
          w.alternatives().stream()
              .map(
                  t ->
                      switch (this) {
                        case IS -> "'" + t + "'";
                        case STARTS -> "'" + t + "…'";
                        case ENDS -> "'…" + t + "'";
                        case MATCHES -> "/" + t + "/";
                      })
              .toList();
      return String.join(" | ", each);
    }

    /** Whether some value of the data (keyed as {@link #distinct} keys them) meets the text. */
    boolean met(String text, Map<String, String> values) {
      return switch (this) {
        case IS -> values.containsKey(TextKey.of(text));
        case STARTS -> values.keySet().stream().anyMatch(k -> k.startsWith(TextKey.ofPart(text)));
        case ENDS -> values.keySet().stream().anyMatch(k -> k.endsWith(TextKey.ofPart(text)));
        case MATCHES -> {
          var p = java.util.regex.Pattern.compile(text, Filter.REGEX_FLAGS);
          yield values.values().stream().anyMatch(v -> p.matcher(v).find());
        }
      };
    }
  }

  /**
   * A text a KPI expects that no row of its source has.
   *
   * @param kpi the KPI whose filter, SLA limit or stage wrote it
   * @param at where the definition wrote it
   * @param message what {@code validate --check-data} says, after the position
   * @param note what the KPI's result rows say
   * @param column the data column looked in
   * @param text the text(s) written, as the note shows them
   */
  record Absent(String kpi, Location at, String message, Note note, String column, String text) {}

  static void check(Definition def, SourceDef s, Map<String, Path> overrides, Diagnostics d) {
    List<Wanted> wanted = wanted(def.kpis(), s.id());
    if (wanted.isEmpty()) return;
    LinkedHashSet<String> columns = new LinkedHashSet<>();
    wanted.forEach(w -> columns.add(w.column()));
    LoadedSource loaded;
    try {
      // Through its joins, so that a joined column's texts are checked too (and a key on several
      // rows of a joined source is found before a report meets it).
      Map<String, java.util.Set<String>> needed = new LinkedHashMap<>();
      needed.put(s.id(), columns);
      loaded =
          JoinedSources.load(
                  def,
                  needed,
                  (src, only, prepare) ->
                      SourceLoader.load(src, overrides.get(src.id()), def.zone(), only, prepare))
              .get(s.id());
    } catch (DataException e) {
      d.error(s.location(), "source '" + s.id() + "': " + e.getMessage());
      return;
    }
    for (Absent a : lookUp(wanted, s.id(), loaded.table())) d.warning(a.at(), a.message());
  }

  /**
   * The texts that {@code kpis} of source {@code sourceId} expect and no row of {@code table} (the
   * source as imported, joins included) has; {@code kpi report} and {@code kpi leads} ask this of
   * the tables they already imported, {@code validate --check-data} of the table it imports.
   */
  static List<Absent> absent(List<KpiDef> kpis, String sourceId, Table table) {
    return lookUp(wanted(kpis, sourceId), sourceId, table);
  }

  /** The texts {@code kpis} of the source expect in its text columns. */
  private static List<Wanted> wanted(List<KpiDef> kpis, String sourceId) {
    List<Wanted> wanted = new ArrayList<>();
    for (KpiDef k : kpis) {
      if (!Objects.equals(k.source(), sourceId)) continue;
      KpiKind<?> kind = KpiKinds.of(k);
      // A KPI that reads another's population (a conversion) would repeat that KPI's warnings.
      if (kind.placement() != SpecBinder.Placement.AS_OTHER_KPI)
        collect(k, "where", k.where(), wanted);
      // A control no row has leaves every variant without a comparison.
      if (k.compare() != null)
        wanted.add(
            new Wanted(
                k.id(),
                "compare.control",
                k.compare().by(),
                List.of(k.compare().control()),
                k.compare().controlAt()));
      kind.expectedValuesAny(
          k,
          new ExpectedValues() {
            @Override
            public void filter(String what, Filter f) {
              collect(k, what, f, wanted);
            }

            @Override
            public void value(String what, String column, List<String> alternatives, Location at) {
              wanted.add(new Wanted(k.id(), what, column, alternatives, at));
            }
          });
    }
    return wanted;
  }

  private static List<Absent> lookUp(List<Wanted> wanted, String sourceId, Table table) {
    List<Absent> out = new ArrayList<>();
    if (wanted.isEmpty()) return out;
    // Each column's distinct values once, however many KPIs look in it, and only when needed: a
    // value written exactly as the data has it is found by the dictionary's own lookup (which the
    // filter makes anyway), so the usual run normalises no value at all. A column of 289,000 ids
    // normalised and searched costs a noticeable part of a second.
    Map<String, Map<String, String>> present = new LinkedHashMap<>();
    for (Wanted w : wanted) {
      if (!table.containsColumn(w.column())) continue;
      // Only text is compared as text; numbers, dates and yes/no were already checked against the
      // column's type.
      if (!(table.column(w.column()) instanceof StringColumn sc)) continue;
      if (w.how() == How.IS
          && w.alternatives().stream().anyMatch(v -> !v.isBlank() && sc.countOccurrences(v) > 0))
        continue;
      Map<String, String> values = present.computeIfAbsent(w.column(), c -> distinct(sc));
      Absent a = absentFrom(w, sourceId, values);
      if (a != null) out.add(a);
    }
    return out;
  }

  /**
   * The texts {@code kpis} of source {@code sourceId} expect and no row has, for an engine that
   * gives each text column's distinct values ({@code distinct}: keyed as {@link #distinct} keys
   * them; null for a column that is not text or not there): the SQL engines.
   */
  static List<Absent> absent(
      List<KpiDef> kpis,
      String sourceId,
      java.util.function.Function<String, Map<String, String>> distinct) {
    List<Absent> out = new ArrayList<>();
    Map<String, Map<String, String>> present = new LinkedHashMap<>();
    for (Wanted w : wanted(kpis, sourceId)) {
      Map<String, String> values = present.computeIfAbsent(w.column(), c -> distinct.apply(c));
      if (values == null) continue;
      Absent a = absentFrom(w, sourceId, values);
      if (a != null) out.add(a);
    }
    return out;
  }

  /** The text {@code w} expects, when none of the column's values meets it; else null. */
  private static Absent absentFrom(Wanted w, String sourceId, Map<String, String> values) {
    if (w.alternatives().stream().anyMatch(v -> w.how().met(v, values))) return null;

    String first = w.alternatives().get(0);
    // A near value is a likely typo only for a whole value.
    String hint =
        w.how() != How.IS ? "" : Suggestions.hint(TextKey.nfc(first.trim()), values.values());
    String written =
        w.alternatives().size() == 1
            ? "'" + first + "'"
            : "any of '" + String.join("', '", w.alternatives()) + "'";
    String message =
        "kpi '"
            + w.kpi()
            + "'."
            + w.what()
            + ": no row of source '"
            + sourceId
            + "' has "
            + w.column()
            + " "
            + w.how().words
            + written
            + hint
            + (hint.isEmpty() ? "; " + listed(values) : "");
    String shown = w.how().shown(w);
    return new Absent(
        w.kpi(),
        w.at(),
        message,
        Note.of(Note.Code.TEXT_IN_NO_ROW, w.what(), w.column(), shown),
        w.column(),
        shown);
  }

  /**
   * The report with a warning for each text no row has, each affected KPI's note merged into {@code
   * notes} (its rows carry it): the same on every engine.
   */
  static QualityReport warn(QualityReport q, List<Absent> absent, Map<String, Notes> notes) {
    if (absent.isEmpty()) return q;
    List<String> lines = new ArrayList<>();
    List<QualityReport.Problem> problems = new ArrayList<>();
    for (Absent a : absent) {
      lines.add(
          new dev.journeykpi.config.Diagnostic(
                  dev.journeykpi.config.Diagnostic.Severity.WARNING, a.at(), a.message())
              .toString());
      problems.add(
          new QualityReport.Problem(
              QualityReport.Kind.WARNING, a.message(), a.at().toString(), 0, a.column(), a.text()));
      notes.merge(a.kpi(), Notes.of(a.note()), Notes::plus);
    }
    return q.withWarnings(lines, problems);
  }

  /** A text column's distinct non-blank value, keyed as {@link #distinct} keys them. */
  static void addDistinct(Map<String, String> out, String v) {
    if (v != null && !v.isBlank()) {
      String shown = TextKey.nfc(v.trim());
      out.putIfAbsent(TextKey.of(shown), shown);
    }
  }

  /** The conditions of a filter that compare a text column with written texts. */
  private static void collect(KpiDef k, String what, Filter f, List<Wanted> out) {
    if (f instanceof Filter.All a) {
      a.parts().forEach(p -> collect(k, what, p, out));
    } else if (f instanceof Filter.Any a) {
      a.parts().forEach(p -> collect(k, what, p, out));
    } else if (f instanceof Filter.Not n) {
      collect(k, what, n.inner(), out);
    } else if (f instanceof Filter.Condition c) {
      How how =
          switch (c.op()) {
            case STARTS_WITH -> How.STARTS;
            case ENDS_WITH -> How.ENDS;
            case MATCHES -> How.MATCHES;
            default -> null;
          };
      if (how != null) {
        // Any one of a list is enough: starts_with: [C, D] keeps rows when some value starts with
        // either.
        List<String> texts = c.values().stream().map(String.class::cast).toList();
        out.add(new Wanted(k.id(), what, c.column(), texts, c.location(), how));
        return;
      }
      switch (c.op()) {
        case EQ, NE, IN, NOT_IN -> {
          for (int i = 0; i < c.values().size(); i++) {
            if (c.values().get(i) instanceof String v && !v.isBlank()) {
              out.add(new Wanted(k.id(), what, c.column(), List.of(v), c.valueLocation(i)));
            }
          }
        }
        default -> {}
      }
    }
  }

  /**
   * Each distinct non-blank value, keyed as filters, SLA limits and stages compare it: trimmed,
   * NFC, without case.
   */
  private static Map<String, String> distinct(StringColumn c) {
    Map<String, String> out = new LinkedHashMap<>();
    // The dictionary's own set: unique() would build a new column of them (20 ms on its first call
    // against 5 ms, on the 1M-row bench), for the same values in the same order.
    for (String v : c.asSet()) addDistinct(out, v);
    return out;
  }

  private static String listed(Map<String, String> values) {
    if (values.isEmpty()) return "the column is blank in every row";
    // The first few in order without sorting them all (a column of 289,000 ids).
    java.util.TreeSet<String> first = new java.util.TreeSet<>();
    for (String v : values.values()) {
      if (first.size() < LISTED) first.add(v);
      else if (v.compareTo(first.last()) < 0) {
        first.pollLast();
        first.add(v);
      }
    }
    List<String> some = List.copyOf(first);
    return "values: "
        + String.join(", ", some)
        + (values.size() > LISTED ? ", … (" + values.size() + " in all)" : "");
  }
}
