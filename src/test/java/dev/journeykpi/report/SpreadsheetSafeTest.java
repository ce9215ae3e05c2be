package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {
  @Test
  void formulasAreNeutralisedNumbersAreNot() {
    assertThat(SpreadsheetSafe.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(SpreadsheetSafe.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(SpreadsheetSafe.cell("+84 90 123")).isEqualTo("'+84 90 123");
    assertThat(SpreadsheetSafe.cell("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
    assertThat(SpreadsheetSafe.cell("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(SpreadsheetSafe.cell("-5")).isEqualTo("-5");
    assertThat(SpreadsheetSafe.cell("+84")).isEqualTo("+84");
    assertThat(SpreadsheetSafe.cell("-0.25")).isEqualTo("-0.25");
    assertThat(SpreadsheetSafe.cell("Điện thoại")).isEqualTo("Điện thoại");
    assertThat(SpreadsheetSafe.cell("")).isEmpty();
  }
}
