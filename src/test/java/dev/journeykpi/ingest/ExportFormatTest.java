package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One format registry: the import, {@code kpi inspect} and {@code kpi validate --check-data} read a
 * file as the same format, because all three ask {@link ExportFormat#of}, and only ExportFormat
 * calls a format's readers.
 */
class ExportFormatTest {
  @TempDir Path dir;

  @Test
  void eachExtensionStandsForOneFormat() {
    List<String> all = new ArrayList<>();
    for (ExportFormat f : ExportFormat.values()) {
      all.addAll(f.extensions);
      for (String ext : f.extensions) assertThat(ExportFormat.byExtension(ext)).isSameAs(f);
      assertThat(ExportFormat.named(f.yamlName())).isSameAs(f);
    }
    assertThat(all).doesNotHaveDuplicates();
    assertThat(ExportFormat.byExtension("pdf")).isNull();
  }

  /**
   * A tab-separated export named .txt and a workbook: read alike by the import, validate's header
   * check and inspect.
   */
  @ParameterizedTest
  @ValueSource(strings = {"t.txt", "t.xlsx"})
  void theThreeReadersAgreeOnAFile(String name) throws IOException {
    Path file = dir.resolve(name);
    if (name.endsWith(".xlsx")) {
      workbook(file);
    } else {
      Files.writeString(file, "Mã\tKênh\nT1\tZalo\nT2\tEmail\n");
    }
    SourceDef s = ImportFixtures.definition(dir, "file: " + name + "\n").sources().get("s");
    assertThat(ExportFormat.of(file, null))
        .isEqualTo(name.endsWith(".xlsx") ? ExportFormat.XLSX : ExportFormat.CSV);
    assertThat(HeaderProbe.headers(s, file)).containsExactly("Mã", "Kênh");
    assertThat(SourceLoader.load(s, null, java.time.ZoneOffset.UTC).table().rowCount())
        .isEqualTo(2);
    assertThat(Inspector.inspect(file, null, 0, null, (char) 0).rows()).isEqualTo(2);
  }

  /**
   * A CSV named .xlsx is refused by all three with the same words, for they decide in the same
   * place.
   */
  @Test
  void theThreeRefuseAMisnamedFileAlike() throws IOException {
    Path file = dir.resolve("t.xlsx");
    Files.writeString(file, "Mã,Kênh\nT1,Zalo\n");
    SourceDef s = ImportFixtures.definition(dir, "file: t.xlsx\n").sources().get("s");
    String expected =
        SourceLoader.display(file)
            + ": the name says .xlsx but the file is CSV text; rename it to .csv or"
            + " set format: csv on its source";
    assertThatThrownBy(() -> HeaderProbe.headers(s, file))
        .isInstanceOf(DataException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> SourceLoader.load(s, null, java.time.ZoneOffset.UTC))
        .hasMessage(expected);
    assertThatThrownBy(() -> Inspector.inspect(file, null, 0, null, (char) 0)).hasMessage(expected);
  }

  /**
   * Only the registry calls a format's readers or decides a file's format: no second switch over
   * formats.
   */
  @Test
  void onlyTheRegistryPicksAReader() throws IOException {
    List<String> entryPoints =
        List.of(
            "FileFormat.of(",
            "CsvTableReader.read(",
            "ExcelTableReader.read(",
            "Inspector.csv(",
            "Inspector.excel(",
            "startsWith(\"xls\")");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/journeykpi"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.getFileName().toString().equals("ExportFormat.java")) continue;
        String code = Files.readString(f);
        for (String e : entryPoints)
          if (code.contains(e)) offenders.add(f.getFileName() + ": " + e);
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static void workbook(Path file) throws IOException {
    try (Workbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      var sheet = wb.createSheet("S");
      var h = sheet.createRow(0);
      h.createCell(0).setCellValue("Mã");
      h.createCell(1).setCellValue("Kênh");
      sheet.createRow(1).createCell(0).setCellValue("T1");
      sheet.getRow(1).createCell(1).setCellValue("Zalo");
      sheet.createRow(2).createCell(0).setCellValue("T2");
      sheet.getRow(2).createCell(1).setCellValue("Email");
      wb.write(out);
    }
  }
}
