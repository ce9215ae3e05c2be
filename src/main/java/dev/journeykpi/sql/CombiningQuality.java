package dev.journeykpi.sql;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.DistinctDef;
import dev.journeykpi.config.JoinDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.QualityReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What combining a source in SQL ({@link CombinedSources}) adds to its quality report, counted in
 * SQL as the import and the joiner count it: the rows {@code distinct:} dropped as duplicates (no
 * longer used) with its notes, each join's unmatched rows and keys, and a join key on several rows
 * of the other source without {@code many:}, which stops the run with TableJoiner's message.
 */
final class CombiningQuality {
  private final Dialect d;
  private final Definition def;
  private final CombinedSources views;

  CombiningQuality(Dialect d, Definition def, CombinedSources views) {
    this.d = d;
    this.def = def;
    this.views = views;
  }

  /**
   * The report with what combining the source left out or blanked, as the import and the joiner
   * count it: duplicates under {@code distinct:} (no longer used) and its notes, then each join's
   * unmatched rows. A join key on several rows of the other source without {@code many:} stops the
   * run with TableJoiner's message.
   */
  public QualityReport quality(Connection conn, SourceDef s, QualityReport q) throws SQLException {
    if (!views.combines(s)) return q;
    // As the import and the joiner name the file: distinct's drops by the pattern when several
    // files matched it, a join's unmatched keys by the first file.
    String file = q.files().isEmpty() ? s.file() : q.files().get(0);
    if (s.distinct() != null)
      q = distinctQuality(conn, s, q, q.files().size() == 1 ? file : s.file());
    int n = 0;
    for (JoinDef j : views.performed(s)) {
      String left = views.stage(s, "join" + n++ + "_left");
      several(conn, j);
      q = unmatched(conn, j, left, q, file);
    }
    return q;
  }

  private QualityReport distinctQuality(Connection conn, SourceDef s, QualityReport q, String file)
      throws SQLException {
    DistinctDef dd = s.distinct();
    String t = views.stage(s, "distinct");
    long blankKeys = SqlValues.count(conn, "SELECT count(*) FROM " + t + " WHERE kpi_key_blank");
    List<String> notes = new ArrayList<>();
    if (blankKeys > 0)
      notes.add(
          "distinct: "
              + blankKeys
              + (blankKeys == 1 ? " row has" : " rows have")
              + " a blank "
              + dd.keyText()
              + "; each is kept as a row of its own");
    if (dd.by() != null) {
      long keptWithoutBy =
          SqlValues.count(
              conn,
              "SELECT count(*) FROM "
                  + t
                  + " WHERE NOT kpi_key_blank AND kpi_rank = 1 AND "
                  + d.quoteIdent(dd.by())
                  + " IS NULL");
      if (keptWithoutBy > 0)
        notes.add(
            "distinct: "
                + keptWithoutBy
                + " "
                + (keptWithoutBy == 1 ? "key has" : "keys have")
                + " no "
                + dd.by()
                + " on any row; the "
                + (dd.keepLast() ? "last" : "first")
                + " in the file is kept");
    }
    q = q.withWarnings(notes, List.of());
    String key = dd.keyText();
    String keep = dd.keepLast() ? "last" : "first";
    String placed =
        "duplicate "
            + key
            + ": "
            + (dd.keepLast() ? "an earlier" : "a later")
            + " row "
            + (dd.by() == null ? "in the file" : "by " + dd.by())
            + " (distinct keeps the "
            + keep
            + ")";
    String dropped = "NOT kpi_key_blank AND kpi_rank > 1";
    String byBlank = dd.by() == null ? "FALSE" : d.quoteIdent(dd.by()) + " IS NULL";
    q = dropped(conn, s, t, q, file, placed, dropped + " AND NOT (" + byBlank + ")");
    if (dd.by() != null)
      q =
          dropped(
              conn,
              s,
              t,
              q,
              file,
              "duplicate "
                  + key
                  + " without "
                  + dd.by()
                  + " (distinct keeps the "
                  + keep
                  + ": a row with "
                  + dd.by()
                  + ", else the "
                  + keep
                  + " in the file)",
              dropped + " AND " + byBlank);
    return q;
  }

  /** Rows left out for one reason, with the first three (key, and @ by) as examples. */
  private QualityReport dropped(
      Connection conn,
      SourceDef s,
      String table,
      QualityReport q,
      String file,
      String reason,
      String where)
      throws SQLException {
    DistinctDef dd = s.distinct();
    long n = SqlValues.count(conn, "SELECT count(*) FROM " + table + " WHERE " + where);
    if (n == 0) return q;
    List<String> cols = new ArrayList<>();
    for (String k : dd.key()) cols.add(d.quoteIdent(k));
    if (dd.by() != null) cols.add(d.quoteIdent(dd.by()));
    List<QualityReport.Problem> examples = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + String.join(", ", cols)
                    + " FROM "
                    + table
                    + " WHERE "
                    + where
                    + " ORDER BY kpi_record LIMIT 3")) {
      while (r.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < dd.key().size(); i++) {
          if (i > 0) b.append(", ");
          b.append(r.getString(i + 1));
        }
        if (dd.by() != null) {
          b.append(" @ ");
          b.append(shownBy(s.columns().get(dd.by()).type(), r.getObject(dd.key().size() + 1)));
        }
        examples.add(
            new QualityReport.Problem(
                QualityReport.Kind.DROPPED, reason, file, 0, dd.keyText(), b.toString()));
      }
    }
    return q.withDropped(reason, n, examples);
  }

  /** A {@code by} value as DistinctRows shows it: a date-time without zero seconds. */
  private static String shownBy(ValueType t, Object v) {
    if (v == null) return "(blank)";
    if (t == ValueType.DATETIME) {
      java.time.LocalDateTime x =
          v instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (java.time.LocalDateTime) v;
      String s = x.toLocalDate() + " " + String.format("%02d:%02d", x.getHour(), x.getMinute());
      return x.getSecond() != 0 ? s + String.format(":%02d", x.getSecond()) : s;
    }
    if (t == ValueType.DATE) return v.toString();
    if (t == ValueType.NUMBER)
      return tech.tablesaw.api.DoubleColumn.create("", new double[] {((Number) v).doubleValue()})
          .getString(0);
    return v.toString();
  }

  /** TableJoiner's error for a key on several rows of the other source without {@code many:}. */
  private void several(Connection conn, JoinDef j) throws SQLException {
    if (j.many() != null) return;
    SourceDef other = def.sources().get(j.source());
    List<String> k = views.keys(new ArrayList<>(j.on().values()), "");
    List<String> shown = new ArrayList<>();
    for (String c : j.on().values()) shown.add("coalesce(" + d.quoteIdent(c) + ", '(blank)')");
    List<String> named = new ArrayList<>();
    List<String> notNull = new ArrayList<>();
    for (int i = 0; i < k.size(); i++) {
      named.add(k.get(i) + " AS kpi_key" + i);
      notNull.add("kpi_key" + i + " IS NOT NULL");
    }
    String byKey = "PARTITION BY " + String.join(", ", keyList(k.size()));
    // Each row's data row (from 1, every row of the other source counted), and its place among the
    // rows of its key: a key is on several rows when it has a second row, and the keys are listed
    // in the order of their second rows. Only the first ten rows of the first five keys are read
    // back (at most 50 rows), with the number of such keys.
    String placed =
        "SELECT kpi_row, kpi_shown, "
            + String.join(", ", keyList(k.size()))
            + ", row_number() OVER ("
            + byKey
            + " ORDER BY kpi_row) AS kpi_i FROM (SELECT row_number() OVER (ORDER BY kpi_record)"
            + " AS kpi_row, "
            + String.join(" || ' / ' || ", shown)
            + " AS kpi_shown, "
            + String.join(", ", named)
            + " FROM "
            + views.rows(other)
            + ") AS kpi_numbered WHERE "
            + String.join(" AND ", notNull);
    String sql =
        "SELECT kpi_second, kpi_i, kpi_row, kpi_shown, kpi_keys FROM (SELECT kpi_row, kpi_shown,"
            + " kpi_i, max(CASE WHEN kpi_i = 2 THEN kpi_row END) OVER ("
            + byKey
            + ") AS kpi_second, count(CASE WHEN kpi_i = 2 THEN 1 END) OVER () AS kpi_keys FROM ("
            + placed
            + ") AS kpi_placed) AS kpi_several WHERE kpi_second IS NOT NULL AND kpi_i <= 10"
            + " ORDER BY kpi_second, kpi_i LIMIT 50";
    List<String> lines = new ArrayList<>();
    long keys = 0;
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql)) {
      long key = -1;
      String first = null;
      List<String> rows = new ArrayList<>();
      while (r.next()) {
        keys = r.getLong(5);
        if (r.getLong(1) != key) {
          if (key >= 0) lines.add("'" + first + "' on data rows " + String.join(", ", rows));
          if (lines.size() == 5) break;
          key = r.getLong(1);
          first = r.getString(4);
          rows.clear();
        }
        rows.add(String.valueOf(r.getLong(3)));
      }
      if (key >= 0 && lines.size() < 5)
        lines.add("'" + first + "' on data rows " + String.join(", ", rows));
    }
    if (keys == 0) return;
    throw new DataException(
        "source '"
            + other.id()
            + "' is joined on "
            + String.join(", ", j.on().values())
            + ", but "
            + (keys == 1 ? "a key matches" : keys + " keys match")
            + " several of its rows: "
            + String.join("; ", lines)
            + (keys > 5 ? "; …" : "")
            + " (data rows count from 1 below the header, rejected rows left out). Remove the"
            + " duplicates, or say which row wins with many: first|last (and by: a column)");
  }

  private static List<String> keyList(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add("kpi_key" + i);
    return out;
  }

  /**
   * The rows of the left relation whose keys found no row, counted as TableJoiner counts them:
   * rows, distinct keys as written (every key with a blank part one), the first three keys in row
   * order.
   */
  private QualityReport unmatched(
      Connection conn, JoinDef j, String left, QualityReport q, String file) throws SQLException {
    List<String> mine = new ArrayList<>(j.on().keySet());
    List<String> k = views.keys(mine, "kpi_left.");
    List<String> on = new ArrayList<>();
    for (int i = 0; i < k.size(); i++) on.add(k.get(i) + " = kpi_right.kpi_key" + i);
    List<String> anyBlank = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String c : mine) {
      String ref = "kpi_left." + d.quoteIdent(c);
      anyBlank.add(ref + " IS NULL");
      shown.add("coalesce(" + ref + ", '(blank)')");
    }
    // The keys as written, every key with a blank part one key (all its parts NULL), numbered
    // within each key in row order: a key's first row stands for it.
    List<String> raw = new ArrayList<>();
    List<String> rawNames = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      raw.add(
          "CASE WHEN "
              + String.join(" OR ", anyBlank)
              + " THEN NULL ELSE kpi_left."
              + d.quoteIdent(mine.get(i))
              + " END AS kpi_raw"
              + i);
      rawNames.add("kpi_raw" + i);
    }
    String keyed =
        "(SELECT kpi_record, kpi_shown, row_number() OVER (PARTITION BY "
            + String.join(", ", rawNames)
            + " ORDER BY kpi_record) AS kpi_i FROM (SELECT kpi_left.kpi_record, "
            + String.join(" || ' / ' || ", shown)
            + " AS kpi_shown, "
            + String.join(", ", raw)
            + " FROM "
            + left
            + " AS kpi_left LEFT JOIN "
            + views.winners(j)
            + " AS kpi_right ON "
            + String.join(" AND ", on)
            + " WHERE kpi_right.kpi_key0 IS NULL) AS kpi_unmatched) AS kpi_keyed";
    long rows;
    long kinds;
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT count(*), count(CASE WHEN kpi_i = 1 THEN 1 END) FROM " + keyed)) {
      r.next();
      rows = r.getLong(1);
      kinds = r.getLong(2);
    }
    if (rows == 0) return q;
    String keysText = String.join(", ", j.on().keySet());
    String start = keysText + " not found in " + j.source() + " (join)";
    List<QualityReport.Problem> examples = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT kpi_shown FROM "
                    + keyed
                    + " WHERE kpi_i = 1 ORDER BY kpi_record LIMIT 3")) {
      while (r.next())
        examples.add(
            new QualityReport.Problem(
                j.dropUnmatched() ? QualityReport.Kind.REJECTED : QualityReport.Kind.BLANKED,
                start,
                file,
                0,
                keysText,
                r.getString(1)));
    }
    String counted = String.format("%,d", kinds);
    if (j.dropUnmatched()) {
      String eg =
          examples.stream()
              .map(p -> "'" + p.value() + "'")
              .reduce((a, b) -> a + ", " + b)
              .orElse("");
      return q.withUnmatchedDropped(
          "rows whose "
              + keysText
              + " is not in "
              + j.source()
              + " (join, unmatched: drop; "
              + counted
              + " key(s), e.g. "
              + eg
              + ")",
          rows,
          examples);
    }
    return q.withUnmatchedKept(
        start + ": its joined columns are blank (" + counted + " key(s))", rows, examples);
  }
}
