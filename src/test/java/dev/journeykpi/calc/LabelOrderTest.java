package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.ResultRow;
import java.text.CollationElementIterator;
import java.text.Collator;
import java.text.RuleBasedCollator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LabelOrder} must give exactly the order of the plain comparison it replaces (blank last,
 * the Vietnamese collator, then code points). Two total orders that sort the same set into the same
 * sequence agree on every pair, so each test sorts a set both ways and compares the sequences.
 */
class LabelOrderTest {
  /** The comparison breakdowns used before: the collator on every pair. */
  static final Comparator<String> PLAIN;

  static {
    Collator c = LabelOrder.vietnamese();
    PLAIN =
        Comparator.comparing((String s) -> s.equals(ResultRow.BLANK))
            .thenComparing(c::compare)
            .thenComparing(Comparator.naturalOrder());
  }

  static void assertSameOrder(List<String> labels) {
    List<String> expected = new ArrayList<>(labels);
    expected.sort(PLAIN);
    List<String> actual = new ArrayList<>(labels);
    actual.sort(new LabelOrder());
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void everyLabelOfUpToTwoPrintableAsciiCharactersSortsAsTheCollatorSortsIt() {
    List<String> all = new ArrayList<>(List.of("", ResultRow.BLANK));
    for (char a = 0x20; a <= 0x7e; a++) {
      all.add(String.valueOf(a));
      for (char b = 0x20; b <= 0x7e; b++) all.add("" + a + b);
    }
    assertSameOrder(all); // 9,027 labels: every pair of them compared alike
  }

  @Test
  void noSequenceOfThreePrintableAsciiCharactersIsOneCollationElement() {
    // LabelOrder reads each ASCII character's weight alone: true only if no ASCII contraction or
    // expansion exists.
    RuleBasedCollator rules = (RuleBasedCollator) LabelOrder.vietnamese();
    int[] single = new int[0x7f];
    for (char a = 0x20; a <= 0x7e; a++) {
      CollationElementIterator it = rules.getCollationElementIterator(String.valueOf(a));
      single[a] = it.next();
      assertThat(it.next()).as("elements of '%s'", a).isEqualTo(CollationElementIterator.NULLORDER);
    }
    CollationElementIterator it = rules.getCollationElementIterator("");
    List<String> split = new ArrayList<>();
    for (char a = 0x20; a <= 0x7e; a++) {
      for (char b = 0x20; b <= 0x7e; b++) {
        for (char c = 0x20; c <= 0x7e; c++) {
          it.setText(new String(new char[] {a, b, c}));
          if (it.next() != single[a]
              || it.next() != single[b]
              || it.next() != single[c]
              || it.next() != CollationElementIterator.NULLORDER) split.add("" + a + b + c);
        }
      }
    }
    assertThat(split)
        .as("ASCII sequences whose collation elements are not those of their characters")
        .isEmpty();
  }

  @Test
  void idsNamesAndVietnameseLabelsMixedSortAsTheCollatorSortsThem() {
    // Ids differing in case, punctuation and spacing (decided by the collator after equal letters),
    // Vietnamese with precomposed and combining tones (always the collator), and plain ids (decided
    // by the primary weights).
    String alphabet = "aAbBdDđĐeEéêếệoOơờuUưzZ09 -_./'#ăâạả\u0300\u0301\u0303\u0309\u0323";
    SplittableRandom r = new SplittableRandom(14);
    List<String> labels =
        new ArrayList<>(
            List.of(
                ResultRow.BLANK,
                "",
                "TCK-0000010",
                "TCK-0000009",
                "tck-0000009",
                "TCK 0000009",
                "Đà Nẵng",
                "Da Nang",
                "Hà Nội",
                "Ha Noi",
                "Hải Phòng",
                "a\u0306b",
                "ăb",
                "ab"));
    for (int i = 0; i < 20_000; i++) {
      int n = 1 + r.nextInt(7);
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < n; k++)
        b.append(alphabet.charAt(r.nextInt(i % 2 == 0 ? 22 : alphabet.length())));
      labels.add(b.toString());
    }
    assertSameOrder(labels);
  }
}
