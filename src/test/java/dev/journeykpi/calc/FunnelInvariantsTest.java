package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import dev.journeykpi.types.funnel.FunnelLeadList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * On random process logs (items that skip stages, go back, first appear mid-way, are lost,
 * duplicated), every funnel mode's numbers add up, in every period and breakdown group: rates
 * between 0 and 100%, entered = went on + dropped at every stage, lost within dropped, the headline
 * the leads of the first stage that reached the last, and {@code kpi leads} lists as many leads as
 * dropped, none stuck that is lost, closed or elsewhere now.
 */
class FunnelInvariantsTest {
  @TempDir Path dir;

  static final String[] STAGES = {"S0", "S1", "S2", "S3"};
  static final int SEEDS = 2;
  static final List<String> PERIODS = List.of("2026-09", "2026-10", "2026-Q4");

  /**
   * One row per stage entry; each lead's rows at distinct times, so "its latest row" is well
   * defined.
   */
  static Table history(Random r) {
    List<String[]> rows = new ArrayList<>();
    int leads = 25 + r.nextInt(20);
    for (int i = 0; i < leads; i++) {
      String id = "L" + i, campaign = r.nextBoolean() ? "A" : "B";
      LocalDateTime t = LocalDateTime.of(2026, 8, 20, 9, 0).plusHours(r.nextInt(24 * 90));
      int k = r.nextDouble() < 0.7 ? 0 : 1 + r.nextInt(3);
      int entries = 1 + r.nextInt(6);
      for (int e = 0; e < entries; e++) {
        rows.add(new String[] {id, STAGES[k], t.toString(), campaign});
        if (r.nextDouble() < 0.05)
          rows.add(new String[] {id, STAGES[k], t.plusMinutes(1).toString(), campaign});
        // Lost, then reopened: the next entry comes after the lost one, so the lost outcome is not
        // the lead's latest word.
        if (e < entries - 1 && r.nextDouble() < 0.1)
          rows.add(new String[] {id, "Lost", t.plusHours(1).toString(), campaign});
        t = t.plusHours(2 + r.nextInt(24 * 6));
        double move = r.nextDouble();
        k =
            move < 0.15
                ? Math.max(0, k - 1)
                : move < 0.75 ? Math.min(3, k + 1) : Math.min(3, k + 2);
      }
      if (r.nextDouble() < 0.15) rows.add(new String[] {id, "Lost", t.toString(), campaign});
    }
    // Always a few lost-then-reopened leads: one that goes on to the last stage, one that stays at
    // S2, one lost again.
    String[][] reopened = {
      {"S0", "Lost", "S1", "S2", "S3"}, {"S0", "S1", "Lost", "S2"}, {"S0", "Lost", "S1", "Lost"}
    };
    for (int i = 0; i < reopened.length; i++) {
      LocalDateTime t = LocalDateTime.of(2026, 9, 1, 9, 0).plusHours(r.nextInt(24 * 60));
      for (String stage : reopened[i]) {
        rows.add(new String[] {"R" + i, stage, t.toString(), i % 2 == 0 ? "A" : "B"});
        t = t.plusHours(2 + r.nextInt(24 * 3));
      }
    }
    java.util.Collections.shuffle(rows, r);
    return table(rows);
  }

  /** One row per lead: its current stage (or Lost), dated by when it was created. */
  static Table snapshot(Random r) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int k = r.nextInt(5);
      rows.add(
          new String[] {
            "L" + i,
            k == 4 ? "Lost" : STAGES[k],
            LocalDateTime.of(2026, 8, 20, 9, 0).plusHours(r.nextInt(24 * 90)).toString(),
            r.nextBoolean() ? "A" : "B"
          });
    }
    return table(rows);
  }

  static Table table(List<String[]> rows) {
    Table t = Table.create("log");
    t.addColumns(
        StringColumn.create("lead_id", rows.stream().map(x -> x[0]).toArray(String[]::new)),
        StringColumn.create("stage", rows.stream().map(x -> x[1]).toArray(String[]::new)),
        DateTimeColumn.create(
            "at", rows.stream().map(x -> LocalDateTime.parse(x[2])).toArray(LocalDateTime[]::new)),
        StringColumn.create("campaign", rows.stream().map(x -> x[3]).toArray(String[]::new)));
    return t;
  }

  Definition definition(
      String mode, String skipped, String midway, String periods, boolean optional, String within)
      throws IOException {
    Path f = dir.resolve("f.yaml");
    StringBuilder k =
        new StringBuilder(
            "id: f\ntype: funnel\nsource: s\nmode: "
                + mode
                + "\nlead: lead_id\nstage: stage\ntime: at\n"
                + "skipped: "
                + skipped
                + "\nperiods: "
                + periods
                + "\nby: [campaign]\n");
    if (midway != null) k.append("entered_midway: ").append(midway).append('\n');
    if (within != null) k.append("within: ").append(within).append('\n');
    k.append("stages: [{ id: s0, values: [S0] }, { id: s1, values: [S1]")
        .append(optional ? ", optional: true" : "")
        .append(
            " }, { id: s2, values: [S2] }, { id: s3, values: [S3] }]\nlost: [{ id: lost, values: [Lost] }]\n");
    Files.writeString(
        f,
        """
        timezone: UTC
        sources:
          s: { file: none.csv, columns: { lead_id: Lead, stage: Stage, at: { column: At, type: datetime }, campaign: Campaign } }
        kpis:
        """
            + ("- " + k.toString().indent(2).substring(2)).indent(2));
    return KpiKinds.load(List.of(f));
  }

  @Test
  void everyModesNumbersAddUp() throws IOException {
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      Table hist = history(new Random(seed)), snap = snapshot(new Random(seed));
      for (String mode : List.of("history", "snapshot")) {
        for (String skipped : List.of("fill", "exclude")) {
          for (String midway :
              mode.equals("history")
                  ? new String[] {"fill", "count_separately"}
                  : new String[] {null}) {
            for (String periods :
                mode.equals("history") ? List.of("cohort", "activity") : List.of("cohort")) {
              for (boolean optional : List.of(false, true)) {
                // A snapshot without 'entered' columns has no times to judge a window by.
                for (String within :
                    mode.equals("history") ? new String[] {null, "3 days"} : new String[] {null}) {
                  Definition d = definition(mode, skipped, midway, periods, optional, within);
                  Table t = mode.equals("history") ? hist : snap;
                  String what =
                      String.join(
                          " ",
                          "seed " + seed,
                          mode,
                          skipped,
                          String.valueOf(midway),
                          periods,
                          optional ? "optional" : "",
                          String.valueOf(within));
                  for (String period : PERIODS) {
                    check(
                        soft,
                        what + " " + period,
                        d,
                        t,
                        period,
                        periods.equals("cohort"),
                        skipped.equals("fill") && !"count_separately".equals(midway),
                        optional);
                    checked++;
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(SEEDS * (32 + 4) * PERIODS.size());
    soft.assertAll();
  }

  /**
   * @param chain every lead's path is a chain over the required stages (fill, nothing counted
   *     separately)
   * @param optional stage s1 is optional
   */
  private static void check(
      SoftAssertions soft,
      String what,
      Definition d,
      Table t,
      String period,
      boolean cohort,
      boolean chain,
      boolean optional) {
    List<ResultRow> rows =
        new KindRunner(new BusinessCalendar(d.calendar()), d.zone())
            .run(d.kpis().get(0), t, List.of(Period.parse(period)));
    Map<String, Map<String, ResultRow>> byGroup = new HashMap<>();
    for (ResultRow r : rows) {
      byGroup
          .computeIfAbsent(r.dims().get("campaign"), g -> new HashMap<>())
          .put(r.dims().get("stage") + "/" + r.dims().get("step"), r);
      if ("%".equals(r.unit()) && r.value() != null)
        soft.assertThat(r.value()).as(what + " " + r.dims()).isBetween(0.0, 1.0);
    }
    int n = STAGES.length;
    for (var e : byGroup.entrySet()) {
      String at = what + " " + e.getKey();
      Map<String, ResultRow> g = e.getValue();
      double[] entered = new double[n];
      for (int k = 0; k < n; k++) entered[k] = g.get("s" + k + "/entered").value();
      for (int k = 0; k < n; k++) {
        String s = "s" + k;
        double lost = g.get(s + "/lost").value();
        if (k == n - 1) {
          // A lead that reached the last stage went through the funnel: a lost row before it was
          // reopened, one after it does not undo the conversion.
          soft.assertThat(lost).as(at + " lost at the last stage").isZero();
          continue;
        }
        double wentOn = g.get(s + "/to_next").numerator(),
            dropped = g.get(s + "/dropped").numerator();
        soft.assertThat(wentOn + dropped)
            .as(at + " " + s + ": went on + dropped = entered")
            .isEqualTo(entered[k]);
        soft.assertThat(lost)
            .as(at + " " + s + ": lost within dropped")
            .isLessThanOrEqualTo(dropped);
        // In an activity funnel the next stage may be entered in a later period, so this holds for
        // cohorts only.
        double later = 0;
        for (int j = k + 1; j < n; j++) later += entered[j];
        if (cohort)
          soft.assertThat(wentOn)
              .as(at + " " + s + ": went on to a later stage")
              .isLessThanOrEqualTo(later);
        if (chain && cohort && !(optional && k + 1 == 1) && !(optional && k == 1)) {
          soft.assertThat(entered[k + 1]).as(at + " " + s + ": a chain").isEqualTo(wentOn);
        }
      }
      ResultRow headline = g.get("(total)/(total)");
      if (headline.numerator() != null && headline.denominator() != null) {
        soft.assertThat(headline.numerator())
            .as(at + " headline at most 100%")
            .isLessThanOrEqualTo(headline.denominator());
      }
      if (!cohort) continue;
      soft.assertThat(g.get("s0/from_first").numerator())
          .as(at + " from first at the first stage")
          .isEqualTo(entered[0]);
      for (int k = 0; k < n; k++) {
        double ff = g.get("s" + k + "/from_first").numerator();
        soft.assertThat(ff)
            .as(at + " from first s" + k)
            .isLessThanOrEqualTo(Math.min(entered[k], entered[0]));
      }
      soft.assertThat(headline.numerator())
          .as(at + " headline")
          .isEqualTo(g.get("s" + (n - 1) + "/from_first").numerator());
      soft.assertThat(headline.denominator()).as(at + " headline").isEqualTo(entered[0]);
    }
    if (cohort)
      checkLeadLists(
          soft, what + " " + period, d, t, Period.parse(period), byGroup.get(ResultRow.TOTAL));
  }

  /**
   * As many leads as dropped (reached, for the last stage), as many {@code lost} as the stage's
   * lost count; by the raw rows, a lost lead's latest row is Lost (a reopened one is not lost), and
   * a stuck lead is at that stage now, with Lost not its latest word and the last stage never
   * entered.
   */
  private static void checkLeadLists(
      SoftAssertions soft,
      String what,
      Definition d,
      Table t,
      Period p,
      Map<String, ResultRow> total) {
    Map<String, String[]> latest = new HashMap<>();
    Map<String, Boolean> closed = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String lead = t.stringColumn("lead_id").get(i), stage = t.stringColumn("stage").get(i);
      String when = t.dateTimeColumn("at").get(i).toString();
      String[] prev = latest.get(lead);
      if (prev == null || when.compareTo(prev[1]) > 0) latest.put(lead, new String[] {stage, when});
      if (stage.equals("S3")) closed.put(lead, true);
    }
    for (int k = 0; k < STAGES.length; k++) {
      List<LeadList.Entry> list =
          FunnelLeadList.of(
              d.kpis().get(0),
              KindRunner.funnel(d.kpis().get(0)),
              t,
              p,
              "s" + k,
              new BusinessCalendar(d.calendar()),
              d.zone());
      boolean last = k == STAGES.length - 1;
      double expected =
          last
              ? total.get("s" + k + "/entered").value()
              : total.get("s" + k + "/dropped").numerator();
      soft.assertThat((double) list.size()).as(what + " leads at s" + k).isEqualTo(expected);
      long lost = list.stream().filter(e -> e.status().equals("lost")).count();
      soft.assertThat((double) lost)
          .as(what + " lost leads listed at s" + k)
          .isEqualTo(total.get("s" + k + "/lost").value());
      for (LeadList.Entry e : list) {
        String now = latest.get(e.lead())[0];
        if (last)
          soft.assertThat(e.status())
              .as(what + " " + e.lead() + " at the last stage")
              .isEqualTo("reached");
        if (e.status().equals("lost")) {
          soft.assertThat(now)
              .as(what + " " + e.lead() + " lost at s" + k + " but went on (reopened)")
              .isEqualTo("Lost");
          soft.assertThat(closed.getOrDefault(e.lead(), false))
              .as(what + " " + e.lead() + " lost at s" + k + " but closed")
              .isFalse();
        }
        if (!e.status().equals("stuck")) continue;
        soft.assertThat(closed.getOrDefault(e.lead(), false))
            .as(what + " " + e.lead() + " stuck at s" + k + " is closed")
            .isFalse();
        soft.assertThat(now)
            .as(what + " " + e.lead() + " stuck at s" + k + " is elsewhere now")
            .isEqualTo(STAGES[k]);
      }
    }
  }
}
