package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import java.util.ArrayList;
import java.util.List;

/**
 * A source's typed table and the view of its rows used, over a relation of its fields (a CSV read
 * as text, Parquet files, a table of the database): each column in three steps ({@link
 * FieldTyping.ColumnSql}: trimmed, its text, its typed value), each row with its record number,
 * which orders the quality report's examples and says a row's file.
 */
final class TypedTable {
  /**
   * A row of a source of several files is numbered {@code file << FILE_BITS | row in the file}, so
   * that its number says its file and orders the rows as the files' name order and their own.
   */
  static final int FILE_BITS = 40;

  private final Dialect d;

  TypedTable(Dialect d) {
    this.d = d;
  }

  /** The table of the source's typed rows, rejected ones included. */
  String typedTable(SourceDef s) {
    return d.quoteIdent("kpi_typed_" + s.id());
  }

  /** The view of the rows used: what a KPI reads. */
  String rows(SourceDef s) {
    return d.quoteIdent("kpi_rows_" + s.id());
  }

  /**
   * The typed table over {@code read} (a relation of the file's fields, in the file's order) and
   * the view of the rows used.
   *
   * @param record each row's number over {@code read}, for the order of the quality report's
   *     examples
   * @param empty whether a row of {@code read} is an empty row (every field blank), or null where
   *     there are none (Parquet): such rows are kept in the typed table, marked {@code kpi_empty},
   *     counted as rejected and never used
   */
  List<String> statements(
      SourceDef s,
      String read,
      String record,
      boolean materialized,
      List<ColumnDef> columns,
      List<FieldTyping.ColumnSql> each,
      String empty) {
    String mark = empty == null ? "" : "kpi_empty, ";
    List<String> trimmed = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> typed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      trimmed.add(each.get(i).raw());
      texts.add(each.get(i).text());
      if (each.get(i).cleaned() != null) {
        // Set beside the field, then carried to the typed table as it is.
        String cleaned = d.quoteIdent(FieldTyping.cleanedColumn(columns.get(i)));
        trimmed.add(each.get(i).cleaned());
        texts.add(cleaned);
        typed.add(cleaned);
      }
      if (each.get(i).textIsValue()) {
        typed.add(d.quoteIdent(columns.get(i).name()));
      } else {
        typed.add(d.quoteIdent(columns.get(i).name() + "__text"));
        typed.add(each.get(i).typed());
      }
    }
    // Lists joined whole: a source of which no column is read (a count of rows) has none, and
    // only DuckDB takes a trailing comma in a SELECT list.
    String select =
        "SELECT "
            + listed("kpi_record", mark, typed)
            + " FROM (SELECT "
            + listed("kpi_record", mark, texts)
            + " FROM (SELECT "
            + listed(
                record + " AS kpi_record", empty == null ? "" : empty + " AS kpi_empty, ", trimmed)
            + " FROM "
            + read
            + ") AS kpi_fields) AS kpi_texts";
    List<String> out = new ArrayList<>();
    out.add(
        materialized
            ? d.createTempTable(typedTable(s), select)
            : d.createTempView(typedTable(s), select));
    List<String> ok = new ArrayList<>();
    if (empty != null) ok.add("NOT kpi_empty");
    for (ColumnDef c : columns) if (c.required()) ok.add(d.quoteIdent(c.name()) + " IS NOT NULL");
    out.add(
        d.createTempView(
            rows(s),
            "SELECT * FROM "
                + typedTable(s)
                + (ok.isEmpty() ? "" : " WHERE " + String.join(" AND ", ok))));
    return out;
  }

  /** The record's column, the empty-row mark (with its ", ") if any, then the columns. */
  private static String listed(String record, String mark, List<String> columns) {
    List<String> all =
        new ArrayList<>(
            List.of(record + (mark.isEmpty() ? "" : ", " + mark.substring(0, mark.length() - 2))));
    all.addAll(columns);
    return String.join(", ", all);
  }
}
