package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read on PostgreSQL as kpi's importer reads it, with the records it would refuse set
 * aside for the quality report ({@link PostgresDialect#readCsv} and {@link
 * PostgresDialect#refusedCsvRows} hand over to it): COPY reads the file's lines, SQL joins, splits
 * and checks them.
 */
final class PostgresCsv {
  private PostgresCsv() {}

  /**
   * The file is loaded by {@code COPY … FROM 'file'} (the server reads it: a superuser or a member
   * of {@code pg_read_server_files}; from psql, {@code \copy} with the same options reads it on the
   * client) one physical line a row, as a single field ({@code FORMAT csv} with a delimiter and a
   * quote, U+0001 and U+0002, that exports do not hold), each line numbered by an identity column
   * in the file's order. SQL then does what COPY's own CSV reading cannot do as kpi's import does:
   * the header's line and those before it are skipped by number (COPY's HEADER skips one line
   * only); lines inside an open quote are joined into one record; empty lines are no record; each
   * record is split into fields (a quoted field unquoted, {@code ""} inside it a quote; an unquoted
   * empty field NULL, a quoted one ''); and a record with the wrong number of fields goes to {@code
   * rejects} with its line, where COPY would stop the whole load.
   */
  static Dialect.CsvRead read(
      PostgresDialect d,
      SourceRelations.Layout l,
      List<String> fields,
      String rejects,
      String scan) {
    String lines = d.quoteIdent(scan + "_lines");
    String records = d.quoteIdent(scan + "_records");
    String delim = PostgresParsers.u(l.delimiter());
    List<String> st = new ArrayList<>();
    st.add(
        "DROP TABLE IF EXISTS pg_temp."
            + lines
            + " CASCADE;\nCREATE TEMP TABLE "
            + lines
            + " (kpi_line bigint GENERATED ALWAYS AS IDENTITY, kpi_text text)");
    st.add(
        "COPY "
            + lines
            + " (kpi_text) FROM "
            + d.literal(l.file())
            + " (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02', ENCODING 'UTF8')");
    // A record starts on a line before which the quotes are balanced; most lines are a record by
    // themselves (balanced, and nothing open before them) and are kept as they are; only the lines
    // of a quoted field that spans lines are grouped and joined (on the 1M-row bench export,
    // grouping every line cost twice the time of this).
    String parity =
        "(length(coalesce(kpi_text, '')) - length(replace(coalesce(kpi_text, ''), '\"', ''))) % 2";
    String joined =
        "WITH kpi_o AS (SELECT kpi_line, kpi_text, kpi_q, coalesce(sum(kpi_q) OVER (ORDER BY"
            + " kpi_line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) % 2 AS kpi_open FROM"
            + " (SELECT kpi_line, kpi_text, "
            + parity
            + " AS kpi_q FROM "
            + lines
            + " WHERE kpi_line > "
            + l.skip()
            + ") AS kpi_l) SELECT kpi_line, kpi_text FROM kpi_o WHERE kpi_open = 0 AND kpi_q = 0"
            + " UNION ALL SELECT min(kpi_line), string_agg(coalesce(kpi_text, ''), E'\\n' ORDER BY"
            + " kpi_line) FROM (SELECT kpi_line, kpi_text, sum(CASE WHEN kpi_open = 0 THEN 1 ELSE 0"
            + " END) OVER (ORDER BY kpi_line) AS kpi_rec FROM kpi_o WHERE kpi_open = 1 OR kpi_q = 1)"
            + " AS kpi_r GROUP BY kpi_rec";
    // A record whose quotes only wrap whole, non-empty fields without a quote or delimiter inside
    // (the usual export: "Hỏi về khuyến mãi") is split by string_to_array, its quotes dropped; any
    // other by a regular expression, field by field: a quoted one (its "" a quote) or the text up
    // to the next delimiter (on the bench export, 8 s against 121 s for every record so).
    String plainField = "([^\"" + delim + "]*|\"[^\"" + delim + "]+\")";
    String plain = "^" + plainField + "(" + delim + plainField + ")*$";
    // Each field is matched with the delimiter before it, the record's text given one in front:
    // ARE takes the longest match at a place, so "(?:^|;)" would take ";b" over the empty field
    // before it, and a record starting with an empty field would lose it.
    String field = delim + "(\"(?:[^\"]|\"\")*\"|[^" + delim + "]*)";
    String split =
        "CASE WHEN kpi_text ~ "
            + d.literal(plain)
            + " THEN string_to_array(replace(kpi_text, '\"', ''), "
            + d.literal(String.valueOf(l.delimiter()))
            + ", '') ELSE ARRAY(SELECT CASE WHEN f[1] LIKE '\"%' THEN replace(substr(f[1], 2,"
            + " length(f[1]) - 2), '\"\"', '\"') ELSE nullif(f[1], '') END FROM"
            + " regexp_matches("
            + d.literal(String.valueOf(l.delimiter()))
            + " || kpi_text, "
            + d.literal(field)
            + ", 'g') WITH ORDINALITY AS kpi_f(f, i) ORDER BY i) END";
    st.add(
        d.createTempTable(
            records,
            "SELECT kpi_line, "
                + split
                + " AS kpi_fields FROM ("
                + joined
                + ") AS kpi_j WHERE kpi_text <> ''"));
    // A refused record keeps its line and its text for the quality report (refusedCsvRows): its
    // lines run up to the next record's first (a quoted field may span lines), found by joining a
    // series of line numbers to the lines, so a run's cost grows with the file, never with the
    // file times the refused records.
    st.add(
        d.createTempTable(
            d.quoteIdent(rejects),
            "SELECT kpi_r.kpi_line AS line, kpi_r.kpi_k AS fields, string_agg(coalesce(kpi_t.kpi_text,"
                + " ''), E'\\n' ORDER BY kpi_t.kpi_line) AS csv_line FROM (SELECT kpi_line, kpi_k,"
                + " kpi_next FROM (SELECT kpi_line, cardinality(kpi_fields) AS kpi_k,"
                + " lead(kpi_line) OVER (ORDER BY kpi_line) AS kpi_next FROM "
                + records
                + ") AS kpi_a WHERE kpi_k <> "
                + l.width()
                + ") AS kpi_r CROSS JOIN LATERAL generate_series(kpi_r.kpi_line,"
                + " coalesce(kpi_r.kpi_next - 1, (SELECT max(kpi_line) FROM "
                + lines
                + "))) AS kpi_g(kpi_n) JOIN "
                + lines
                + " AS kpi_t ON kpi_t.kpi_line = kpi_g.kpi_n GROUP BY kpi_r.kpi_line, kpi_r.kpi_k"));
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++)
      columns.add("kpi_fields[" + (i + 1) + "] AS " + d.quoteIdent(fields.get(i)));
    String relation =
        "(SELECT row_number() OVER (ORDER BY kpi_line) AS kpi_n, "
            + String.join(", ", columns)
            + " FROM "
            + records
            + " WHERE cardinality(kpi_fields) = "
            + l.width()
            + ") AS kpi_csv";
    return new Dialect.CsvRead(st, relation, "kpi_n");
  }

  /**
   * The records {@link #read} set aside (a wrong number of fields), in the file's order: the line a
   * record starts on, its fields, and its text, so that the quality report counts and shows them as
   * the default engine does, where COPY itself would have stopped the load.
   */
  static String refused(String rejects) {
    return "SELECT line, fields AS found, CAST(NULL AS text) AS message, csv_line FROM "
        + rejects
        + " ORDER BY line";
  }
}
