package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL templates are written once for every engine (issue 17): what differs between engines is a
 * {@link Dialect} hook, never text in a template. This test reads the Java sources of the templates
 * (everything that writes SQL outside a {@code *Dialect.java}) and looks in their string literals
 * for constructs only some engines have — DuckDB's {@code FILTER}, {@code EXCLUDE}, {@code
 * QUALIFY}, lists and structs, {@code ::} casts, interval and timestamp literals, type names,
 * engine-specific functions — and for {@code least}/{@code greatest}, whose NULL handling differs
 * (DuckDB, PostgreSQL and Spark skip NULLs; Trino, BigQuery and Snowflake return NULL).
 *
 * <p>A ratchet: {@link #NOT_YET_PORTABLE} lists the files that still have such text. A file made
 * portable leaves the list (the test fails while it is still listed, so the list stays true), and
 * no new file may join it.
 */
class PortableTemplatesTest {
  /**
   * Constructs that are not one spelling on DuckDB, PostgreSQL, Spark, Trino, BigQuery, Snowflake.
   */
  static final Map<String, Pattern> NOT_PORTABLE = new TreeMap<>();

  static {
    String[][] each = {
      {"FILTER (WHERE …) on an aggregate (BigQuery, Snowflake)", "FILTER \\(WHERE"},
      {"SELECT * EXCLUDE (PostgreSQL, Spark, Trino)", "\\bEXCLUDE\\s*\\("},
      {"QUALIFY (PostgreSQL, Spark, Trino)", "\\bQUALIFY\\b"},
      {
        "DuckDB lists, maps and structs", "\\b(list|list_\\w+|histogram|map_entries|struct_\\w+)\\("
      },
      {"arg_min/arg_max", "\\barg_(min|max)\\("},
      {":: casts", "::"},
      {"INTERVAL literals (Dialect.plusSeconds)", "\\bINTERVAL\\b"},
      {"TIMESTAMP literals (Dialect.timestamp)", "TIMESTAMP '"},
      {
        "type names in CAST (Dialect.cast)",
        "\\bAS (VARCHAR|DOUBLE|BIGINT|INTEGER|INT|BOOLEAN|DATE|TIMESTAMP)\\b"
      },
      {"CREATE OR REPLACE (Dialect.createTempTable/View)", "CREATE OR REPLACE"},
      {
        "DuckDB functions",
        "\\b(epoch|epoch_ms|fsum|quantile_cont|quantile|regexp_full_match|regexp_matches|contains|starts_with|nfc_normalize|try_strptime|strftime|make_timestamp|isodow|generate_series|unnest|read_csv|read_parquet|chr|try)\\("
      },
      {"least/greatest (NULLs differ)", "\\b(least|greatest|LEAST|GREATEST)\\("},
    };
    for (String[] e : each) NOT_PORTABLE.put(e[0], Pattern.compile(e[1]));
  }

  /**
   * The files whose string literals still hold engine-specific SQL, as paths under
   * src/main/java/dev/journeykpi. Shrinks as the templates are made portable; never grows.
   */
  static final List<String> NOT_YET_PORTABLE = List.of();

  /**
   * Files that talk to DuckDB itself, by design: ParquetLayout reads a Parquet file's schema
   * through DuckDB to choose each column's typing, whatever engine then runs the SQL.
   */
  static final List<String> DUCKDB_ONLY = List.of("engine/ParquetLayout.java");

  /**
   * A dialect's own SQL kept beside it, as in the dialect: PostgreSQL's and Spark's parsers, and
   * the CSV readers of DuckDB, PostgreSQL and Spark.
   */
  static final List<String> DIALECT_PARTS =
      List.of(
          "sql/PostgresParsers.java",
          "sql/SparkParsers.java",
          "sql/DuckDbCsv.java",
          "sql/PostgresCsv.java",
          "sql/SparkCsv.java");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  @Test
  void theTemplatesHoldNoEngineSpecificSqlOutsideTheDialects() throws IOException {
    Path root = Path.of("src/main/java/dev/journeykpi");
    Map<String, List<String>> found = new TreeMap<>();
    for (String pkg : List.of("sql", "types", "engine")) {
      try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (f.getFileName().toString().endsWith("Dialect.java")) continue;
          if (DUCKDB_ONLY.contains(root.relativize(f).toString())) continue;
          if (DIALECT_PARTS.contains(root.relativize(f).toString())) continue;
          List<String> hits = hits(Files.readString(f));
          if (!hits.isEmpty()) found.put(root.relativize(f).toString(), hits);
        }
      }
    }
    List<String> report = new ArrayList<>();
    found.forEach((f, h) -> report.add(f + ": " + String.join("; ", new TreeSet<>(h))));
    assertThat(found.keySet())
        .as(
            "files with engine-specific SQL in their string literals:\n%s",
            String.join("\n", report))
        .containsExactlyInAnyOrderElementsOf(NOT_YET_PORTABLE);
  }

  @Test
  void theScanFindsEachConstruct() {
    // Each pattern, in a string literal as a template would write it, is found; outside one not.
    assertThat(hits("String s = \"count(*) FILTER (WHERE x)\";")).hasSize(1);
    assertThat(hits("String s = \"SELECT * EXCLUDE (a) FROM t\";")).hasSize(1);
    assertThat(hits("String s = \"x + INTERVAL '3 seconds'\";")).hasSize(1);
    assertThat(hits("String s = \"CAST(x AS DOUBLE)\";")).hasSize(1);
    assertThat(hits("String s = \"greatest(a, b)\";")).hasSize(1);
    assertThat(hits("String s = \"list(x ORDER BY y)\";")).hasSize(1);
    assertThat(hits("var m = Foo::bar; // count(*) FILTER (WHERE x)")).isEmpty();
    assertThat(hits("String s = \"count(CASE WHEN x THEN 1 END)\";")).isEmpty();
    assertThat(hits("String s = \"the list of rows\";")).isEmpty();
  }

  static List<String> hits(String java) {
    List<String> out = new ArrayList<>();
    Matcher m = STRING_LITERAL.matcher(stripComments(java));
    while (m.find()) {
      for (var e : NOT_PORTABLE.entrySet())
        if (e.getValue().matcher(m.group(1)).find()) out.add(e.getKey());
    }
    return out;
  }

  /** The source without comments, so that a comment quoting SQL is not a template. */
  private static String stripComments(String java) {
    return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
