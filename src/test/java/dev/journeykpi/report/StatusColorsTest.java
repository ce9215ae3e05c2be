package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Colour goes on after the layout: a coloured cell is cut and padded as its plain text, and the
 * status words of wrapped count lines are found where the counts put them. Every expected line is
 * laid out by hand (columns counted in the comments).
 */
class StatusColorsTest {
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String AMBER = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  @Test
  void aColouredCellIsPaddedByItsPlainWidth() {
    TextTable t =
        new TextTable(List.of("KPI", "Trạng thái", "Ghi chú"), new boolean[] {false, false, false})
            .fit(0, true, Map.of());
    t.row(List.of("Tỷ lệ", "đỏ", "n nhỏ"), 1, StatusColors.code(Status.RED));
    t.row(List.of("Số phiếu", "", ""), 1, StatusColors.code(Status.NONE));
    // Widths: KPI 8 ("Số phiếu"), status 10 ("Trạng thái"), notes 7. "đỏ" is 2 columns, padded with
    // 8 spaces after the reset; the second row has no status and no colour (not judged).
    assertThat(t.render("  "))
        .isEqualTo(
            "  KPI       Trạng thái  Ghi chú\n"
                + "  "
                + "─".repeat(8 + 2 + 10 + 2 + 7)
                + "\n"
                + "  Tỷ lệ     "
                + RED
                + "đỏ"
                + RESET
                + "          n nhỏ\n"
                + "  Số phiếu\n");
  }

  @Test
  void aColouredLastCellLosesItsPaddingAsThePlainOneDoes() {
    TextTable t =
        new TextTable(List.of("KPI", "Status"), new boolean[] {false, false})
            .fit(0, false, Map.of());
    t.row(List.of("Win rate", "amber"), 1, StatusColors.code(Status.AMBER));
    // "Status" is 6 wide, "amber" 5: the trailing space is stripped in both versions.
    String out = t.render("");
    assertThat(out).endsWith("Win rate  " + AMBER + "amber" + RESET + "\n");
    assertThat(StatusColors.strip(out)).endsWith("Win rate  amber\n");
  }

  @Test
  void countWordsAreColouredAfterTheirCountEvenAcrossAWrap() {
    Labels vi = Labels.of("vi");
    // The summary as DisplayWidth.wrap leaves it: the second line starts with the word whose
    // count ended the first line.
    List<String> lines =
        List.of(
            "  theo giai đoạn: Tiếp nhận: 4 xanh · 0 vàng · 1",
            "  đỏ; Xử lý: 0 xanh · 2 vàng · 1 đỏ");
    assertThat(StatusColors.counts(lines, vi))
        .containsExactly(
            "  theo giai đoạn: Tiếp nhận: 4 "
                + GREEN
                + "xanh"
                + RESET
                + " · 0 "
                + AMBER
                + "vàng"
                + RESET
                + " · 1",
            "  "
                + RED
                + "đỏ"
                + RESET
                + "; Xử lý: 0 "
                + GREEN
                + "xanh"
                + RESET
                + " · 2 "
                + AMBER
                + "vàng"
                + RESET
                + " · 1 "
                + RED
                + "đỏ"
                + RESET);
  }

  @Test
  void aLabelThatOnlyContainsAStatusWordStaysPlain() {
    Labels en = Labels.of("en");
    // "Red team" is a department, "green" in "greenfield" part of a word, and a line that does not
    // follow a count keeps its first word plain.
    assertThat(StatusColors.counts(List.of("red team: 2 green"), en))
        .containsExactly("red team: 2 " + GREEN + "green" + RESET);
    assertThat(StatusColors.counts(List.of("Sales 2 greenfield: 1 red"), en))
        .containsExactly("Sales 2 greenfield: 1 " + RED + "red" + RESET);
  }
}
