package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code by:} column whose value changes within one key's history (a customer who buys on Shopee,
 * then in the shop; a lead whose campaign changes after a stage): each key is meant to count in ONE
 * group, the value on its first row in time order ("first touch", PostHog's default breakdown
 * attribution), so the groups add up to the total. Today every group's measurer sees only that
 * group's rows, so a key's history is cut into pieces (found by the session 14 hunt; all engines
 * agree, so it is the rule that is wrong). Disabled until the attribution is built: these are the
 * expectations worked by hand that the fix must meet on both engines.
 */
@Disabled("first-touch attribution of by: on keyed KPIs not built yet (session 14, s14-attrib)")
class KeyedBreakdownAttributionTest {

  private static Map<String, ResultRow> rows(List<ResultRow> list) {
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : list) by.put(r.kpi() + " " + r.dims().values(), r);
    return by;
  }

  /**
   * X buys on Shopee on 15/09, in the shop (Cửa hàng) on 15/10; Y buys on Shopee on 16/10. First
   * touch: X and Y both count under Shopee. October, window 30 days: X's first activity is 15/09,
   * so X is not new; Y (first activity 16/10) is: new Shopee 1, total 1, no Cửa hàng group (no
   * customer's first row is there). Churn: at the start of October (end of 30/09) X's last activity
   * is 15 days old (< 30): S = {X}; at the end of 31/10 X's last is 15/10, 16 days: still active,
   * so churned = 0 and churn rate 0 ÷ 1 = 0 for Shopee and for the total. Today the default and
   * DuckDB engines print new Cửa hàng 1 (X's first row there) and churn Shopee 1 ÷ 1.
   */
  @Test
  void aCustomerWhoChangesChannelCountsUnderItsFirst(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("o.csv"),
        """
        id,at,cust,ch
        1,15/09/2026,X,Shopee
        2,15/10/2026,X,Cửa hàng
        3,16/10/2026,Y,Shopee
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("o.yaml"),
        """
        version: 1
        name: first touch
        timezone: Asia/Ho_Chi_Minh
        sources:
          o:
            file: o.csv
            columns:
              id: id
              at: { column: at, type: date, format: dd/MM/yyyy }
              cust: cust
              ch: ch
        kpis:
          - { id: new, type: customers, measure: new, source: o, time: at, customer: cust,
              by: [ch] }
          - { id: churn, type: customers, measure: churn_rate, window: 30 days, source: o,
              time: at, customer: cust, by: [ch] }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("o.yaml")));
    RunRequest october = new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
    for (List<ResultRow> list :
        List.of(KpiEngine.run(def, october).rows(), SqlKpiEngine.run(def, october).rows())) {
      Map<String, ResultRow> by = rows(list);
      assertThat(by.get("new [Shopee]").value()).isEqualTo(1.0);
      assertThat(by.get("new [(total)]").value()).isEqualTo(1.0);
      assertThat(by).doesNotContainKey("new [Cửa hàng]");
      assertThat(by.get("churn [Shopee]").value()).isEqualTo(0.0);
      assertThat(by.get("churn [(total)]").value()).isEqualTo(0.0);
      assertThat(by).doesNotContainKey("churn [Cửa hàng]");
    }
  }

  /**
   * L1 enters "new" and "contacted" under campaign A, then "won" under B; L2 enters "new" under A
   * and goes no further. First touch: both leads are A's. A: new 2, contacted 1 (L1), won 1 (L1):
   * new → won 1 ÷ 2 = 0.5, as the total; no B group. The groups' entered counts (A 2) add up to the
   * total's (2); today B shows L1's piece (won without the stages before it under B) and the
   * groups' "new" sum 3 against a total 2.
   */
  @Test
  void aLeadWhoChangesCampaignCountsUnderItsFirst(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("s.csv"),
        """
        lead,campaign,stage,at
        L1,A,new,01/09/2026 09:00
        L1,A,contacted,02/09/2026 09:00
        L1,B,won,03/09/2026 09:00
        L2,A,new,04/09/2026 09:00
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("s.yaml"),
        """
        version: 1
        name: first touch funnel
        timezone: Asia/Ho_Chi_Minh
        sources:
          s:
            file: s.csv
            columns:
              lead: lead
              campaign: campaign
              stage: stage
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - id: f
            type: funnel
            source: s
            mode: history
            lead: lead
            stage: stage
            time: at
            stages: [{ id: new }, { id: contacted }, { id: won }]
            by: [campaign]
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("s.yaml")));
    RunRequest september = new RunRequest(List.of(Period.parse("2026-09")), Map.of(), List.of());
    for (List<ResultRow> list :
        List.of(KpiEngine.run(def, september).rows(), SqlKpiEngine.run(def, september).rows())) {
      Map<String, ResultRow> by = rows(list);
      assertThat(by.keySet()).noneMatch(k -> k.startsWith("f [B"));
      assertThat(by.get("f [A, new, entered]").value()).isEqualTo(2.0);
      assertThat(by.get("f [(total), new, entered]").value()).isEqualTo(2.0);
      assertThat(by.get("f [A, won, entered]").value()).isEqualTo(1.0);
      assertThat(by.get("f [A, (total), (total)]").value()).isEqualTo(0.5);
      assertThat(by.get("f [(total), (total), (total)]").value()).isEqualTo(0.5);
    }
  }
}
