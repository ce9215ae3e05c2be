package dev.journeykpi.config;

/**
 * A check of a column a KPI names (it exists, it is a date, it is a number), reporting to the
 * diagnostics.
 */
@FunctionalInterface
interface ColumnCheck {
  void check(String name, Location at, String field);
}
