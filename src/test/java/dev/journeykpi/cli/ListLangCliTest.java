package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19: {@code kpi list} speaks the reader's language like report and explain. */
class ListLangCliTest {
  static final String HOTEL = "kpi-definitions/hotel-housekeeping.yaml";

  @Test
  void listHeadersFollowLangElseTheDefinitionsLocale() throws Exception {
    CliRunner.Result en = run("list", "-c", HOTEL, "--lang", "en");
    assertThat(en.exitCode()).isZero();
    assertThat(en.out().lines().skip(2).findFirst().orElseThrow())
        .matches("  Stage +Touchpoint +Owner +KPI +Label +Type +Source");
    CliRunner.Result vi = run("list", "-c", HOTEL, "--lang", "vi");
    assertThat(vi.out().lines().skip(2).findFirst().orElseThrow())
        .matches("  Giai đoạn +Điểm chạm +Phụ trách +Mã +Tên +Loại +Nguồn");
    // The hotel's locale is vi: without --lang, its own language.
    assertThat(run("list", "-c", HOTEL).out()).isEqualTo(vi.out());
    // The rows are the definition's own texts and ids, the same in both.
    assertThat(en.out().lines().skip(4).toList()).isEqualTo(vi.out().lines().skip(4).toList());
    CliRunner.Result bad = run("list", "-c", HOTEL, "--lang", "fr");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--lang").doesNotContain("Exception");
  }
}
