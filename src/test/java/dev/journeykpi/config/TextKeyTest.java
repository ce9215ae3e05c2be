package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link TextKey}, pinned as the seven copies it replaced applied them (filters, join
 * keys, distinct keys, declared groups, data-value checks, funnel stages, score labels): trimmed,
 * NFC, lower case by {@link Locale#ROOT}.
 */
class TextKeyTest {
  /** "Hoàn thành" as typed on most systems: 10 chars, each à one code point (U+00E0). */
  static final String NFC = "Ho\u00e0n th\u00e0nh";

  /** The same decomposed, as some Mac editors save it: each à is a + U+0300, so 12 chars. */
  static final String NFD = Normalizer.normalize(NFC, Normalizer.Form.NFD);

  @Test
  void composedAndDecomposedTextsHaveOneKey() {
    assertThat(NFC).hasSize(10);
    assertThat(NFD).hasSize(12).isNotEqualTo(NFC);
    // Both become the composed form, lowered: "hoàn thành", 10 chars.
    assertThat(TextKey.of(NFD)).isEqualTo("ho\u00e0n th\u00e0nh").isEqualTo(TextKey.of(NFC));
    assertThat(TextKey.of("HO\u00c0N TH\u00c0NH")).isEqualTo("ho\u00e0n th\u00e0nh");
    // Shown as the data has it: NFC, case kept.
    assertThat(TextKey.nfc(NFD)).isEqualTo(NFC);
  }

  @Test
  void lowerCaseIsTheSameOnATurkishSystem() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      // The Turkish rules would give "ınc-7" (dotless ı, U+0131); ROOT gives the ASCII "inc-7".
      assertThat("INC-7".toLowerCase()).isEqualTo("\u0131nc-7");
      assertThat(TextKey.of("INC-7")).isEqualTo("inc-7");
      assertThat(TextKey.ofPart("INV")).isEqualTo("inv");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void spacesAndTabsAreTrimmedANonBreakingSpaceIsKept() {
    assertThat(TextKey.of("  Email\t")).isEqualTo("email");
    // String.trim drops chars up to U+0020 only, as the importer trims only spaces and tabs: a
    // non-breaking space (U+00A0) around a value stays part of it in the cell and in the key.
    assertThat(TextKey.of("\u00a0Email\u00a0")).isEqualTo("\u00a0email\u00a0");
    assertThat(TextKey.of(" ")).isEmpty();
  }

  @Test
  void aPartKeepsItsSpaces() {
    // A quoted "Mr " in starts_with means the space.
    assertThat(TextKey.ofPart(" Mr ")).isEqualTo(" mr ");
    assertThat(TextKey.ofPart(NFD + " ")).isEqualTo("ho\u00e0n th\u00e0nh ");
  }

  @Test
  void asciiKeepsItsCaseOnlyWhenAskedTo() {
    assertThat(TextKey.ofButAsciiCase("  INC-7 ")).isEqualTo("INC-7");
    // Not ASCII: normalised and lowered, as of() does.
    assertThat(TextKey.ofButAsciiCase(" H\u00c0 N\u1ed8I")).isEqualTo("h\u00e0 n\u1ed9i");
    // The Kelvin sign (U+212A) is K in NFC, so its key is the ASCII "k" either way.
    assertThat(TextKey.ofButAsciiCase("\u212a")).isEqualTo("k");
    assertThat(TextKey.of("\u212a")).isEqualTo("k");
  }

  @Test
  void plainAsciiIsReturnedAsItIsWhenNothingChanges() {
    String id = "c000123";
    assertThat(TextKey.of(id)).isSameAs(id);
    assertThat(TextKey.nfc(id)).isSameAs(id);
    assertThat(TextKey.ofButAsciiCase(id)).isSameAs(id);
  }

  /** The formula each copy wrote out, against the one class, on texts of every kind above. */
  @Test
  void agreesWithTheFormulaTheCopiesWrote() {
    for (String t :
        List.of(
            NFC,
            NFD,
            "  INC-7 ",
            "\u00a0x\u00a0",
            "\u212a",
            "\u0130stanbul",
            "Stra\u00dfe",
            "\t\u0110\u00e3 h\u1ee7y ",
            "",
            "C-1\u0301")) {
      String formula = Normalizer.normalize(t.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
      assertThat(TextKey.of(t)).as(t).isEqualTo(formula);
    }
  }
}
