package dev.journeykpi.sql;

import dev.journeykpi.model.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The dialects {@code kpi sql --dialect} prints and the SQL engines run, by name. */
public final class Dialects {
  private Dialects() {}

  private static final Map<String, Supplier<Dialect>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("duckdb", DuckDbDialect::new);
    BY_NAME.put("spark", SparkDialect::new);
  }

  /** The names, in the order the help lists them. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** The dialect of that name, or a usage error listing the names. */
  public static Dialect named(String name) {
    Supplier<Dialect> d = BY_NAME.get(name);
    if (d == null)
      throw new UsageException(
          "--dialect " + name + ": unknown; dialects: " + String.join(", ", names()));
    return d.get();
  }
}
