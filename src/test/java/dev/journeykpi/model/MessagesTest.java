package dev.journeykpi.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The message catalogs keep in step with the note codes and with the English templates of explain.
 */
class MessagesTest {

  @Test
  void everyCodeHasATemplateInBothLanguagesNamingExactlyItsArguments() {
    List<String> problems = new ArrayList<>();
    for (String lang : List.of("en", "vi")) {
      Messages m = Messages.notes(lang);
      for (Note.Code c : Note.Code.values()) {
        if (!m.keys().contains(c.key())) {
          problems.add(lang + ": no template for " + c);
          continue;
        }
        Set<String> named = placeholders(m.get(c.key()));
        Set<String> args =
            c.args().stream().map(Note.Arg::name).collect(Collectors.toCollection(TreeSet::new));
        if (!named.equals(args))
          problems.add(lang + ": " + c + " names " + named + ", its arguments are " + args);
      }
      for (String key : m.keys()) {
        boolean code =
            java.util.Arrays.stream(Note.Code.values()).anyMatch(c -> c.key().equals(key));
        if (!code && !key.startsWith("unit.")) problems.add(lang + ": " + key + " is no note code");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyExplainTranslationFillsAsManyPlacesAsItsEnglish() {
    Messages vi = Messages.of("explain", "vi");
    assertThat(vi.keys()).hasSizeGreaterThan(100);
    List<String> problems = new ArrayList<>();
    for (String english : vi.keys()) {
      if (count(english, "%s") != count(vi.get(english), "%s")
          || count(english, "%%") != count(vi.get(english), "%%")) {
        problems.add(english + " → " + vi.get(english));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void argumentsAreTypedAndCounted() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Note.of(Note.Code.OPEN, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 2 arguments");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Note.of(Note.Code.OPEN, "3", "end"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count");
    assertThat(Note.of(Note.Code.OPEN, 3, "end").args()).containsExactly(3L, "end");
  }

  @Test
  void numbersAndUnitsFollowTheLanguage() {
    assertThat(Note.decimal(635819.33, 2).english()).isEqualTo("635819.33");
    assertThat(Note.decimal(635819.33, 2).vietnamese()).isEqualTo("635.819,33");
    assertThat(Note.decimal(-1234.5, 1).vietnamese()).isEqualTo("-1.234,5");
    assertThat(Note.plain(3).vietnamese()).isEqualTo("3");
    assertThat(Note.plain(2.5).english()).isEqualTo("2.5");
    assertThat(Messages.notes("vi").timeUnit("Working Days")).isEqualTo("ngày làm việc");
    assertThat(Messages.notes("vi").timeUnit("fortnights")).isEqualTo("fortnights");
    assertThat(Messages.notes("en").timeUnit("days")).isEqualTo("days");
  }

  private static Set<String> placeholders(String template) {
    Set<String> out = new TreeSet<>();
    int i = 0;
    while ((i = template.indexOf('{', i)) >= 0) {
      int close = template.indexOf('}', i);
      out.add(template.substring(i + 1, close));
      i = close + 1;
    }
    return out;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) n++;
    return n;
  }
}
