package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read by DuckDB's own CSV reader, with the records kpi would refuse set aside for the
 * quality report ({@link DuckDbDialect#readCsv} and {@link DuckDbDialect#refusedCsvRows} hand over
 * to it), as {@link PostgresCsv} and {@link SparkCsv} do for their engines.
 */
final class DuckDbCsv {
  private DuckDbCsv() {}

  /**
   * {@code read_csv} with every field VARCHAR, no detection (the layout gives the delimiter and the
   * lines to skip: the header's and those before it), and the rows with a wrong number of fields
   * kept in the rejects table {@code rejects} (its scan log {@code scan}) instead of stopping the
   * read. DuckDB numbers no row by its line, so each row's number is its place in the read.
   */
  static Dialect.CsvRead read(
      DuckDbDialect d, SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    List<String> header = new ArrayList<>();
    for (String f : fields) header.add(d.literal(f) + ": 'VARCHAR'");
    String read =
        "read_csv("
            + d.literal(l.file())
            + ", header = false, skip = "
            + l.skip()
            + ", auto_detect = false, all_varchar = true, delim = "
            + d.literal(String.valueOf(l.delimiter()))
            + ", quote = '\"', escape = '\"', "
            // One field: an empty line reads as a NULL row, where the import reads no row; a
            // quoted "" stays '' (a blank field: an empty row) so that the two can be told apart.
            + (l.width() == 1 ? "allow_quoted_nulls = false, " : "")
            + "columns = {"
            + String.join(", ", header)
            + "}, store_rejects = true, rejects_table = "
            + d.literal(rejects)
            + ", rejects_scan = "
            + d.literal(scan)
            + ")";
    if (l.width() == 1) read = "(SELECT * FROM " + read + " WHERE \"column0\" IS NOT NULL)";
    return new Dialect.CsvRead(List.of(), read, "row_number() OVER ()");
  }

  /**
   * DuckDB's reject table (store_rejects in {@link #read}) has a row per error, so a short row once
   * per missing field: the first, by column, is the row's. A wrong number of fields says "Found: N"
   * in its message; any other error (an unterminated quote, bytes that are not UTF-8) has no count,
   * and stops the run (RefusedCsvRows).
   */
  static String refused(String rejects) {
    return "SELECT line, CAST(nullif(regexp_extract(error_message, 'Found: ([0-9]+)', 1), '')"
        + " AS BIGINT) AS found, error_message AS message, csv_line FROM (SELECT line,"
        + " error_message, csv_line, row_number() OVER (PARTITION BY line ORDER BY column_idx)"
        + " AS kpi_i FROM "
        + rejects
        + ") AS kpi_rejects WHERE kpi_i = 1 ORDER BY line";
  }
}
