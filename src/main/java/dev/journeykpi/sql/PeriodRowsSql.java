package dev.journeykpi.sql;

import dev.journeykpi.calc.Measure;
import java.util.List;

/**
 * The SQL of a type measured over the rows dated in each period: the aggregates it needs over a
 * group's rows (a breakdown group's or the period's total), and the {@link Measure} they make,
 * built by the same code as the type's Tablesaw measurer so that notes and edge cases agree.
 */
public non-sealed interface PeriodRowsSql extends SqlTemplate {
  /**
   * The aggregates over a group's rows, each named; may throw {@link SqlRefused} for a column or
   * filter not compiled yet.
   */
  List<Aggregate> aggregates(SqlColumns c);

  /**
   * The relation the aggregates read: the source's rows, or those rows with columns of the type's
   * own computed by a join (business seconds through the {@link CalendarTable}).
   */
  default String rows(String rows, SqlColumns c) {
    return rows;
  }

  /**
   * Texts a group's note quotes (examples of rows, values counted one by one), each read per group
   * by a query of its own: a list is not an aggregate every engine has. Empty by default.
   */
  default List<Quoted> quoted(SqlColumns c) {
    return List.of();
  }

  /** The group's measure from the aggregates' values. */
  Measure measure(Values v);

  /** One aggregate: its name in the query's result, and its SQL. */
  record Aggregate(String name, String sql) {}

  /**
   * Texts quoted per group, as {@link Values#texts}{@code (name)} gives them: of the rows where
   * {@code condition} holds, either the first {@code first} rows in the export's order (each the
   * labels of the columns {@code columns}, joined by U+0000), or, when {@code first} is 0, each
   * distinct label of the one column once with its count ({@code label U+0000 count}, in no order).
   * Read only when the count aggregate {@code when} is above 0 in some group, so that a KPI whose
   * rows need none costs no second query.
   *
   * @param columns source columns, labelled as the default engine labels their cells ({@link
   *     dev.journeykpi.calc.Cells#label(Object)})
   */
  record Quoted(String name, String when, String condition, List<String> columns, int first) {
    /** The first {@code n} rows' labels. */
    public static Quoted firstRows(
        String name, String when, String condition, List<String> columns, int n) {
      if (n < 1) throw new IllegalArgumentException("n must be at least 1: " + n);
      return new Quoted(name, when, condition, List.copyOf(columns), n);
    }

    /** Each distinct label of a column, with its count. */
    public static Quoted tally(String name, String when, String condition, String column) {
      return new Quoted(name, when, condition, List.of(column), 0);
    }
  }

  /** The values of a group's aggregates. */
  interface Values {
    /** A count (0 when the aggregate gave NULL). */
    long count(String name);

    /** A number, or null when the aggregate had no values. */
    Double number(String name);

    /** Quoted texts ({@link Quoted}; empty when no row was quoted). */
    List<String> texts(String name);
  }
}
