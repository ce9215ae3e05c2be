package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two customers rules that once gave a wrong number without a word (session 14's hunt), on both
 * engines: a new customer who lapses before the period's end is not in CRR's N (it is not in E
 * either), and a row whose amount is blank is not an order.
 */
class CustomerOrdersAndRetentionTest {
  private static final RunRequest OCTOBER =
      new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());

  private static Map<String, ResultRow> rows(Scorecard result) {
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : result.rows()) by.put(r.kpi(), r);
    return by;
  }

  private static Definition write(Path tmp, String csv, String yaml) throws Exception {
    Files.writeString(tmp.resolve("o.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("o.yaml"), yaml, StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(tmp.resolve("o.yaml")));
  }

  /**
   * Window 30 days, October. Activity: A 15/09, 20/10, 25/10; B 01/09; D 01/10 00:00 only; E 31/10
   * 23:59; F 30/09, 01/11; G 05/06 and 12/10; H 15/10.
   *
   * <p>Active at the start (last activity on or before 30/09 less than 30 days before it): A (15
   * days), B (29), F (0) → S = 3. Active at the end (31/10): A (6), E (0), G (19), H (16); D's
   * 01/10 is 30 days before, not less → E = 4. New (first activity in October): D, E, H → 3, of
   * which still active at the end E, H → 2 (D lapsed). CRR = (E − new still active) ÷ S = (4 − 2) ÷
   * 3 = 2/3: A retained and G returned, over A, B, F. Counting the lapsed D in N gave (4 − 3) ÷ 3 =
   * 1/3, and a year with a 90-day window went below zero. new_customers still counts D: 3.
   */
  @Test
  void aNewCustomerWhoLapsedBeforeTheEndIsNotInN(@TempDir Path tmp) throws Exception {
    Definition def =
        write(
            tmp,
            """
            Mã đơn,Ngày,Khách,Số tiền
            a1,15/09/2026 10:00,A,100
            a2,20/10/2026 09:00,A,100
            a3,25/10/2026 08:00,A,100
            b1,01/09/2026 00:00,B,100
            d1,01/10/2026 00:00,D,100
            e1,31/10/2026 23:59,E,100
            f1,30/09/2026 23:59,F,100
            f2,01/11/2026 00:00,F,100
            g1,05/06/2026 08:00,G,100
            g2,12/10/2026 12:00,G,100
            h1,15/10/2026 08:00,H,100
            """,
            """
            version: 1
            timezone: Asia/Ho_Chi_Minh
            sources:
              o:
                file: o.csv
                columns:
                  order_id: Mã đơn
                  at: { column: Ngày, type: datetime, format: dd/MM/yyyy HH:mm }
                  customer_id: Khách
                  amount: { column: Số tiền, type: number }
            kpis:
              - { id: crr, type: customers, measure: retention_rate, window: 30 days, source: o,
                  time: at, customer: customer_id }
              - { id: new, type: customers, measure: new, source: o, time: at,
                  customer: customer_id }
            """);
    for (Scorecard result : List.of(KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER))) {
      Map<String, ResultRow> by = rows(result);
      assertThat(by.get("crr").value()).isEqualTo(2.0 / 3);
      assertThat(by.get("crr").numerator()).isEqualTo(2.0);
      assertThat(by.get("crr").denominator()).isEqualTo(3.0);
      assertThat(by.get("crr").note())
          .contains("E 4, N 2, S 3")
          .contains("1 new customers no longer active at the end left out of N");
      assertThat(by.get("new").value()).isEqualTo(3.0);
    }
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER));
  }

  /**
   * Orders DH1 A 100.000, DH2 A blank, DH3 B 300.000, DH4 C 0, DH5 D −50.000 (a return). An order
   * is a distinct order id among rows with a positive amount: DH1 and DH3 → 2 orders, buyers A and
   * B. AOV net = (100,000 + 300,000 − 50,000) ÷ 2 = 175,000; returns excluded = 400,000 ÷ 2 =
   * 200,000; repeat rate 0 ÷ 2 (A has one order, not two); frequency 2 ÷ 2 = 1. The blank DH2 was
   * counted as an order (AOV 350,000 ÷ 3, repeat 50 %, frequency 1.5) with no note; it is now said.
   */
  @Test
  void aRowWithABlankAmountIsNotAnOrder(@TempDir Path tmp) throws Exception {
    Definition def =
        write(
            tmp,
            """
            Mã đơn,Ngày,Khách,Số tiền
            DH1,05/10/2026,A,"100.000"
            DH2,06/10/2026,A,
            DH3,07/10/2026,B,"300.000"
            DH4,08/10/2026,C,"0"
            DH5,09/10/2026,D,"-50.000"
            """,
            """
            version: 1
            timezone: Asia/Ho_Chi_Minh
            sources:
              o:
                file: o.csv
                decimal: ","
                columns:
                  order_id: Mã đơn
                  at: { column: Ngày, type: date, format: dd/MM/yyyy }
                  customer_id: Khách
                  amount: { column: Số tiền, type: number }
            kpis:
              - { id: aov, type: customers, measure: aov, order: order_id, value: amount,
                  source: o, time: at, customer: customer_id }
              - { id: aov_excl, type: customers, measure: aov, order: order_id, value: amount,
                  returns: exclude, source: o, time: at, customer: customer_id }
              - { id: repeat, type: customers, measure: repeat_rate, order: order_id,
                  value: amount, source: o, time: at, customer: customer_id }
              - { id: frequency, type: customers, measure: frequency, order: order_id,
                  value: amount, source: o, time: at, customer: customer_id }
            """);
    for (Scorecard result : List.of(KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER))) {
      Map<String, ResultRow> by = rows(result);
      assertThat(by.get("aov").value()).isEqualTo(175_000.0);
      assertThat(by.get("aov").denominator()).isEqualTo(2.0);
      assertThat(by.get("aov_excl").value()).isEqualTo(200_000.0);
      assertThat(by.get("repeat").value()).isEqualTo(0.0);
      assertThat(by.get("frequency").value()).isEqualTo(1.0);
      assertThat(by.get("aov").note()).contains("1 rows with a blank amount not counted as orders");
    }
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER));
  }
}
