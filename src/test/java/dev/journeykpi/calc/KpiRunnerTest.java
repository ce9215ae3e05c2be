package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeykpi.config.CalendarDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every generic KPI type on one small ticket table, with the expected numbers worked out by hand.
 *
 * <pre>
 * row created           first_response    channel csat reopened amount
 *  1  Thu 10-01 09:00   10-01 09:30       email   5    false    100
 *  2  Thu 10-01 10:00   10-01 12:00       phone   4    true     200
 *  3  Fri 10-02 11:00   (none: open)      email   2    false    300
 *  4  Fri 10-02 16:30   Mon 10-05 08:30   chat    -    false    -
 *  5  Wed 09-30 16:00   10-01 09:00       email   3    false    50     (September)
 *  6  Sat 10-03 09:00   10-03 08:00       phone   5    false    10     (response before creation)
 *  7  (no created)      -                 email   1    false    999    (in no period)
 * </pre>
 *
 * October 2026 holds rows 1, 2, 3, 4 and 6.
 */
class KpiRunnerTest {
  @TempDir Path dir;

  static Table tickets() {
    Table t = Table.create("tickets");
    t.addColumns(
        DateTimeColumn.create(
            "created",
            new LocalDateTime[] {
              at("2026-10-01T09:00"),
              at("2026-10-01T10:00"),
              at("2026-10-02T11:00"),
              at("2026-10-02T16:30"),
              at("2026-09-30T16:00"),
              at("2026-10-03T09:00"),
              null
            }),
        DateTimeColumn.create(
            "first_response",
            new LocalDateTime[] {
              at("2026-10-01T09:30"),
              at("2026-10-01T12:00"),
              null,
              at("2026-10-05T08:30"),
              at("2026-10-01T09:00"),
              at("2026-10-03T08:00"),
              null
            }),
        StringColumn.create(
            "channel", "email", "phone", "email", "chat", "email", "phone", "email"),
        DoubleColumn.create("csat", new double[] {5, 4, 2, Double.NaN, 3, 5, 1}),
        BooleanColumn.create("reopened", false, true, false, false, false, false, false),
        DoubleColumn.create("amount", new double[] {100, 200, 300, Double.NaN, 50, 10, 999}));
    return t;
  }

  static LocalDateTime at(String s) {
    return LocalDateTime.parse(s);
  }

  KpiDef kpi(String yaml) throws IOException {
    String text =
        """
        version: 1
        sources:
          tickets:
            file: none.csv
            columns:
              created: { column: Created, type: datetime }
              first_response: { column: First response, type: datetime }
              channel: Channel
              csat: { column: CSAT, type: number }
              reopened: { column: Reopened, type: boolean }
              amount: { column: Amount, type: number }
        kpis:
          - source: tickets
            time: created
        """
            + yaml.indent(4);
    Path f = dir.resolve("k.yaml");
    Files.writeString(f, text);
    Definition d = KpiKinds.load(List.of(f));
    return d.kpis().get(0);
  }

  static List<ResultRow> run(KpiDef k, String... periods) {
    List<Period> ps =
        periods.length == 0
            ? List.of(Period.ALL)
            : java.util.Arrays.stream(periods).map(Period::parse).toList();
    return new KindRunner(new BusinessCalendar(CalendarDef.standard()), ZoneOffset.UTC)
        .run(k, tickets(), ps);
  }

  /**
   * Text columns made by Tablesaw itself (lookup columns) number their dictionary keys from -128,
   * so -1 is an ordinary value's key. 200 rows, 200 different channels, none blank: 200 distinct, 0
   * blank, 200 not blank.
   */
  @Test
  void blankTextIsFoundByItsValueNotByAKeyNumber() throws IOException {
    Table t = Table.create("tickets");
    DateTimeColumn created = DateTimeColumn.create("created");
    StringColumn channel = StringColumn.create("channel");
    for (int i = 0; i < 200; i++) {
      created.append(at("2026-10-01T09:00"));
      channel.append("c" + i);
    }
    t.addColumns(created, channel);
    KindRunner runner =
        new KindRunner(new BusinessCalendar(CalendarDef.standard()), ZoneOffset.UTC);
    assertThat(
            total(
                    runner.run(
                        kpi("id: channels\ntype: count\ndistinct: channel"),
                        t,
                        List.of(Period.ALL)))
                .value())
        .isEqualTo(200.0);
    assertThat(
            total(
                    runner.run(
                        kpi("id: blank\ntype: count\nwhere: { channel: { is_null: true } }"),
                        t,
                        List.of(Period.ALL)))
                .value())
        .isEqualTo(0.0);
    assertThat(
            total(
                    runner.run(
                        kpi("id: known\ntype: count\nwhere: { channel: { not_null: true } }"),
                        t,
                        List.of(Period.ALL)))
                .value())
        .isEqualTo(200.0);
  }

  /**
   * Distinct values of a column Tablesaw built itself with 40,000 values: its keys span the int
   * range (blank is Integer.MAX_VALUE), so they are counted in a hash set, not a flag per key.
   * Rows: c0 … c39999, then each of c0 … c9999 again, then 5 blanks: 40,000 distinct, 5 rows
   * without a value.
   */
  @Test
  void distinctValuesOfAWideKeyedColumn() throws IOException {
    Table t = Table.create("tickets");
    DateTimeColumn created = DateTimeColumn.create("created");
    StringColumn channel = StringColumn.create("channel");
    for (int i = 0; i < 40_000 + 10_000 + 5; i++) {
      created.append(at("2026-10-01T09:00"));
      channel.append(i < 40_000 ? "c" + i : i < 50_000 ? "c" + (i - 40_000) : "");
    }
    t.addColumns(created, channel);
    KindRunner runner =
        new KindRunner(new BusinessCalendar(CalendarDef.standard()), ZoneOffset.UTC);
    ResultRow r =
        total(
            runner.run(
                kpi("id: customers\ntype: count\ndistinct: channel"), t, List.of(Period.ALL)));
    assertThat(r.value()).isEqualTo(40_000.0);
    assertThat(r.note()).contains("5 rows without channel");
  }

  static ResultRow total(List<ResultRow> rows) {
    return rows.stream().filter(ResultRow::isTotal).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void countRowsInThePeriodWithBreakdownAndTotal() throws IOException {
    List<ResultRow> rows = run(kpi("id: volume\ntype: count\nby: [channel]"), "2026-10");
    // October: email rows 1, 3; phone rows 2, 6; chat row 4. Breakdown sorted, then the total of 5.
    assertThat(rows)
        .extracting(r -> r.dims().get("channel"), ResultRow::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("chat", 1.0),
            org.assertj.core.groups.Tuple.tuple("email", 2.0),
            org.assertj.core.groups.Tuple.tuple("phone", 2.0),
            org.assertj.core.groups.Tuple.tuple(ResultRow.TOTAL, 5.0));
    // Row 7 has no created time, so it is in no period, and the total says so.
    assertThat(total(rows).note()).contains("1 rows without created are in no period");
    // The latest created date is row 6's, Sat 2026-10-03, so October's rows are flagged as
    // incomplete.
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.complete()).isFalse();
              assertThat(r.note()).startsWith("incomplete: data ends 2026-10-03");
            });
  }

  @Test
  void allTimeCountsEveryRow() throws IOException {
    assertThat(total(run(kpi("id: volume\ntype: count"))).value()).isEqualTo(7.0);
  }

  @Test
  void trendGivesOneRowPerPeriod() throws IOException {
    List<ResultRow> rows = run(kpi("id: volume\ntype: count"), "2026-09", "2026-10");
    // September: row 5 only; October: 5 rows.
    assertThat(rows)
        .extracting(ResultRow::period, ResultRow::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-09", 1.0),
            org.assertj.core.groups.Tuple.tuple("2026-10", 5.0));
  }

  @Test
  void countDistinct() throws IOException {
    // October channels: email, phone, chat = 3 distinct.
    assertThat(total(run(kpi("id: channels\ntype: count\ndistinct: channel"), "2026-10")).value())
        .isEqualTo(3.0);
  }

  @Test
  void sumSkipsAndCountsBlanks() throws IOException {
    ResultRow r = total(run(kpi("id: revenue\ntype: sum\ncolumn: amount\nunit: VND"), "2026-10"));
    // 100 + 200 + 300 + 10 = 610 from 4 values; row 4 has no amount.
    assertThat(r.value()).isEqualTo(610.0);
    assertThat(r.n()).isEqualTo(4);
    assertThat(r.note()).contains("1 rows without amount skipped;");
  }

  @Test
  void meanMedianPercentile() throws IOException {
    // October csat values 5, 4, 2, 5 (row 4 blank): mean 16 / 4 = 4.0; sorted 2, 4, 5, 5: median (4
    // + 5) / 2 = 4.5.
    assertThat(total(run(kpi("id: m\ntype: mean\ncolumn: csat"), "2026-10")).value())
        .isEqualTo(4.0);
    assertThat(total(run(kpi("id: m\ntype: median\ncolumn: csat"), "2026-10")).value())
        .isEqualTo(4.5);
    // Amounts 10, 100, 200, 300; p90 rank (4 - 1) * 0.9 = 2.7: 200 + 0.7 * (300 - 200) = 270 (Excel
    // PERCENTILE.INC).
    assertThat(total(run(kpi("id: p\ntype: percentile\ncolumn: amount\np: 90"), "2026-10")).value())
        .isCloseTo(270.0, within(1e-9));
  }

  @Test
  void ratioKeepsNumeratorAndDenominator() throws IOException {
    ResultRow r =
        total(run(kpi("id: reopen\ntype: ratio\nnumerator: { reopened: true }"), "2026-10"));
    // Reopened: row 2 only, of 5 October tickets = 1 / 5 = 0.2.
    assertThat(r.value()).isEqualTo(0.2);
    assertThat(r.numerator()).isEqualTo(1.0);
    assertThat(r.denominator()).isEqualTo(5.0);
    assertThat(r.unit()).isEqualTo("%");
  }

  @Test
  void ratioDenominatorFilterNarrowsThePopulation() throws IOException {
    ResultRow r =
        total(
            run(
                kpi(
                    "id: reopen\ntype: ratio\ndenominator: { csat: { not_null: true } }\nnumerator: { reopened: true }"),
                "2026-10"));
    // Rows with a csat in October: 1, 2, 3, 6 = 4; reopened among them: row 2 → 1 / 4 = 0.25.
    assertThat(r.value()).isEqualTo(0.25);
    assertThat(r.denominator()).isEqualTo(4.0);
  }

  @Test
  void ratioWithEmptyDenominatorIsNotComputable() throws IOException {
    ResultRow r =
        total(
            run(
                kpi(
                    "id: reopen\ntype: ratio\nwhere: { channel: fax }\nnumerator: { reopened: true }"),
                "2026-10"));
    assertThat(r.value()).isNull();
    assertThat(r.note()).contains("denominator is 0");
  }

  @Test
  void meanOfNothingIsNotZero() throws IOException {
    ResultRow r =
        total(run(kpi("id: m\ntype: mean\ncolumn: csat\nwhere: { channel: fax }"), "2026-10"));
    assertThat(r.value()).isNull();
    assertThat(r.note()).contains("no rows");
  }

  @Test
  void durationInCalendarTime() throws IOException {
    List<ResultRow> rows =
        run(
            kpi(
                """
        id: frt
        type: duration
        start: created
        end: first_response
        stat: mean
        unit: minutes"""),
            "2026-10");
    ResultRow r = total(rows);
    // Row 1: 30 min; row 2: 120; row 4: Fri 16:30 → Mon 08:30 = 2 days 16 h = 3840; row 3 open; row
    // 6 negative. Mean (30 + 120 + 3840) / 3 = 1330.
    assertThat(r.value()).isCloseTo(1330.0, within(1e-9));
    assertThat(r.n()).isEqualTo(3);
    assertThat(r.note())
        .contains(
            "1 open (no first_response); 1 with first_response before created left out (e.g. created 2026-10-03 09:00 → first_response 2026-10-03 08:00);");
  }

  @Test
  void durationInBusinessTime() throws IOException {
    ResultRow r =
        total(
            run(
                kpi(
                    """
        id: frt
        type: duration
        start: created
        end: first_response
        clock: business
        stat: mean"""),
                "2026-10"));
    // Standard calendar Mon–Fri 08:00–17:00. Row 1: 30; row 2: 120; row 4: Fri 16:30–17:00 (30) +
    // Mon 08:00–08:30 (30) = 60. Mean (30 + 120 + 60) / 3 = 70 minutes.
    assertThat(r.value()).isCloseTo(70.0, within(1e-9));
  }

  @Test
  void durationMedianAndUnits() throws IOException {
    ResultRow r =
        total(
            run(
                kpi("id: frt\ntype: duration\nstart: created\nend: first_response\nunit: hours"),
                "2026-10"));
    // Default statistic median of 30, 120, 3840 minutes = 120 minutes = 2 hours.
    assertThat(r.value()).isEqualTo(2.0);
  }

  @Test
  void filtersRestrictThePopulation() throws IOException {
    // Email rows in October: 1 and 3. Text comparison ignores case.
    assertThat(total(run(kpi("id: e\ntype: count\nwhere: { channel: EMAIL }"), "2026-10")).value())
        .isEqualTo(2.0);
    // csat >= 4 and not phone: row 1 (5, email). Row 2 and 6 are phone; row 3 has 2.
    assertThat(
            total(
                    run(
                        kpi(
                            "id: e\ntype: count\nwhere: { csat: { gte: 4 }, channel: { not: phone } }"),
                        "2026-10"))
                .value())
        .isEqualTo(1.0);
    // any_of: chat or reopened → rows 4 and 2.
    assertThat(
            total(
                    run(
                        kpi(
                            "id: e\ntype: count\nwhere: { any_of: [ { channel: chat }, { reopened: true } ] }"),
                        "2026-10"))
                .value())
        .isEqualTo(2.0);
    // between on amounts, inclusive: 100 and 200 (rows 1, 2); blanks never match.
    assertThat(
            total(
                    run(
                        kpi("id: e\ntype: count\nwhere: { amount: { between: [100, 200] } }"),
                        "2026-10"))
                .value())
        .isEqualTo(2.0);
    // is_null: row 4 has no csat.
    assertThat(
            total(run(kpi("id: e\ntype: count\nwhere: { csat: { is_null: true } }"), "2026-10"))
                .value())
        .isEqualTo(1.0);
    // contains, without case: "MAI" is in "email".
    assertThat(
            total(run(kpi("id: e\ntype: count\nwhere: { channel: { contains: MAI } }"), "2026-10"))
                .value())
        .isEqualTo(2.0);
    // date comparison: created before 2026-10-02 → rows 1 and 2.
    assertThat(
            total(run(kpi("id: e\ntype: count\nwhere: { created: { lt: 2026-10-02 } }"), "2026-10"))
                .value())
        .isEqualTo(2.0);
    // in-list: chat or phone → rows 2, 4, 6.
    assertThat(
            total(run(kpi("id: e\ntype: count\nwhere: { channel: [chat, phone] }"), "2026-10"))
                .value())
        .isEqualTo(3.0);
  }

  @Test
  void breakdownRowsAreComputedFromTheirOwnRows() throws IOException {
    List<ResultRow> rows = run(kpi("id: m\ntype: mean\ncolumn: csat\nby: [channel]"), "2026-10");
    // email: rows 1, 3 → (5 + 2) / 2 = 3.5; phone: rows 2, 6 → (4 + 5) / 2 = 4.5; chat: row 4 has
    // no csat. Total: (5 + 4 + 2 + 5) / 4 = 4.0, not the mean of the group means (4.0 happens to
    // differ from (3.5+4.5)/2 = 4.0 only by luck, so check the chat group, whose missing value
    // would drag an average of averages).
    assertThat(rows.get(1).value()).isEqualTo(3.5);
    assertThat(rows.get(2).value()).isEqualTo(4.5);
    assertThat(rows.get(0).value()).isNull();
    assertThat(rows.get(0).note()).contains("no values in csat; 1 rows without csat skipped");
    assertThat(total(rows).value()).isEqualTo(4.0);
  }
}
