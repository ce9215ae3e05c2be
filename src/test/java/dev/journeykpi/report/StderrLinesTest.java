package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19: stderr's lines wrapped at the terminal's width, places never broken. */
class StderrLinesTest {
  /**
   * By hand at 30 columns: " rejected 3: row has 4" is 4 + 8 + 1 + 2 + 1 + 3 + 1 + 3 + 1 + 1 = 25;
   * " fields," would make 33, so it starts the next line, two columns in from the line's own indent
   * (6): " fields, the header has 9" = 6 + 7 + 1 + 3 + 1 + 6 + 1 + 3 + 1 + 1 = 30.
   */
  @Test
  void aLinesWordsWrapUnderItsOwnText() {
    assertThat(StderrLines.wrapped("    rejected 3: row has 4 fields, the header has 9", 30))
        .containsExactly("    rejected 3: row has 4", "      fields, the header has 9");
    assertThat(StderrLines.wrapped("    rejected 3: row has 4 fields, the header has 9", 0))
        .containsExactly("    rejected 3: row has 4 fields, the header has 9");
  }

  /** A "kpi: " line wraps under the text after "kpi: " (5 columns in). */
  @Test
  void aKpiLineWrapsUnderItsText() {
    assertThat(StderrLines.wrapped("kpi: tickets: reading sheet 'Data' of tickets.xlsx", 30))
        .containsExactly("kpi: tickets: reading sheet", "     'Data' of tickets.xlsx");
  }

  /**
   * An example's place stays whole, past the edge when it is a long path; its value goes under it,
   * two columns in (8).
   */
  @Test
  void anExamplesValueGoesUnderItsWholePlace() {
    StderrLines lines = new StderrLines(30);
    lines.example("      /work/shared/datasets/tickets.csv:29809", "''");
    lines.example("      a.csv:3:Ngày", "'31/09'");
    assertThat(lines.toString())
        .isEqualTo(
            "      /work/shared/datasets/tickets.csv:29809\n        ''\n      a.csv:3:Ngày '31/09'\n");
    // By display width: "      a.csv:3:Ngày '31/09'" is 6 + 12 + 1 + 7 = 26 columns, the à written
    // as a + a combining grave (27 chars): one line at 26, the value under its place at 25.
    String place = "      a.csv:3:Nga\u0300y";
    StderrLines fits = new StderrLines(26);
    fits.example(place, "'31/09'");
    assertThat(fits.toString()).isEqualTo(place + " '31/09'\n");
    StderrLines narrow = new StderrLines(25);
    narrow.example(place, "'31/09'");
    assertThat(narrow.toString()).isEqualTo(place + "\n        '31/09'\n");
  }
}
