package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read by Spark's own CSV reader, with the records kpi would refuse set aside for the
 * quality report ({@link SparkDialect#readCsv} and {@link SparkDialect#refusedCsvRows} hand over to
 * it).
 */
final class SparkCsv {
  private SparkCsv() {}

  /**
   * Spark's CSV reader, every field a STRING, through a temporary view of the file ({@code scan}):
   *
   * <ul>
   *   <li>a row with more or fewer fields than the header is a malformed record to Spark (since
   *       3.0), which PERMISSIVE mode keeps, its fields padded or cut, with its text in the column
   *       {@code kpi_corrupt}: kpi rejects such rows, so they go to the view {@code rejects}, with
   *       their record number and text, and not to the relation (Spark refuses a query that reads
   *       the corrupt-record column alone, {@code count(*)} included: read a field beside it);
   *   <li>{@code multiLine}: a quoted field may hold line breaks, and a file is then read whole by
   *       one task, so {@code monotonically_increasing_id()} counts its records 0, 1, 2 … in the
   *       file's order (Spark's {@code row_number() OVER ()} has no order). The header's line and
   *       those before it are the first {@code skip} records. Spark skips empty lines, which then
   *       have no number (kpi reads no row from them either).
   * </ul>
   */
  static Dialect.CsvRead read(
      SparkDialect d, SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    List<String> schema = new ArrayList<>();
    for (String f : fields) schema.add(d.quoteIdent(f) + " STRING");
    schema.add("kpi_corrupt STRING");
    String view = d.quoteIdent(scan);
    String create =
        "CREATE OR REPLACE TEMPORARY VIEW "
            + view
            + " ("
            + String.join(", ", schema)
            + ") USING csv OPTIONS (path "
            + d.literal(l.file())
            + ", header 'false', sep "
            + d.literal(String.valueOf(l.delimiter()))
            + ", quote '\"', escape '\"', multiLine 'true', mode 'PERMISSIVE',"
            + " columnNameOfCorruptRecord 'kpi_corrupt', encoding 'UTF-8',"
            + " ignoreLeadingWhiteSpace 'false', ignoreTrailingWhiteSpace 'false')";
    String numbered =
        "(SELECT *, monotonically_increasing_id() + 1 - "
            + l.skip()
            + " AS kpi_line FROM "
            + view
            + ") AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS ";
    String reject =
        d.createTempView(
            d.quoteIdent(rejects),
            // Its fields too: Spark refuses a query of a file's corrupt-record column alone.
            "SELECT kpi_line, "
                + String.join(", ", fields.stream().map(d::quoteIdent).toList())
                + ", kpi_corrupt, "
                + d.quoteIdent(fields.get(0))
                + " AS kpi_first_field, kpi_line + "
                + l.skip()
                + " AS kpi_file_record, "
                + fieldCount(d, "kpi_corrupt", l.delimiter())
                + " AS kpi_found FROM "
                + numbered
                + "NOT NULL");
    String relation = "(SELECT * FROM " + numbered + "NULL)";
    return new Dialect.CsvRead(List.of(create, reject), relation, "kpi_line");
  }

  /**
   * The number of fields of a CSV record's text: its delimiters outside quotes, plus one (the
   * quoted parts taken out first, {@code ""} inside them included). NULL when a quote is left
   * unclosed in a record Spark set aside: Spark read the rest of the file into it, where the
   * default engine ends the field at the line and reads on, so the run stops rather than count
   * other rows (SourceRelations.quality). A quote opened in a record's last field gives it the
   * right width, and Spark keeps it: {@code --engine spark} stops on it before Spark reads the file
   * (SparkBackend#checkCsv, a pass over the file's bytes on the driver); SQL run elsewhere does not
   * see it (docs/engines.md).
   */
  private static String fieldCount(SparkDialect d, String record, char delimiter) {
    String unquoted =
        "regexp_replace(" + record + ", " + d.literal("\"[^\"]*(?:\"\"[^\"]*)*\"") + ", '')";
    return "CASE WHEN instr("
        + unquoted
        + ", '\"') = 0 THEN size(split("
        + unquoted
        + ", "
        + d.literal(java.util.regex.Pattern.quote(String.valueOf(delimiter)))
        + ", -1)) END";
  }

  /**
   * The rows {@link #read} set aside, for the quality report. Spark does not say which line a
   * record starts on: {@code line} is the record's number in the file (the header's records
   * counted), which is its line unless a quoted field before it holds a line break or an empty line
   * comes before it (Spark skips those). {@code found} is its number of fields, counted from its
   * text, or NULL for a quote left unclosed ({@link #fieldCount}). The record's first field is read
   * too, unused: Spark refuses a query of a CSV file that reads only its corrupt-record column.
   */
  static String refused(String rejects) {
    return "SELECT kpi_file_record AS line, kpi_found AS found, CASE WHEN kpi_found IS NULL THEN"
        + " 'a quote is not closed' ELSE 'malformed CSV record' END AS message,"
        + " kpi_corrupt AS csv_line, kpi_first_field FROM "
        + rejects
        + " ORDER BY kpi_file_record";
  }
}
