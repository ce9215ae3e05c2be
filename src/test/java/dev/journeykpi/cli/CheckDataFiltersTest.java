package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi validate --check-data} looks up the starts, ends and patterns of the richer filters
 * (issue 16) among the data's values: a prefix no value has keeps nothing, as a misspelt value
 * does.
 */
class CheckDataFiltersTest {
  @TempDir Path dir;

  @Test
  void aPrefixSuffixOrPatternNoValueHasIsAWarning() throws Exception {
    CliFixture fixture = new CliFixture(dir);
    fixture.csv(
        "t.csv", "Mã,Ngày,Mã đơn", "1,2026-10-01,HĐ-1", "2,2026-10-02,hđ-2", "3,2026-10-03,INV-3");
    Path def =
        fixture.definition(
            """
        sources:
          t:
            file: t.csv
            columns: { id: Mã, created: { column: Ngày, type: date }, code: Mã đơn }
        kpis:
          - { id: a, type: count, source: t, time: created, where: { code: { starts_with: [Z, X] } } }
          - { id: b, type: count, source: t, time: created, where: { code: { starts_with: hđ } } }
          - { id: c, type: count, source: t, time: created, where: { code: { ends_with: '-9' } } }
          - { id: d, type: count, source: t, time: created, where: { code: { matches: '^inv-\\d{3}$' } } }
          - { id: e, type: count, source: t, time: created, where: { not: { code: { matches: '^HĐ' } } } }
        """);
    CliRunner.Result r = fixture.run("validate", "--check-data");
    assertThat(r.exitCode()).isZero();
    // b: "hđ-1" and "hđ-2" start with hđ (without case); e: HĐ-1 matches ^HĐ. The others have no
    // value: Z or X start nothing, nothing ends with -9, INV-3 has one digit, not three. Each
    // warning points at its operator: line 6 column 70 is starts_with, and so on.
    assertThat(r.err())
        .isEqualTo(
            String.join(
                    "\n",
                    def
                        + ":6:70: warning: kpi 'a'.where: no row of source 't' has code starting"
                        + " with any of 'Z', 'X'; values: HĐ-1, INV-3, hđ-2",
                    def
                        + ":8:70: warning: kpi 'c'.where: no row of source 't' has code ending"
                        + " with '-9'; values: HĐ-1, INV-3, hđ-2",
                    def
                        + ":9:70: warning: kpi 'd'.where: no row of source 't' has code matching"
                        + " '^inv-\\d{3}$'; values: HĐ-1, INV-3, hđ-2")
                + "\n");
  }
}
