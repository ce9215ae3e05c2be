package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kpi inspect}'s guesses: the type all values share, or all but a few, named in the note.
 */
class TypeGuesserTest {
  private static List<String> repeat(int n, java.util.function.IntFunction<String> value) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(value.apply(i));
    return out;
  }

  @Test
  void everyValueFits() {
    assertThat(TypeGuesser.guess(List.of("31/10/2026 14:05", "01/11/2026 08:30")))
        .isEqualTo(new TypeGuesser.Guess("datetime", List.of("dd/MM/yyyy HH:mm"), ""));
    assertThat(TypeGuesser.guess(List.of("1.250.000", "2.000.000")))
        .extracting(TypeGuesser.Guess::type, TypeGuesser.Guess::formats)
        .containsExactly("number", List.of(","));
    assertThat(TypeGuesser.guess(List.of("Có", "Không", "có")))
        .extracting(TypeGuesser.Guess::type)
        .isEqualTo("boolean");
    assertThat(TypeGuesser.guess(List.of("Zalo", "Phone")))
        .extracting(TypeGuesser.Guess::type)
        .isEqualTo("string");
  }

  /**
   * '100.000 · 200.000 · 50' (issue 14): every dotted value is one dot before exactly three digits,
   * as Vietnamese exports group thousands; proposing decimal "." would make the pasted snippet read
   * 100 and 200 for 100,000 and 200,000. So the proposal is ",", with a note on how to turn it
   * round. '0.125' cannot be a thousands group (a leading 0), and '1.5' has one decimal: both stay
   * "." decimals.
   */
  @Test
  void dotsBeforeThreeDigitsAreProposedAsThousands() {
    TypeGuesser.Guess g = TypeGuesser.guess(List.of("100.000", "200.000", "50"));
    assertThat(g.formats()).containsExactly(",");
    assertThat(g.note())
        .isEqualTo(
            "values like '100.000' are read as thousands (decimal \",\"): if the dot is a decimal mark, set decimal: \".\"");
    assertThat(TypeGuesser.guess(List.of("0.125", "0.250")).formats()).containsExactly(".");
    assertThat(TypeGuesser.guess(List.of("100.000", "1.5")).formats()).containsExactly(".");
  }

  /** 199 dates and one impossible one (31 September): 1 miss of 200, within 1% (2 allowed). */
  @Test
  void oneMistypedDateDoesNotHideTheColumnsType() {
    List<String> v = repeat(199, i -> String.format("%02d/10/2026 09:%02d", 1 + i % 28, i % 60));
    v.add(77, "31/09/2026 10:15");
    TypeGuesser.Guess g = TypeGuesser.guess(v);
    assertThat(g.type()).isEqualTo("datetime");
    assertThat(g.formats()).containsExactly("dd/MM/yyyy HH:mm");
    assertThat(g.note())
        .isEqualTo(
            "1 value is not a date-time as dd/MM/yyyy HH:mm ('31/09/2026 10:15'): the import will report it");
  }

  @Test
  void yesNoWithATypo() {
    List<String> v = repeat(30, i -> i % 2 == 0 ? "Có" : "Không");
    v.add("Có?");
    TypeGuesser.Guess g = TypeGuesser.guess(v);
    assertThat(g.type()).isEqualTo("boolean");
    assertThat(g.note())
        .isEqualTo("1 value is not a yes/no value ('Có?'): the import will report it");
  }

  /**
   * "N/A" among amounts: a blank written as a word, so the note points at nulls:. 300 values, 3
   * allowed, 2 misses.
   */
  @Test
  void blankWordsInANumberColumnPointAtNulls() {
    List<String> v = repeat(298, i -> (i + 1) + ".250.000");
    v.add("N/A");
    v.add("N/A");
    TypeGuesser.Guess g = TypeGuesser.guess(v);
    assertThat(g.type()).isEqualTo("number");
    assertThat(g.formats()).containsExactly(",");
    assertThat(g.note())
        .isEqualTo(
            "2 values are not a number ('N/A'): if that means blank, add it to the source's nulls:");
  }

  /** More than 1% misses, or fewer than 20 values: text. 100 values, 2 not dates: 1 allowed. */
  @Test
  void tooManyMissesOrTooFewValuesStayText() {
    List<String> v = repeat(98, i -> "2026-10-" + String.format("%02d", 1 + i % 28));
    v.add("soon");
    v.add("later");
    assertThat(TypeGuesser.guess(v).type()).isEqualTo("string");
    assertThat(TypeGuesser.guess(List.of("2026-10-01", "2026-10-02", "n/a")).type())
        .isEqualTo("string");
  }

  /**
   * A value in a second format is a format, not a miss: the pair of formats wins over a single
   * format with misses.
   */
  @Test
  void aSecondFormatIsPreferredToAMiss() {
    List<String> v = repeat(99, i -> String.format("%02d/10/2026", 1 + i % 28));
    v.add("2026-10-15");
    TypeGuesser.Guess g = TypeGuesser.guess(v);
    assertThat(g.type()).isEqualTo("date");
    assertThat(g.formats()).containsExactly("yyyy-MM-dd", "dd/MM/yyyy");
    assertThat(g.note()).isEqualTo("mixed formats");
  }
}
