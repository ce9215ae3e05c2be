package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.Filter;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.Location;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.SpecBinder;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.ingest.LoadedSource;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.model.DataException;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.KpiKind;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

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

    /** Whether some value of the data (keyed as {@link #distinct} keys them) meets the text. */
    boolean met(String text, Map<String, String> values) {
      return switch (this) {
        case IS -> values.containsKey(normal(text));
        case STARTS -> values.keySet().stream().anyMatch(k -> k.startsWith(part(text)));
        case ENDS -> values.keySet().stream().anyMatch(k -> k.endsWith(part(text)));
        case MATCHES -> {
          var p = java.util.regex.Pattern.compile(text, Filter.REGEX_FLAGS);
          yield values.values().stream().anyMatch(v -> p.matcher(v).find());
        }
      };
    }
  }

  static void check(Definition def, SourceDef s, Map<String, Path> overrides, Diagnostics d) {
    List<Wanted> wanted = new ArrayList<>();
    for (KpiDef k : def.kpis()) {
      if (!Objects.equals(k.source(), s.id())) continue;
      KpiKind<?> kind = KpiKinds.of(k);
      // A KPI that reads another's population (a conversion) would repeat that KPI's warnings.
      if (kind.placement() != SpecBinder.Placement.AS_OTHER_KPI)
        collect(k, "where", k.where(), wanted);
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
                  (src, only) -> SourceLoader.load(src, overrides.get(src.id()), def.zone(), only))
              .get(s.id());
    } catch (DataException e) {
      d.error(s.location(), "source '" + s.id() + "': " + e.getMessage());
      return;
    }
    Map<String, Map<String, String>> present = new LinkedHashMap<>();
    for (String c : columns) {
      if (!loaded.table().containsColumn(c)) continue;
      Column<?> col = loaded.table().column(c);
      // Only text is compared as text; numbers, dates and yes/no were already checked against the
      // column's type.
      if (col instanceof StringColumn sc) present.put(c, distinct(sc));
    }
    for (Wanted w : wanted) {
      Map<String, String> values = present.get(w.column());
      if (values == null || w.alternatives().stream().anyMatch(v -> w.how().met(v, values)))
        continue;
      String first = w.alternatives().get(0);
      // A near value is a likely typo only for a whole value.
      String hint =
          w.how() != How.IS
              ? ""
              : Suggestions.hint(
                  Normalizer.normalize(first.trim(), Normalizer.Form.NFC), values.values());
      String written =
          w.alternatives().size() == 1
              ? "'" + first + "'"
              : "any of '" + String.join("', '", w.alternatives()) + "'";
      d.warning(
          w.at(),
          "kpi '"
              + w.kpi()
              + "'."
              + w.what()
              + ": no row of source '"
              + s.id()
              + "' has "
              + w.column()
              + " "
              + w.how().words
              + written
              + hint
              + (hint.isEmpty() ? "; " + listed(values) : ""));
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
    for (String v : c.unique()) {
      if (v != null && !v.isBlank())
        out.putIfAbsent(normal(v), Normalizer.normalize(v.trim(), Normalizer.Form.NFC));
    }
    return out;
  }

  /** A part of a text as filters compare it: its spaces kept, NFC, without case. */
  private static String part(String v) {
    return Normalizer.normalize(v, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static String normal(String v) {
    return Normalizer.normalize(v.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static String listed(Map<String, String> values) {
    if (values.isEmpty()) return "the column is blank in every row";
    List<String> some = values.values().stream().sorted().limit(LISTED).toList();
    return "values: "
        + String.join(", ", some)
        + (values.size() > LISTED ? ", … (" + values.size() + " in all)" : "");
  }
}
