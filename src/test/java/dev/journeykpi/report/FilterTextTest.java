package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Filter;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kpi explain} words the richer filters (issue 16) in English and Vietnamese. */
class FilterTextTest {
  @TempDir Path dir;

  private Filter where(String where) throws IOException {
    Path f = dir.resolve("f.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              code: Code
              name: Name
              owner: Owner
              opened: { column: Opened, type: date }
              closed: { column: Closed, type: datetime }
              wait: { column: Wait, type: number }
        kpis:
          - { id: k, type: count, source: t, time: none, where: %s }
        """
            .formatted(where));
    return KpiKinds.load(List.of(f)).kpis().get(0).where();
  }

  private String en(String where) throws IOException {
    return FilterText.of(where(where), new ExplainPhrases("en"));
  }

  private String vi(String where) throws IOException {
    return FilterText.of(where(where), new ExplainPhrases("vi"));
  }

  @Test
  void eachNewOperatorInEnglishAndVietnamese() throws IOException {
    String text =
        "{ code: { starts_with: C }, name: { ends_with: [Đặng, Lê] }, owner: { matches: '^a\\d+$' } }";
    assertThat(en(text))
        .isEqualTo(
            "code starts with \"C\" and name ends with one of [\"Đặng\", \"Lê\"]"
                + " and owner matches the pattern \"^a\\d+$\"");
    assertThat(vi(text))
        .isEqualTo(
            "code bắt đầu bằng \"C\" và name kết thúc bằng một trong [\"Đặng\", \"Lê\"]"
                + " và owner khớp mẫu \"^a\\d+$\"");
    assertThat(en("{ code: { starts_with: [C, D] }, owner: { matches: [a, b] } }"))
        .isEqualTo(
            "code starts with one of [\"C\", \"D\"] and owner matches one of the patterns [\"a\","
                + " \"b\"]");
    assertThat(vi("{ code: { starts_with: [C, D] }, owner: { matches: [a, b] } }"))
        .isEqualTo(
            "code bắt đầu bằng một trong [\"C\", \"D\"] và owner khớp một trong các mẫu [\"a\","
                + " \"b\"]");
  }

  @Test
  void notAndColumnComparisons() throws IOException {
    String text =
        "{ not: { any_of: [ { code: { starts_with: C } }, { wait: { gt: 3 } } ] },"
            + " opened: { lte: { column: closed } }, name: { not: { column: owner } } }";
    assertThat(en(text))
        .isEqualTo(
            "not (code starts with \"C\" or wait > 3)"
                + " and opened ≤ closed (same row; blank on either side: no match)"
                + " and name differs from owner (same row; blank on either side: no match)");
    assertThat(vi(text))
        .isEqualTo(
            "điều kiện (code bắt đầu bằng \"C\" hoặc wait > 3) không đúng"
                + " và opened ≤ closed (cùng dòng; một bên trống thì không khớp)"
                + " và name khác owner (cùng dòng; một bên trống thì không khớp)");
    assertThat(en("{ code: { not: { ends_with: x } }, name: { eq: { column: owner } } }"))
        .isEqualTo(
            "not (code ends with \"x\") and name is the same as owner (same row; blank on either"
                + " side: no match)");
    assertThat(vi("{ code: { not: { ends_with: x } }, name: { eq: { column: owner } } }"))
        .isEqualTo(
            "điều kiện (code kết thúc bằng \"x\") không đúng và name trùng với owner (cùng dòng; một bên"
                + " trống thì không khớp)");
  }
}
