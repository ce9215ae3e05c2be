package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in formula KPIs ({@code type: formula}, issue 16) are definition errors, every one at
 * once, at {@code file:line:col}: an unknown KPI id at its place inside the expression with
 * did-you-mean over the KPI ids, a formula reading itself or forming a cycle (named), units that do
 * not add up, breakdowns that do not match, a formula that gives true/false, and the keys that do
 * not apply to a formula.
 */
class FormulaErrorsTest {
  @TempDir Path dir;

  @Test
  void everyMistakeIsNamedWhereItIsWritten() throws IOException {
    Path f = dir.resolve("a.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              created: { column: Created, type: datetime }
              resolved: { column: Resolved, type: datetime }
              channel: Channel
              kind: Kind
        kpis:
          - { id: complaints, type: count, source: t, time: created }
          - { id: tickets_by_channel, type: count, source: t, time: created, by: [channel] }
          - { id: tickets_by_kind, type: count, source: t, time: created, by: [kind] }
          - { id: wait, type: duration, start: created, end: resolved, unit: minutes, source: t, time: created }
          - { id: rate, type: ratio, numerator: { kind: complaint }, source: t, time: created }
          - { id: unknown, type: formula, expr: "complaint / rate" }
          - { id: mixed, type: formula, expr: "wait + rate" }
          - { id: a, type: formula, expr: "b + 1" }
          - { id: b, type: formula, expr: "a * 2" }
          - { id: self, type: formula, expr: "self + 1" }
          - { id: mismatch, type: formula, expr: "tickets_by_channel / tickets_by_kind", by: [channel] }
          - { id: none_by, type: formula, expr: "complaints / rate", by: [channel] }
          - { id: test, type: formula, expr: "complaints > 1" }
          - { id: open, type: formula, expr: "complaints / (rate" }
          - { id: keys, type: formula, expr: "complaints", source: t, time: created }
        """);
    // Lines count from 1: the KPIs start on line 11. On line 16 '  - { id: unknown, type:
    // formula, expr: "complaint / rate" }' the opening quote is at column 41, so the expression
    // starts at column 42, where 'complaint' (offset 0) is. A problem of the whole expression
    // (units, cycles, breakdowns, its type) is at the expression's value, its opening quote: line
    // 17 'mixed' at 39, 18 'a' and 19 'b' at 35, 20 'self' at 38, 21 'mismatch' at 42, 22
    // 'none_by' at 41, 23 'test' at 38. Line 24: '(rate' lacks its ')': the end of the text,
    // offset 18, at 38 + 1 + 18 = 57. Line 25: the key 'source' is at column 52, 'time' at 63.
    assertThat(ValidationTest.problems(f))
        .containsExactly(
            f
                + ":16:42: error: kpi 'unknown'.expr: unknown KPI 'complaint' (did you mean"
                + " 'complaints'?); KPIs: complaints, tickets_by_channel, tickets_by_kind, wait,"
                + " rate, unknown, mixed, a, b, self, mismatch, none_by, test, open, keys",
            f
                + ":17:39: error: kpi 'mixed'.expr: '+' adds 'minutes' and '%' in 'wait + rate':"
                + " values of one unit only (convert one side, or give each a unit that matches)",
            f
                + ":18:35: error: kpi 'a'.expr: a → b → a is a cycle: a formula cannot read itself"
                + " through other formulas",
            f
                + ":19:35: error: kpi 'b'.expr: b → a → b is a cycle: a formula cannot read itself"
                + " through other formulas",
            f + ":20:38: error: kpi 'self'.expr reads kpi 'self' itself",
            f
                + ":21:42: error: kpi 'mismatch'.expr: kpi 'mismatch' is broken down by [channel]"
                + " but reads 'tickets_by_kind', broken down by [kind]: a KPI a formula reads is"
                + " broken down as the formula is, or not at all (then its one value counts for"
                + " every group)",
            f
                + ":22:41: error: kpi 'none_by'.expr: kpi 'none_by' is broken down by [channel] but"
                + " none of the KPIs it reads is: give one of them by: [channel] (the others count"
                + " for every group)",
            f
                + ":23:38: error: kpi 'test'.expr gives true/false; a formula gives a number (e.g."
                + " complaints / active_customers)",
            f + ":24:57: error: kpi 'open'.expr: expected ')', found 'end of the expression'",
            f
                + ":25:52: error: kpi 'keys': a formula computes from the values of the KPIs it"
                + " names; 'source' does not apply",
            f
                + ":25:63: error: kpi 'keys': a formula takes each period's values of the KPIs it"
                + " names; 'time' does not apply");
  }

  /**
   * A KPI id that is not a word (it has '-' or '.') is written in double quotes, as a column name
   * in a derived column; a formula may then read it. Its functions are those of numbers.
   */
  @Test
  void quotedIdsAndTheFunctionsOfNumbers() throws IOException {
    Path f = dir.resolve("a.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns: { created: { column: Created, type: datetime }, kind: Kind, channel: Channel }
        kpis:
          - { id: first-contact, type: count, source: t, time: created }
          - { id: ok, type: formula, expr: 'round(abs(coalesce("first-contact", 0)))' }
          - { id: text, type: formula, expr: "CASE WHEN lower('A') = 'a' THEN 1 END" }
          - { id: by_two, type: count, source: t, time: created, by: [channel, kind], rollup: true }
          - { id: rolled, type: formula, expr: "by_two", by: [channel, kind], rollup: true }
          - { id: by_channel, type: count, source: t, time: created, by: [channel] }
          - { id: grouped, type: formula, expr: "by_channel", by: [channel], groups: [web] }
          - { id: leads, type: funnel, mode: history, lead: kind, stage: channel, stages: [web, shop], source: t, time: created }
          - { id: of_funnel, type: formula, expr: "leads" }
        """);
    // Line 9 '  - { id: text, type: formula, expr: "CASE WHEN …" }': its value's quote is at
    // column 38. Line 11: rollup's value 'true' is at column 79; line 13: groups' '[' at 78; line
    // 15: the expression's quote at 43.
    assertThat(ValidationTest.problems(f))
        .containsExactly(
            f
                + ":9:38: error: kpi 'text'.expr calls lower, which reads texts or dates; a"
                + " formula's values are numbers: use abs, coalesce, round",
            f
                + ":11:79: error: kpi 'rolled': rollup does not apply to a formula: it has the rows"
                + " of the KPIs it reads (give those rollup: true)",
            f
                + ":13:78: error: kpi 'grouped': groups does not apply to formula KPIs, which have"
                + " the groups of the KPIs they read (declare groups there); it applies to the types"
                + " measured from each group's rows (count, sum, duration, backlog, …)",
            f
                + ":15:43: error: kpi 'of_funnel'.expr reads funnel 'leads', which has a value per"
                + " stage, not one: read one of its conversion KPIs");
  }
}
