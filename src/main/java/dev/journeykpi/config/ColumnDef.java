package dev.journeykpi.config;

import java.util.List;

/**
 * One mapped column of a source.
 *
 * @param name canonical name used by KPIs and filters
 * @param header the header text in the export
 * @param type what the values are parsed into
 * @param formats date/date-time patterns tried in order (empty: ISO dates)
 * @param durationUnit unit of plain numbers in a duration column (seconds, minutes, hours, days)
 * @param decimalMark decimal mark of numbers ('.' or ','); the other mark is taken as digit
 *     grouping
 * @param required a blank or unreadable value rejects the whole row instead of blanking the cell
 * @param lookup for a column not in the export but looked up from another column through a YAML
 *     table (agent → team → department); null for a column read from the export
 */
public record ColumnDef(
    String name,
    String header,
    ValueType type,
    List<String> formats,
    String durationUnit,
    char decimalMark,
    boolean required,
    Lookup lookup,
    Location location) {
  public ColumnDef {
    formats = List.copyOf(formats);
  }

  /**
   * A column computed from others, not read from the export: looked up ({@code team: { from: agent,
   * map: { Hà: Bắc } }}) or multiplied ({@code amount: { multiply: [quantity, unit_price] }}).
   *
   * @param from the column whose value is looked up (an export column or an earlier computed
   *     column); null for a product
   * @param map value → looked-up value, matched after trimming; values not listed give a blank,
   *     counted in the data-quality report
   * @param multiply the number columns multiplied per row (blank when any is blank); empty for a
   *     lookup
   * @param joined for a column taken from another source by a {@code join:}; null otherwise
   * @param derived for a column computed by an expression ({@code derive:}); null otherwise
   */
  public record Lookup(
      String from,
      java.util.Map<String, String> map,
      List<String> multiply,
      Joined joined,
      Derived derived) {
    public Lookup {
      map = java.util.Map.copyOf(map);
      multiply = List.copyOf(multiply);
    }

    public Lookup(String from, java.util.Map<String, String> map, List<String> multiply) {
      this(from, map, multiply, null, null);
    }

    public Lookup(
        String from, java.util.Map<String, String> map, List<String> multiply, Joined joined) {
      this(from, map, multiply, joined, null);
    }

    /** The columns this one is computed from (for a joined column, this source's join keys). */
    public List<String> inputs() {
      return derived != null
          ? List.copyOf(derived.expr().columns())
          : joined != null ? joined.keys() : from != null ? List.of(from) : multiply;
    }
  }

  /**
   * Where a joined column comes from: column {@code column} of source {@code source}, matched on
   * this source's {@code keys}. It is filled once both sources are imported (engine).
   */
  public record Joined(String source, String column, List<String> keys) {
    public Joined {
      keys = List.copyOf(keys);
    }
  }

  /**
   * A column computed by an expression over the source's other columns, once the source is imported
   * and joined ({@code derive: { revenue: "quantity * unit_price" }}).
   *
   * @param text the expression as written, for {@code kpi explain}
   */
  public record Derived(String text, Expr expr) {}

  /** Whether the column is computed by a {@code derive:} expression. */
  public boolean isDerived() {
    return lookup != null && lookup.derived() != null;
  }

  /** Whether the column is taken from another source by a join. */
  public boolean isJoined() {
    return lookup != null && lookup.joined() != null;
  }

  public boolean isLookup() {
    return lookup != null;
  }
}
