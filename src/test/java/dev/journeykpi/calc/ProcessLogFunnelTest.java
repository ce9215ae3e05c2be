package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import dev.journeykpi.types.funnel.FunnelLeadList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A funnel over a process log shaped like a ServiceNow/Jira audit log: New → In progress (optional)
 * → Resolved → Closed, with a lost outcome Cancelled. Items skip In progress, are reopened
 * (Resolved → In progress → Resolved), and some first appear at a later stage because the log
 * starts mid-way. Every entry at 09:00 in October 2026:
 *
 * <pre>
 * item   entries (day of October)                         path (fill, In progress optional, count_separately)
 * INC1   New 1, In progress 2, Resolved 5, Closed 8          New → In progress → Resolved → Closed
 * INC2   New 1, Resolved 3, Closed 6                         New → Resolved → Closed (skipped In progress: no drop)
 * INC3   New 2, In progress 3, Resolved 6, In progress 7,    New → In progress → Resolved → Closed (reopened;
 *        Resolved 9, Closed 12                                first entries count)
 * INC4   New 2, Resolved 4, In progress 5, Resolved 7,       New → Resolved → Closed: In progress first entered only
 *        Closed 10                                            after Resolved, a reopening, not a step
 * INC5   Resolved 3, Closed 6                                mid-way: Resolved → Closed
 * INC6   Resolved 5                                          mid-way: Resolved, still there
 * INC7   In progress 4, Resolved 6, Closed 9                 mid-way: In progress → Resolved → Closed
 * INC8   New 5                                               New, still there
 * INC9   New 6, In progress 7                                New → In progress, still there
 * INC10  New 7, Cancelled 8                                  New, lost
 * INC11  New 8, Resolved 9, In progress 12                   New → Resolved, then reopened: back at In progress
 * </pre>
 *
 * The export's last entry: 10-12 09:00.
 */
class ProcessLogFunnelTest {
  @TempDir Path dir;

  static final String[][] LOG = {
    {"INC1", "New", "1"},
    {"INC1", "In progress", "2"},
    {"INC1", "Resolved", "5"},
    {"INC1", "Closed", "8"},
    {"INC2", "New", "1"},
    {"INC2", "Resolved", "3"},
    {"INC2", "Closed", "6"},
    {"INC3", "New", "2"},
    {"INC3", "In progress", "3"},
    {"INC3", "Resolved", "6"},
    {"INC3", "In progress", "7"},
    {"INC3", "Resolved", "9"},
    {"INC3", "Closed", "12"},
    {"INC4", "New", "2"},
    {"INC4", "Resolved", "4"},
    {"INC4", "In progress", "5"},
    {"INC4", "Resolved", "7"},
    {"INC4", "Closed", "10"},
    {"INC5", "Resolved", "3"},
    {"INC5", "Closed", "6"},
    {"INC6", "Resolved", "5"},
    {"INC7", "In progress", "4"},
    {"INC7", "Resolved", "6"},
    {"INC7", "Closed", "9"},
    {"INC8", "New", "5"},
    {"INC9", "New", "6"},
    {"INC9", "In progress", "7"},
    {"INC10", "New", "7"},
    {"INC10", "Cancelled", "8"},
    {"INC11", "New", "8"},
    {"INC11", "Resolved", "9"},
    {"INC11", "In progress", "12"}
  };

  static Table log() {
    return log(LOG);
  }

  static Table log(String[][] log) {
    // Shuffled rows: an audit export is not always in time order, and the result must not depend on
    // it.
    List<String[]> rows = new ArrayList<>(List.of(log));
    java.util.Collections.reverse(rows);
    Table t = Table.create("audit");
    t.addColumns(
        StringColumn.create("number", rows.stream().map(r -> r[0]).toArray(String[]::new)),
        StringColumn.create("state", rows.stream().map(r -> r[1]).toArray(String[]::new)),
        DateTimeColumn.create(
            "changed_at",
            rows.stream()
                .map(r -> LocalDate.of(2026, 10, Integer.parseInt(r[2])).atTime(9, 0))
                .toArray(LocalDateTime[]::new)));
    return t;
  }

  Definition definition(String options, boolean optionalInProgress) throws IOException {
    Path f = dir.resolve("incidents.yaml");
    Files.writeString(
        f,
        """
        timezone: UTC
        sources:
          audit: { file: none.csv, columns: { number: Number, state: State, changed_at: { column: Changed, type: datetime } } }
        kpis:
          - id: incidents
            type: funnel
            source: audit
            mode: history
            lead: number
            stage: state
            time: changed_at
            stages:
              - { id: new, label: New }
              - { id: in_progress, label: In progress%s }
              - { id: resolved, label: Resolved }
              - { id: closed, label: Closed }
            lost: [{ id: cancelled, label: Cancelled }]
        """
                .formatted(optionalInProgress ? ", optional: true" : "")
            + options.indent(4));
    return KpiKinds.load(List.of(f));
  }

  static Map<String, ResultRow> run(Definition d) {
    return run(d, log());
  }

  static Map<String, ResultRow> run(Definition d, Table log) {
    Map<String, ResultRow> out = new LinkedHashMap<>();
    for (ResultRow r :
        new KindRunner(new BusinessCalendar(d.calendar()), d.zone())
            .run(d.kpis().get(0), log, List.of(Period.parse("2026-10")))) {
      out.put(r.dims().get("stage") + "/" + r.dims().get("step"), r);
    }
    return out;
  }

  static List<String> leads(Definition d, String stage) {
    return leads(d, log(), stage);
  }

  static List<String> leads(Definition d, Table log, String stage) {
    return FunnelLeadList.of(
            d.kpis().get(0),
            KindRunner.funnel(d.kpis().get(0)),
            log,
            Period.parse("2026-10"),
            stage,
            new BusinessCalendar(d.calendar()),
            d.zone())
        .stream()
        .map(e -> e.lead() + " " + e.status() + (e.daysThere() == null ? "" : " " + e.daysThere()))
        .toList();
  }

  static List<Double> counts(Map<String, ResultRow> r, String step) {
    return List.of("new", "in_progress", "resolved", "closed").stream()
        .map(s -> r.get(s + "/" + step))
        .map(
            x ->
                x == null
                    ? null
                    : x.numerator() != null && !step.equals("entered") && !step.equals("lost")
                        ? x.numerator()
                        : x.value())
        .toList();
  }

  /**
   * fill, In progress optional, entered_midway: count_separately — the shipped incident-process
   * definition.
   *
   * <pre>
   * entered      New: INC1 2 3 4 8 9 10 11 = 8; In progress: INC1 3 7 9 = 4; Resolved: INC1 2 3 4 5 6 7 11 = 8;
   *              Closed: INC1 2 3 4 5 7 = 6
   * went on      New: INC1 2 3 4 9 11 = 6, dropped INC8 INC10 = 2 (INC10 lost): 6 + 2 = 8
   *              In progress: INC1 3 7 = 3, dropped INC9 = 1: 3 + 1 = 4
   *              Resolved: INC1 2 3 4 5 7 = 6, dropped INC6 INC11 = 2: 6 + 2 = 8
   * from first   (reached New too) New 8, In progress INC1 3 9 = 3, Resolved INC1 2 3 4 11 = 5, Closed INC1 2 3 4 = 4
   * headline     4 / 8 = 50% (INC5 and INC7 closed too, but were not seen at New: not in it)
   * days to the next stage on the path, both entered: New 1 1 1 1 2 2 (INC1 →2, INC2 →3, INC3 →3, INC4 →4, INC9 →7,
   *              INC11 →9) → median 1; In progress: INC1 3, INC3 3, INC7 2 → median 3; Resolved: INC1 3, INC2 3, INC3 6
   *              (first Resolved 6 → Closed 12), INC4 6, INC5 3, INC7 3 → median 3
   * </pre>
   */
  @Test
  void optionalStageAndItemsFirstSeenMidway() throws IOException {
    Map<String, ResultRow> r =
        run(definition("skipped: fill\nentered_midway: count_separately\n", true));
    assertThat(counts(r, "entered")).containsExactly(8.0, 4.0, 8.0, 6.0);
    assertThat(counts(r, "to_next")).containsExactly(6.0, 3.0, 6.0, null);
    assertThat(counts(r, "dropped")).containsExactly(2.0, 1.0, 2.0, null);
    assertThat(counts(r, "lost")).containsExactly(1.0, 0.0, 0.0, 0.0);
    assertThat(counts(r, "from_first")).containsExactly(8.0, 3.0, 5.0, 4.0);
    assertThat(r.get("(total)/(total)").value()).isEqualTo(0.5);
    assertThat(r.get("new/time_to_next_median").value()).isEqualTo(1.0);
    assertThat(r.get("in_progress/time_to_next_median").value()).isEqualTo(3.0);
    assertThat(r.get("resolved/time_to_next_median").value()).isEqualTo(3.0);
    assertThat(r.get("(total)/(total)").note())
        .contains(
            "3 leads first appear at a later stage (the log starts mid-way): counted from there, not in the rates from the first stage");
  }

  /**
   * The same log with entered_midway: fill. INC5 passed New at its first entry (Resolved 10-03),
   * INC6 at 10-05, INC7 at 10-04 (In progress, which it did enter). Entered: New 8 + 3 = 11, In
   * progress 4, Resolved 8, Closed 6; from first the same, as every item now starts at New;
   * headline 6 / 11. Went on from New: 6 + INC5 INC6 INC7 = 9, dropped 2.
   */
  @Test
  void itemsFirstSeenMidwayFilledIn() throws IOException {
    Map<String, ResultRow> r = run(definition("entered_midway: fill\n", true));
    assertThat(counts(r, "entered")).containsExactly(11.0, 4.0, 8.0, 6.0);
    assertThat(counts(r, "from_first")).containsExactly(11.0, 4.0, 8.0, 6.0);
    assertThat(counts(r, "to_next")).containsExactly(9.0, 3.0, 6.0, null);
    assertThat(r.get("(total)/(total)").numerator()).isEqualTo(6.0);
    assertThat(r.get("(total)/(total)").denominator()).isEqualTo(11.0);
    assertThat(r.get("new/entered").note())
        .contains(
            "3 leads first appear at a later stage (the log starts mid-way): "
                + "counted as having passed the earlier stages (entered_midway: fill)");
  }

  /**
   * skipped: exclude, no stage declared optional (what the issue ran): every stage counts only when
   * entered, and skipping one is not a drop, so the paths are those of the table. Headline: the
   * items seen at New that reached Closed, INC1 2 3 4 = 4 of 8 — not Closed's 6 entries over New's
   * 8, which counted INC5 and INC7, never seen at New. Went on from New: 6 (INC2 and INC4 went
   * straight to Resolved).
   */
  @Test
  void excludeHeadlineCountsOnlyTheItemsOfTheFirstStage() throws IOException {
    Map<String, ResultRow> r = run(definition("skipped: exclude\n", false));
    assertThat(counts(r, "entered")).containsExactly(8.0, 4.0, 8.0, 6.0);
    assertThat(counts(r, "to_next")).containsExactly(6.0, 3.0, 6.0, null);
    assertThat(r.get("(total)/(total)").value()).isEqualTo(0.5);
  }

  /**
   * The items behind each stage (fill, In progress optional, count_separately). New: INC10 lost,
   * INC8 stuck since 10-05 = 7 days before 10-12. In progress: INC9 stuck since 10-07 = 5 days.
   * Resolved: INC6 stuck since 10-05 = 7 days; INC11 is back at In progress (reopened after
   * Resolved 10-09): returned, not stuck. No closed item anywhere but in Closed's list.
   */
  @Test
  void leadsListsOnlyItemsStillAtTheStageAsStuck() throws IOException {
    Definition d = definition("entered_midway: count_separately\n", true);
    assertThat(leads(d, "new")).containsExactly("INC10 lost", "INC8 stuck 7");
    assertThat(leads(d, "in_progress")).containsExactly("INC9 stuck 5");
    assertThat(leads(d, "resolved")).containsExactly("INC11 returned", "INC6 stuck 7");
    assertThat(leads(d, "closed"))
        .containsExactly(
            "INC1 reached",
            "INC2 reached",
            "INC3 reached",
            "INC4 reached",
            "INC5 reached",
            "INC7 reached");
  }

  /**
   * What the issue saw: skipped: exclude without an optional stage listed INC2 and INC4 (New →
   * Resolved → Closed) as stuck at New. Now New's list holds the same two items as above: nothing
   * that went on or closed.
   */
  @Test
  void excludeNeverListsAClosedItemAsStuck() throws IOException {
    Definition d = definition("skipped: exclude\n", false);
    assertThat(leads(d, "new")).containsExactly("INC10 lost", "INC8 stuck 7");
    assertThat(leads(d, "resolved")).containsExactly("INC11 returned", "INC6 stuck 7");
  }

  /**
   * Lost is a lead's latest word: a lead lost and then reopened is not lost, nor is one lost after
   * it closed. Every entry at 09:00 in October 2026; fill, In progress optional (the default
   * entered_midway: fill changes nothing: all start at New):
   *
   * <pre>
   * item  entries (day)                                        path                          lost?
   * A     New 1, Cancelled 2, In progress 3, Resolved 4,       New → In progress → Resolved  no: reopened, then closed
   *       Closed 5                                              → Closed
   * B     New 1, Resolved 3, Closed 4                          New → Resolved → Closed       no
   * C     New 2, Cancelled 3, In progress 4, Resolved 5        New → In progress → Resolved  no: reopened, at Resolved now
   * D     New 2, Cancelled 3                                   New                           yes, at New
   * E     New 3, In progress 4, Cancelled 5, New 6             New → In progress             no: reopened, back at New
   * F     New 4, Resolved 5, Closed 6, Cancelled 7             New → Resolved → Closed       no: closed first
   *
   * entered   New A B C D E F = 6; In progress A C E = 3; Resolved A B C F = 4; Closed A B F = 3
   * went on   New 5 (D dropped: 1, lost 1); In progress A C = 2 (E dropped: 1, lost 0); Resolved A B F = 3 (C dropped:
   *           1, lost 0); Closed: lost 0. The old code counted every lead with a Cancelled row: lost 1, 1, 1, 2.
   * headline  3 / 6 = 50%
   * leads     New: D lost. In progress: E returned (at New now). Resolved: C stuck since 10-05; the export's last
   *           entry is F's Cancelled 10-07 → 2 days. Closed: A B F reached.
   * </pre>
   */
  @Test
  void aLeadLostAndReopenedIsNotLost() throws IOException {
    Table log =
        log(
            new String[][] {
              {"A", "New", "1"},
              {"A", "Cancelled", "2"},
              {"A", "In progress", "3"},
              {"A", "Resolved", "4"},
              {"A", "Closed", "5"},
              {"B", "New", "1"},
              {"B", "Resolved", "3"},
              {"B", "Closed", "4"},
              {"C", "New", "2"},
              {"C", "Cancelled", "3"},
              {"C", "In progress", "4"},
              {"C", "Resolved", "5"},
              {"D", "New", "2"},
              {"D", "Cancelled", "3"},
              {"E", "New", "3"},
              {"E", "In progress", "4"},
              {"E", "Cancelled", "5"},
              {"E", "New", "6"},
              {"F", "New", "4"},
              {"F", "Resolved", "5"},
              {"F", "Closed", "6"},
              {"F", "Cancelled", "7"}
            });
    Definition d = definition("", true);
    Map<String, ResultRow> r = run(d, log);
    assertThat(counts(r, "entered")).containsExactly(6.0, 3.0, 4.0, 3.0);
    assertThat(counts(r, "to_next")).containsExactly(5.0, 2.0, 3.0, null);
    assertThat(counts(r, "dropped")).containsExactly(1.0, 1.0, 1.0, null);
    assertThat(counts(r, "lost")).containsExactly(1.0, 0.0, 0.0, 0.0);
    assertThat(r.get("(total)/(total)").value()).isEqualTo(0.5);
    assertThat(leads(d, log, "new")).containsExactly("D lost");
    assertThat(leads(d, log, "in_progress")).containsExactly("E returned");
    assertThat(leads(d, log, "resolved")).containsExactly("C stuck 2");
    assertThat(leads(d, log, "closed")).containsExactly("A reached", "B reached", "F reached");
  }

  /**
   * Entries of the same day are read in process order, whatever the file's order (review finding: a
   * newest-first export turned two lost leads into stuck ones). G: New day 1, In progress and
   * Cancelled day 2; H: New day 1, Resolved and Cancelled day 3. At a tie the stage comes first and
   * the lost outcome last, so both are lost where they stand: G at In progress, H at Resolved, in
   * either file order. entered New 2 (G, H), In progress 1 (G), Resolved 1 (H, who went past the
   * optional In progress), Closed 0; lost 0 / 1 (G) / 1 (H) / 0.
   */
  @Test
  void entriesOfTheSameMomentAreReadInProcessOrderWhateverTheFileOrder() throws IOException {
    String[][] oldestFirst = {
      {"G", "New", "1"}, {"G", "In progress", "2"}, {"G", "Cancelled", "2"},
      {"H", "New", "1"}, {"H", "Resolved", "3"}, {"H", "Cancelled", "3"}
    };
    String[][] newestFirst = new String[oldestFirst.length][];
    for (int i = 0; i < oldestFirst.length; i++)
      newestFirst[i] = oldestFirst[oldestFirst.length - 1 - i];
    Definition d = definition("", true);
    for (String[][] rows : List.of(oldestFirst, newestFirst)) {
      Table log = log(rows);
      Map<String, ResultRow> r = run(d, log);
      assertThat(counts(r, "entered")).containsExactly(2.0, 1.0, 1.0, 0.0);
      assertThat(counts(r, "lost")).containsExactly(0.0, 1.0, 1.0, 0.0);
      assertThat(leads(d, log, "in_progress")).containsExactly("G lost");
      assertThat(leads(d, log, "resolved")).containsExactly("H lost");
    }
  }
}
