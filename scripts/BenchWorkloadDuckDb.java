import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload benchmark's other side (scripts/bench-workload.sh): the KPIs of
 * scripts/bench-workload.yaml written in plain SQL and run by DuckDB (in process, through its JDBC
 * driver) on the same three CSV files, for the last complete month of the data, printed as CSV in
 * the columns of {@code kpi report -f csv} (kpi, period, campaign, stage, step, value, numerator,
 * denominator, n) so that scripts/BenchCompare.java can hold the two side by side. This is what a
 * DuckDB user would write by hand — nothing of kpi's own SQL engine — and follows kpi's documented
 * rules (docs/kpis.md), which the comments below repeat where SQL has to spell them out.
 *
 * <p>Usage, with DuckDB's jar on the class path: {@code java -cp duckdb_jdbc.jar
 * scripts/BenchWorkloadDuckDb.java TICKETS.csv STAGES.csv ORDERS.csv}
 */
public class BenchWorkloadDuckDb {
  /** The definition's calendar: Monday–Friday 08:00–12:00 and 13:30–17:30, Saturday mornings. */
  static final String[] HOLIDAYS = {
    "2026-01-01",
    "2026-02-14",
    "2026-02-15",
    "2026-02-16",
    "2026-02-17",
    "2026-02-18",
    "2026-02-19",
    "2026-02-20",
    "2026-02-21",
    "2026-02-22",
    "2026-04-30",
    "2026-05-01",
    "2026-09-02"
  };

  static final String[] STAGES = {"new", "interested", "potential", "trial", "bought"};

  final Connection db;
  final List<String> out = new ArrayList<>();
  String period;

  BenchWorkloadDuckDb(Connection db) {
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      BenchWorkloadDuckDb w = new BenchWorkloadDuckDb(db);
      w.load(args[0], args[1], args[2]);
      w.run();
      System.out.println("kpi,period,campaign,stage,step,value,numerator,denominator,n");
      w.out.forEach(System.out::println);
    }
  }

  void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  /** Each file read once, typed, into a table of the columns the KPIs read. */
  void load(String tickets, String stages, String orders) throws SQLException {
    String opts =
        "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
            + " timestampformat = '%d/%m/%Y %H:%M'";
    exec(
        "CREATE TABLE t AS SELECT \"Created At\" AS created_at, \"First Response At\" AS first_at,"
            + " \"Resolved At\" AS resolved_at, \"CSAT\" AS csat, \"Contacts\" AS contacts"
            + " FROM read_csv('"
            + tickets
            + "', "
            + opts
            + ", columns = {'Ticket ID': 'VARCHAR', 'Created At': 'TIMESTAMP',"
            + " 'First Response At': 'TIMESTAMP', 'Resolved At': 'TIMESTAMP', 'Channel': 'VARCHAR',"
            + " 'Priority': 'VARCHAR', 'Status': 'VARCHAR', 'Agent': 'VARCHAR', 'Team': 'VARCHAR',"
            + " 'Customer ID': 'VARCHAR', 'Subject': 'VARCHAR', 'CSAT': 'DOUBLE', 'Contacts': 'DOUBLE',"
            + " 'Reopened': 'VARCHAR', 'Tags': 'VARCHAR', 'Amount': 'DOUBLE'})");
    // A stage value: 0–4 the stages in order, -1 the lost outcome; any other value is left out.
    exec(
        "CREATE TABLE e AS SELECT * FROM (SELECT \"Mã khách hàng\" AS lid, \"Chiến dịch\" AS"
            + " campaign, CASE \"Giai đoạn\" WHEN 'Mới' THEN 0 WHEN 'Có hứng thú' THEN 1"
            + " WHEN 'Tiềm năng' THEN 2 WHEN 'Dùng thử 7 ngày' THEN 3 WHEN 'Mua hàng' THEN 4"
            + " WHEN 'Không mua' THEN -1 END AS k, \"Ngày chuyển giai đoạn\" AS ts FROM read_csv('"
            + stages
            + "', "
            + opts
            + ", columns = {'Mã khách hàng': 'VARCHAR', 'Chiến dịch': 'VARCHAR',"
            + " 'Phòng ban': 'VARCHAR', 'Giai đoạn': 'VARCHAR', 'Ngày chuyển giai đoạn': 'TIMESTAMP'}))"
            + " WHERE k IS NOT NULL AND lid IS NOT NULL AND ts IS NOT NULL");
    // Activity: completed orders with a customer and a date, one row per customer and day.
    exec(
        "CREATE TABLE o AS SELECT \"Ngày đặt\" AS created_at, \"Mã khách hàng\" AS customer,"
            + " \"Trạng thái\" AS status FROM read_csv('"
            + orders
            + "', "
            + opts
            + ", columns = {'Mã đơn': 'VARCHAR', 'Ngày đặt': 'TIMESTAMP', 'Mã khách hàng': 'VARCHAR',"
            + " 'Kênh bán': 'VARCHAR', 'Số tiền (VND)': 'DOUBLE', 'Trạng thái': 'VARCHAR'})");
  }

  void run() throws SQLException {
    // The last complete month: the latest day of any source's time column; its month when that day
    // ends it, else the month before (docs/monthly-scorecard.md).
    LocalDate end;
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT max(d) FROM (SELECT max(created_at)::DATE AS d FROM t UNION ALL"
                    + " SELECT max(ts)::DATE FROM e UNION ALL SELECT max(created_at)::DATE FROM o)")) {
      r.next();
      end = r.getObject(1, LocalDate.class);
    }
    LocalDate start = end.withDayOfMonth(1);
    if (!end.equals(start.plusMonths(1).minusDays(1))) start = start.minusMonths(1);
    LocalDate next = start.plusMonths(1);
    period = start.toString().substring(0, 7);
    String ps = "TIMESTAMP '" + start + " 00:00:00'", pe = "TIMESTAMP '" + next + " 00:00:00'";
    String inPeriod = "created_at >= " + ps + " AND created_at < " + pe;
    service(inPeriod, ps, pe);
    customers(start, next.minusDays(1));
    funnel(ps, pe);
  }

  void service(String inPeriod, String ps, String pe) throws SQLException {
    // Working time as a running total: each working interval with the working seconds before it;
    // the working seconds from a time t since the first interval are those of the last interval
    // starting at or before t, plus t's part of it. A duration is the difference of two.
    StringBuilder holidays = new StringBuilder();
    for (String h : HOLIDAYS)
      holidays.append(holidays.isEmpty() ? "" : ", ").append("DATE '" + h + "'");
    exec(
        "CREATE TABLE seg AS WITH days AS (SELECT CAST(d AS DATE) AS d FROM range("
            + "(SELECT min(created_at)::DATE - 1 FROM t)::TIMESTAMP,"
            + " (SELECT greatest(max(first_at), max(resolved_at))::DATE + 2 FROM t)::TIMESTAMP,"
            + " INTERVAL 1 DAY) r(d) WHERE CAST(d AS DATE) NOT IN ("
            + holidays
            + ")), iv AS (SELECT d + TIME '08:00' AS s, d + TIME '12:00' AS e FROM days"
            + " WHERE isodow(d) <= 6 UNION ALL SELECT d + TIME '13:30', d + TIME '17:30' FROM days"
            + " WHERE isodow(d) <= 5) SELECT s, e, coalesce(sum(epoch(e) - epoch(s)) OVER (ORDER BY s"
            + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cum FROM iv");
    // FRT in business minutes: tickets created in the period that have a first response (the
    // others are open, not 0).
    query(
        "WITH f AS (SELECT created_at, first_at FROM t WHERE "
            + inPeriod
            + " AND first_at IS NOT NULL), w AS (SELECT (coalesce(b.cum + least(epoch(f.first_at)"
            + " - epoch(b.s), epoch(b.e) - epoch(b.s)), 0) - coalesce(a.cum"
            + " + least(epoch(f.created_at) - epoch(a.s), epoch(a.e) - epoch(a.s)), 0)) / 60 AS m"
            + " FROM f ASOF LEFT JOIN seg a ON f.created_at >= a.s ASOF LEFT JOIN seg b"
            + " ON f.first_at >= b.s) SELECT quantile_cont(m, 0.5), quantile_cont(m, 0.9), avg(m),"
            + " count(*) FROM w",
        r -> {
          long n = r.getLong(4);
          row("frt_median", "", "", "", num(r, 1), "", "", n);
          row("frt_p90", "", "", "", num(r, 2), "", "", n);
          row("frt_mean", "", "", "", num(r, 3), "", "", n);
        });
    // Handling time: first response to resolution, calendar minutes, both known.
    query(
        "SELECT avg(epoch(resolved_at) - epoch(first_at)) / 60, count(*) FROM t WHERE "
            + inPeriod
            + " AND first_at IS NOT NULL AND resolved_at IS NOT NULL",
        r -> row("aht", "", "", "", num(r, 1), "", "", r.getLong(2)));
    // FCR: resolved tickets with at most one contact ÷ resolved tickets.
    query(
        "SELECT count(*) FILTER (WHERE contacts <= 1), count(*) FROM t WHERE "
            + inPeriod
            + " AND resolved_at IS NOT NULL",
        r -> ratio("fcr", "", "", "", r.getLong(1), r.getLong(2)));
    // CSAT: answers of 4 or 5 ÷ answers on the 1–5 scale (blank answers left out).
    query(
        "SELECT count(*) FILTER (WHERE csat IN (4, 5)), count(*) FILTER (WHERE csat IN (1, 2, 3,"
            + " 4, 5)) FROM t WHERE "
            + inPeriod,
        r -> ratio("csat", "", "", "", r.getLong(1), r.getLong(2)));
  }

  /**
   * Active at the end of day d: the last activity on or before d is less than 90 days before d.
   * New: first activity in the period. Churn: active at the end of the day before the period and
   * not at its last day, ÷ active at the start. Reactivated: activity days in the period whose
   * previous activity day was at least 90 days before the day before.
   */
  void customers(LocalDate first, LocalDate last) throws SQLException {
    String f = "DATE '" + first + "'", l = "DATE '" + last + "'";
    String s = "DATE '" + first.minusDays(1) + "'";
    query(
        "WITH act AS (SELECT DISTINCT customer AS c, created_at::DATE AS d FROM o WHERE status ="
            + " 'Hoàn thành' AND customer IS NOT NULL AND created_at IS NOT NULL), a AS (SELECT c,"
            + " d, lag(d) OVER (PARTITION BY c ORDER BY d) AS prev FROM act), per AS (SELECT c,"
            + " max(d) FILTER (WHERE d <= "
            + l
            + ") AS last_end, max(d) FILTER (WHERE d <= "
            + s
            + ") AS last_start, min(d) AS first_d, count(*) FILTER (WHERE d BETWEEN "
            + f
            + " AND "
            + l
            + " AND prev IS NOT NULL AND (d - prev) - 1 >= 90) AS back FROM a GROUP BY c)"
            + " SELECT count(*) FILTER (WHERE "
            + l
            + " - last_end < 90), count(*) FILTER (WHERE first_d BETWEEN "
            + f
            + " AND "
            + l
            + "), count(*) FILTER (WHERE "
            + s
            + " - last_start < 90), count(*) FILTER (WHERE "
            + s
            + " - last_start < 90 AND NOT coalesce("
            + l
            + " - last_end < 90, false)), sum(back) FROM per",
        r -> {
          row("active", "", "", "", Double.toString(r.getLong(1)), "", "", r.getLong(1));
          row("new", "", "", "", Double.toString(r.getLong(2)), "", "", r.getLong(2));
          ratio("churn", "", "", "", r.getLong(4), r.getLong(3));
          row("reactivated", "", "", "", Double.toString(r.getLong(5)), "", "", r.getLong(5));
        });
  }

  /**
   * The lead funnel by campaign, cohort of the period (leads whose earliest entry of any kind is in
   * it), stages filled in (a lead reached every stage up to the furthest it entered). A lead is
   * lost when its latest entry is the lost outcome (at the same moment a stage entry comes first)
   * and it never entered the last stage. Time to the next stage: between the first entries of two
   * consecutive stages it entered, in that order; time in a stage: every stay added up, a stay
   * lasting from a run of entries into the stage to the next entry into another (open stays not
   * counted). Times in days. The generated leads each belong to one campaign.
   */
  void funnel(String ps, String pe) throws SQLException {
    StringBuilder lead = new StringBuilder();
    for (int k = 0; k < 5; k++) {
      lead.append(", min(ts) FILTER (WHERE k = ").append(k).append(") AS f").append(k);
      lead.append(", sum(stay) FILTER (WHERE k = ").append(k).append(") AS in").append(k);
    }
    StringBuilder agg = new StringBuilder();
    for (int k = 0; k < 5; k++) {
      agg.append(", count(*) FILTER (WHERE maxk >= ").append(k).append(")");
      agg.append(", count(*) FILTER (WHERE maxk > ").append(k).append(")");
      agg.append(", count(*) FILTER (WHERE lost AND maxk = ").append(k).append(" AND f4 IS NULL)");
      String gap = k < 4 ? "(epoch(f" + (k + 1) + ") - epoch(f" + k + ")) / 86400" : "NULL::DOUBLE";
      String has =
          k < 4
              ? "maxk > " + k + " AND f" + k + " IS NOT NULL AND f" + (k + 1) + " >= f" + k
              : "false";
      agg.append(", quantile_cont(")
          .append(gap)
          .append(", 0.5) FILTER (WHERE ")
          .append(has)
          .append(")");
      agg.append(", quantile_cont(")
          .append(gap)
          .append(", 0.9) FILTER (WHERE ")
          .append(has)
          .append(")");
      agg.append(", count(*) FILTER (WHERE ").append(has).append(")");
      agg.append(", quantile_cont(in").append(k).append(" / 86400, 0.5) FILTER (WHERE maxk >= ");
      agg.append(k).append(" AND in").append(k).append(" IS NOT NULL)");
      agg.append(", count(*) FILTER (WHERE maxk >= ").append(k).append(" AND in").append(k);
      agg.append(" IS NOT NULL)");
    }
    query(
        "WITH o AS (SELECT lid, campaign, k, ts, row_number() OVER (PARTITION BY lid ORDER BY ts,"
            + " CASE WHEN k < 0 THEN 99 ELSE k END) AS rn FROM e), r AS (SELECT *, lag(k) OVER"
            + " (PARTITION BY lid ORDER BY rn) AS pk FROM o), runs AS (SELECT *, lead(ts) OVER"
            + " (PARTITION BY lid ORDER BY rn) AS nat FROM r WHERE pk IS DISTINCT FROM k),"
            + " stays AS (SELECT lid, campaign, k, ts, rn, CASE WHEN k >= 0 THEN epoch(nat) -"
            + " epoch(ts) END AS stay FROM runs), per AS (SELECT lid, min(campaign) AS campaign,"
            + " min(ts) AS seen, max(k) FILTER (WHERE k >= 0) AS maxk, arg_max(k, rn) < 0 AS lost"
            + lead
            + " FROM stays GROUP BY lid) SELECT campaign"
            + agg
            + " FROM per WHERE seen >= "
            + ps
            + " AND seen < "
            + pe
            + " GROUP BY GROUPING SETS ((campaign), ()) ORDER BY campaign NULLS LAST",
        r -> {
          String campaign = r.getString(1) == null ? "(total)" : r.getString(1);
          long first = r.getLong(2);
          for (int k = 0; k < 5; k++) {
            int c = 2 + k * 8;
            long entered = r.getLong(c), converted = r.getLong(c + 1), lost = r.getLong(c + 2);
            String st = STAGES[k];
            row("lead_stages", campaign, st, "entered", Double.toString(entered), "", "", entered);
            if (k < 4) ratio("lead_stages", campaign, st, "to_next", converted, entered);
            ratio("lead_stages", campaign, st, "from_first", entered, first);
            if (k < 4) ratio("lead_stages", campaign, st, "dropped", entered - converted, entered);
            row("lead_stages", campaign, st, "lost", Double.toString(lost), "", "", lost);
            if (k < 4) {
              row(
                  "lead_stages",
                  campaign,
                  st,
                  "time_to_next_median",
                  num(r, c + 3),
                  "",
                  "",
                  r.getLong(c + 5));
              row(
                  "lead_stages",
                  campaign,
                  st,
                  "time_to_next_p90",
                  num(r, c + 4),
                  "",
                  "",
                  r.getLong(c + 5));
            }
            row(
                "lead_stages",
                campaign,
                st,
                "time_in_stage_median",
                num(r, c + 6),
                "",
                "",
                r.getLong(c + 7));
            if (k == 4) ratio("lead_stages", campaign, "(total)", "(total)", entered, first);
          }
        });
  }

  interface Rows {
    void take(ResultSet r) throws SQLException;
  }

  void query(String sql, Rows rows) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) rows.take(r);
    }
  }

  static String num(ResultSet r, int i) throws SQLException {
    double v = r.getDouble(i);
    return r.wasNull() ? "" : Double.toString(v);
  }

  void ratio(String kpi, String campaign, String stage, String step, long num, long den) {
    String value = den == 0 ? "" : Double.toString((double) num / den);
    row(kpi, campaign, stage, step, value, Long.toString(num), Long.toString(den), den);
  }

  void row(
      String kpi,
      String campaign,
      String stage,
      String step,
      String value,
      String num,
      String den,
      long n) {
    out.add(
        String.join(
            ",", kpi, period, csv(campaign), stage, step, value, num, den, Long.toString(n)));
  }

  static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
