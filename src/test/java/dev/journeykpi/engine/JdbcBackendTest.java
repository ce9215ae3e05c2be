package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code --engine jdbc} says of a URL: never its password; which backend it opens. */
class JdbcBackendTest {
  @Test
  void aUrlIsShownWithoutItsPassword() {
    // A password parameter, whatever its case, up to the next parameter; other parameters kept.
    assertThat(JdbcBackend.redacted("jdbc:postgresql://db:5432/crm?user=ana&password=s3cret&ssl=1"))
        .isEqualTo("jdbc:postgresql://db:5432/crm?user=ana&password=***&ssl=1");
    assertThat(JdbcBackend.redacted("jdbc:trino://t:8080/hive?PASSWORD=x;SSL=true"))
        .isEqualTo("jdbc:trino://t:8080/hive?PASSWORD=***;SSL=true");
    // A user:password@ before the host: the user kept, the password hidden.
    assertThat(JdbcBackend.redacted("jdbc:postgresql://ana:s3cret@db/crm"))
        .isEqualTo("jdbc:postgresql://ana:***@db/crm");
    // Nothing to hide: the URL as it is (a port is no password).
    assertThat(JdbcBackend.redacted("jdbc:postgresql://db:5432/crm"))
        .isEqualTo("jdbc:postgresql://db:5432/crm");
  }

  @Test
  void theDialectComesFromTheUrlsScheme() {
    assertThat(JdbcBackend.dialectName(target("jdbc:postgresql://db/crm", null)))
        .isEqualTo("postgres");
    assertThat(JdbcBackend.dialectName(target("jdbc:trino://t:8080/hive", null)))
        .isEqualTo("trino");
    // --dialect names the dialect of a scheme kpi does not know, repeats a known one's, and may not
    // contradict it (PostgreSQL's server would answer Trino's SQL with its own errors).
    assertThat(JdbcBackend.dialectName(target("jdbc:acme://db/crm", "postgres")))
        .isEqualTo("postgres");
    assertThat(JdbcBackend.dialectName(target("jdbc:postgresql://db/crm", "postgres")))
        .isEqualTo("postgres");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> JdbcBackend.dialectName(target("jdbc:postgresql://db/crm", "duckdb")))
        .hasMessageContaining("--dialect duckdb does not go with --url jdbc:postgresql:…");
  }

  private static SqlTarget target(String url, String dialect) {
    return new SqlTarget(url, null, null, dialect, null);
  }
}
