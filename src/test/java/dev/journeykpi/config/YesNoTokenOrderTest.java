package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The default yes/no and null tokens iterate in one fixed order (docs/definitions.md's), so that
 * the "not a yes/no value (true: …; false: …)" message and {@code kpi sql} are the same bytes on
 * every run; {@code Set.of} iterated in an order that changed from JVM to JVM (issue 17 review).
 */
class YesNoTokenOrderTest {
  @Test
  void theDefaultTokensKeepTheirDocumentedOrder() {
    assertThat(String.join("/", SourceBinder.DEFAULT_TRUE))
        .isEqualTo("true/yes/y/1/x/có/co/đúng/✓");
    assertThat(String.join("/", SourceBinder.DEFAULT_FALSE))
        .isEqualTo("false/no/n/0/không/khong/sai/✗");
    assertThat(String.join("|", SourceBinder.DEFAULT_NULLS))
        .isEqualTo("|NA|N/A|n/a|null|NULL|#N/A|-|(blank)");
  }
}
