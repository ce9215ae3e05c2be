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

  /** The group's measure from the aggregates' values. */
  Measure measure(Values v);

  /** One aggregate: its name in the query's result, and its SQL. */
  record Aggregate(String name, String sql) {}

  /** The values of a group's aggregates. */
  interface Values {
    /** A count (0 when the aggregate gave NULL). */
    long count(String name);

    /** A number, or null when the aggregate had no values. */
    Double number(String name);

    /** A list of texts (empty when the aggregate gave NULL). */
    List<String> texts(String name);
  }
}
