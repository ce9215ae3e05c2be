package dev.journeykpi.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A data value that reads like kpi's own labels gets a label of its own, and is shown again. */
class BreakdownLabelTest {
  @Test
  void aValueLikeKpisLabelsGetsOneApostropheMore() {
    assertThat(BreakdownLabel.of("(total)")).isEqualTo("'(total)");
    assertThat(BreakdownLabel.of("(blank)")).isEqualTo("'(blank)");
    // Injective: the data's own '(total) is not the data's (total).
    assertThat(BreakdownLabel.of("'(total)")).isEqualTo("''(total)");
    assertThat(BreakdownLabel.of("''(blank)")).isEqualTo("'''(blank)");
  }

  @Test
  void everyOtherValueIsItsOwnLabel() {
    for (String v :
        new String[] {
          "A", "(Total)", "(total) ", " (total)", "x(total)", "'", "()", "(tổng)", "'a)"
        }) assertThat(BreakdownLabel.of(v)).as(v).isEqualTo(v);
  }

  @Test
  void shownUndoesOfAndLeavesKpisOwnLabels() {
    for (String v : new String[] {"(total)", "(blank)", "'(total)", "''(blank)", "A", "'A", "'"})
      assertThat(BreakdownLabel.shown(BreakdownLabel.of(v))).as(v).isEqualTo(v);
    assertThat(BreakdownLabel.shown(ResultRow.TOTAL)).isEqualTo(ResultRow.TOTAL);
    assertThat(BreakdownLabel.shown(ResultRow.BLANK)).isEqualTo(ResultRow.BLANK);
  }
}
