package dev.journeykpi.types;

import dev.journeykpi.config.Filter;

/**
 * The words of {@code kpi explain} in the reader's language, as the types write their explanations
 * with them; the report package implements it over its message catalog.
 */
public interface Phrases {
  /**
   * The phrase in the reader's language, {@code %s} filled with {@code args} (an English template
   * is its own key).
   */
  String t(String template, Object... args);

  /** A filter in words. */
  String filter(Filter f);

  /** A number as written in a definition: 0.9, 30, 1.5. */
  String plain(double v);

  /** " over rows where …" for a population filter, or "" for none. */
  default String overRows(Filter where) {
    return where.isEmpty() ? "" : t(" over rows where %s", filter(where));
  }
}
