package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw starts without scanning the class path (see the io.github.classgraph package comment).
 */
class TablesawStartupTest {
  @Test
  void tablesStartWithTheStandInScanner() throws Exception {
    Table t = Table.create("t", StringColumn.create("a", "x", "y"));
    assertThat(t.rowCount()).isEqualTo(2);
    // The stand-in, not the ClassGraph library, answered Tablesaw's start-up scan: the library is
    // not on the class path.
    Class<?> scanner = Class.forName("io.github.classgraph.ClassGraph");
    assertThat(scanner.getProtectionDomain().getCodeSource().getLocation().toString())
        .doesNotContain("classgraph");
    assertThat(classExists("nonapi.io.github.classgraph.scanspec.ScanSpec")).isFalse();
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
