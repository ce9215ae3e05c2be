package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The terminal table fits its width: notes wrap in their column, or go under their row when the
 * other columns leave too little room, and labels are cut with an ellipsis only when nothing else
 * makes the row fit. Every expected line is laid out by hand (columns counted in the comments).
 */
class TextTableFitTest {
  private static TextTable table(int width) {
    TextTable t =
        new TextTable(List.of("KPI", "Value", "Notes"), new boolean[] {false, true, false})
            .fit(width, true, Map.of(0, 6));
    t.row(List.of("Thời gian phản hồi", "17,0", "21 đang mở; 1 dòng bị loại vì trước created_at"));
    return t;
  }

  @Test
  void aTableThatFitsIsUnchanged() {
    // indent 2 + "Thời gian phản hồi" 18 + 2 + "Value" 5 + 2 + notes 46 = 75 ≤ 80.
    assertThat(table(80).render("  "))
        .isEqualTo(
            "  KPI                 Value  Notes\n"
                + "  "
                + "─".repeat(18 + 2 + 5 + 2 + 46)
                + "\n"
                + "  Thời gian phản hồi   17,0  21 đang mở; 1 dòng bị loại vì trước created_at\n");
  }

  @Test
  void notesWrapInTheirColumnWhenThereIsRoomForThirtyColumns() {
    // Others: 2 + 18 + 2 + 5 + 2 = 29; width 60 leaves 31 for the notes (≥ 30): wrapped at 31,
    // the second line starts under the notes column (29 spaces).
    assertThat(table(60).render("  "))
        .isEqualTo(
            "  KPI                 Value  Notes\n"
                + "  "
                + "─".repeat(18 + 2 + 5 + 2 + 31)
                + "\n"
                + "  Thời gian phản hồi   17,0  21 đang mở; 1 dòng bị loại vì\n"
                + " ".repeat(29)
                + "trước created_at\n");
  }

  @Test
  void theLabelGivesWayBeforeTheNotesLeaveTheirColumn() {
    // Width 50: the notes would get 50 - 29 = 21 < 30; the label gives 9 (18 → 9, above its
    // minimum of 6), leaving 30 for the notes: "Thời gia…" is 8 letters and the ellipsis.
    assertThat(table(50).render("  "))
        .isEqualTo(
            "  KPI        Value  Notes\n"
                + "  "
                + "─".repeat(9 + 2 + 5 + 2 + 30)
                + "\n"
                + "  Thời gia…   17,0  21 đang mở; 1 dòng bị loại vì\n"
                + " ".repeat(20)
                + "trước created_at\n");
  }

  @Test
  void notesGoUnderTheRowWhenEvenTheShortestLabelLeavesTooLittleRoom() {
    // Width 40: the label at its minimum 6 leaves 40 - (2 + 6 + 2 + 5 + 2) = 23 < 30, so the notes
    // go under the row (indent 2 + 4, wrapped at max(30, 40 - 2 - 4) = 34) and the label takes back
    // its full 18 columns: 2 + 18 + 2 + 5 = 27 fits.
    assertThat(table(40).render("  "))
        .isEqualTo(
            """
              KPI                 Value
              ─────────────────────────
              Thời gian phản hồi   17,0
                  21 đang mở; 1 dòng bị loại vì
                  trước created_at
            """
                .stripIndent());
  }

  @Test
  void withoutAWidthNothingIsCut() {
    String wide = table(0).render("  ");
    assertThat(wide).contains("Thời gian phản hồi   17,0  21 đang mở; 1 dòng bị loại vì trước");
  }

  @Test
  void cuttingAndWrappingCountColumnsNotCharacters() {
    // "Hoàn thành" with its tone marks as combining characters (NFD) is 10 columns; cut to 6 it is
    // "Hoàn " (stripped to "Hoàn") and an ellipsis: 5 columns, never a mark without its letter.
    String nfd = java.text.Normalizer.normalize("Hoàn thành", java.text.Normalizer.Form.NFD);
    assertThat(DisplayWidth.truncate(nfd, 6)).isEqualTo("Hoàn…");
    assertThat(DisplayWidth.truncate(nfd, 10)).isEqualTo("Hoàn thành");
    // Wide characters count 2: "日本語" is 6 columns, cut to 5 gives "日本…" (2 + 2 + 1).
    assertThat(DisplayWidth.truncate("日本語", 5)).isEqualTo("日本…");
    assertThat(DisplayWidth.wrap("một hai ba bốn", 7)).containsExactly("một hai", "ba bốn");
    // A word longer than the line is broken inside it.
    assertThat(DisplayWidth.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    // An indented line keeps its indent on the lines it wraps into.
    assertThat(DisplayWidth.wrap("  * một hai ba", 9)).containsExactly("  * một", "  hai ba");
  }

  /**
   * Width 36: the row does not fit even with the notes under it (KPI 18 → 12 at its minimum, group
   * 5 → 4: 2 + 12 + 2 + 4 + 2 + 9 + 2 + 6 = 39 > 36), so the KPI's label goes on its own line above
   * its row and the others are laid out without it: 2 + 5 + 2 + 9 + 2 + 6 = 26 fits, the rule under
   * the header 5 + 2 + 9 + 2 + 6 = 24; the notes under the row, 4 in from the indent. A row with no
   * label (a breakdown's next group) gets no label line.
   */
  @Test
  void theLabelGoesAboveItsRowWhenNothingElseMakesTheRowFit() {
    TextTable t =
        new TextTable(
                List.of("KPI", "Group", "Value", "Status", "Notes"),
                new boolean[] {false, false, true, false, false})
            .fit(36, true, labelsFirst())
            .stackFirst();
    t.row(List.of("Thời gian phản hồi", "Tổng", "17,0 phút", "xanh", "21 đang mở"));
    t.row(List.of("", "CSKH", "21,0 phút", "vàng", ""));
    assertThat(t.render("  "))
        .isEqualTo(
            """
              Group      Value  Status
              ────────────────────────
              Thời gian phản hồi
              Tổng   17,0 phút  xanh
                  21 đang mở
              CSKH   21,0 phút  vàng
            """
                .stripIndent());
    // At 40 the row fits with the notes under it and the label cut by 46 - 40 = 6 to 12 ("Thời gian
    // p" and the ellipsis): no label line.
    TextTable wide =
        new TextTable(
                List.of("KPI", "Group", "Value", "Status", "Notes"),
                new boolean[] {false, false, true, false, false})
            .fit(40, true, labelsFirst())
            .stackFirst();
    wide.row(List.of("Thời gian phản hồi", "Tổng", "17,0 phút", "xanh", "21 đang mở"));
    assertThat(wide.render("  ")).contains("\n  Thời gian p…  Tổng   17,0 phút  xanh\n");
  }

  /** The KPI's label gives way first, then the group's (as the terminal renderer orders them). */
  private static Map<Integer, Integer> labelsFirst() {
    Map<Integer, Integer> m = new java.util.LinkedHashMap<>();
    m.put(0, 12);
    m.put(1, 4);
    return m;
  }
}
