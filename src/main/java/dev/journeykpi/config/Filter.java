package dev.journeykpi.config;

import java.util.List;

/**
 * A structured row filter, written in YAML as {@code column: value}, {@code column: [a, b]} or
 * {@code column: {gte: 4}}. Values are already converted to the column's type (String, Double,
 * Boolean, LocalDate, LocalDateTime, or seconds for durations).
 */
public sealed interface Filter
    permits Filter.Condition,
        Filter.Compare,
        Filter.Expression,
        Filter.All,
        Filter.Any,
        Filter.Not {

  Filter NONE = new All(List.of());

  /**
   * How {@code matches} compiles its pattern: without case, as every text comparison (a pattern may
   * switch case back on with {@code (?-i)}), Unicode-aware so that Đ and đ are one letter. The
   * pattern is searched for anywhere in the cell (write ^ and $ to anchor it).
   */
  int REGEX_FLAGS = java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;

  enum Op {
    EQ("eq"),
    NE("not"),
    IN("in"),
    NOT_IN("not_in"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    BETWEEN("between"),
    IS_NULL("is_null"),
    NOT_NULL("not_null"),
    CONTAINS("contains"),
    STARTS_WITH("starts_with"),
    ENDS_WITH("ends_with"),
    MATCHES("matches");

    public final String yaml;

    Op(String yaml) {
      this.yaml = yaml;
    }

    public static Op fromYaml(String s) {
      for (Op op : values()) {
        if (op.yaml.equals(s)) return op;
      }
      if (s.equals("ne")) return NE;
      return null;
    }

    public static List<String> yamlNames() {
      return java.util.Arrays.stream(values()).map(o -> o.yaml).toList();
    }
  }

  /**
   * @param valueLocations where each value is written (same order as {@code values}), so {@code kpi
   *     validate --check-data} can point at the one value the data does not have; empty when
   *     unknown
   */
  record Condition(
      String column, Op op, List<Object> values, Location location, List<Location> valueLocations)
      implements Filter {
    public Condition {
      values = List.copyOf(values);
      valueLocations = List.copyOf(valueLocations);
    }

    public Condition(String column, Op op, List<Object> values, Location location) {
      this(column, op, values, location, List.of());
    }

    /** Where value {@code i} is written; the condition's own place when that is not known. */
    public Location valueLocation(int i) {
      return i < valueLocations.size() ? valueLocations.get(i) : location;
    }
  }

  /**
   * A column compared with another column of the same row ({@code resolved_at: {lt: {column:
   * due_at}}}): op is one of eq, not, gt, gte, lt, lte; both columns have comparable types (checked
   * when bound).
   */
  record Compare(String column, Op op, String other, Location location) implements Filter {}

  /**
   * A true-or-false expression in the grammar of {@code derive:} ({@code expr: "quantity *
   * unit_price > 1000000"}), typed at load time: a row is kept where it is true, not where it is
   * false or blank (it read a blank: SQL's NULL, as a WHERE clause does).
   *
   * @param text the expression as written, for {@code kpi explain}
   */
  record Expression(String text, Expr expr, Location location) implements Filter {}

  /**
   * The rows where the inner filter is false. A row the inner filter cannot judge (a blank cell
   * compared with a value) is neither kept by it nor by its {@code not}, as in SQL.
   */
  record Not(Filter inner, Location location) implements Filter {}

  /** Every part must hold; an empty list keeps every row. */
  record All(List<Filter> parts) implements Filter {
    public All {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part must hold. */
  record Any(List<Filter> parts) implements Filter {
    public Any {
      parts = List.copyOf(parts);
    }
  }

  /** Adds the column names this filter reads. */
  default void collectColumns(java.util.Set<String> into) {
    if (this instanceof Condition c) {
      into.add(c.column());
    } else if (this instanceof Compare c) {
      into.add(c.column());
      into.add(c.other());
    } else if (this instanceof Expression x) {
      into.addAll(x.expr().columns());
    } else if (this instanceof Not n) {
      n.inner().collectColumns(into);
    } else if (this instanceof All a) {
      a.parts().forEach(p -> p.collectColumns(into));
    } else if (this instanceof Any a) {
      a.parts().forEach(p -> p.collectColumns(into));
    }
  }

  default boolean isEmpty() {
    return this instanceof All a && a.parts().isEmpty();
  }
}
