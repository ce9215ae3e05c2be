package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.ingest.Workbooks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees on stderr when an export is read other than they might think, and the exit
 * codes.
 */
class ImportMessagesCliTest {
  @TempDir Path dir;

  private Path definition(String file) throws Exception {
    Path d = dir.resolve("def.yaml");
    Files.writeString(
        d,
        """
        version: 1
        sources:
          tickets:
            file: %s
            columns:
              id: Mã
              channel: Kênh
        kpis:
          - { id: tickets, type: count, source: tickets, time: none, by: [channel] }
        """
            .formatted(file));
    return d;
  }

  @Test
  void aHiddenFirstSheetIsNamedOnStderrEvenWithQuiet() throws Exception {
    Workbook wb = Workbooks.create("xlsx");
    Workbooks.hiddenGuideBeforeData(wb, new String[] {"Điền mỗi phiếu một dòng"});
    Workbooks.save(wb, dir.resolve("tickets.xlsx"));
    CliRunner.Result r =
        run("report", "-c", definition("tickets.xlsx").toString(), "-q", "-f", "csv");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err())
        .contains("kpi: tickets: reading sheet 'Data' of ")
        .contains("tickets.xlsx (sheet 'Hướng dẫn' is hidden)\n")
        .doesNotContain("Data quality");
    assertThat(r.out()).contains("tickets,");
  }

  @Test
  void aMappedHeaderTwiceExits3AndAnUnmappedOneWarns() throws Exception {
    Files.writeString(dir.resolve("tickets.csv"), "Mã,Kênh,Ghi chú,Kênh\nT1,Zalo,a,Email\n");
    CliRunner.Result r = run("report", "-c", definition("tickets.csv").toString(), "-f", "csv");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .contains("kpi: data error: ")
        .contains(
            "tickets.csv: header 'Kênh' appears twice, in columns 2 (B) and 4 (D); rename one");
    Files.writeString(dir.resolve("tickets.csv"), "Mã,Kênh,Ghi chú,Ghi chú\nT1,Zalo,a,b\n");
    r = run("report", "-c", definition("tickets.csv").toString(), "-f", "csv", "-q");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err())
        .contains("kpi: tickets: ")
        .contains(
            "tickets.csv: header 'Ghi chú' appears twice, in columns 3 (C) and 4 (D); not mapped, so not read");
  }

  @Test
  void aFileNotWhatItsNameSaysExits3InReportAndInspect() throws Exception {
    Files.writeString(dir.resolve("tickets.xlsx"), "Mã,Kênh\nT1,Zalo\n");
    CliRunner.Result r = run("report", "-c", definition("tickets.xlsx").toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            "the name says .xlsx but the file is CSV text; rename it to .csv or set format: csv on its source")
        .doesNotContain("Exception");
    CliRunner.Result i = run("inspect", dir.resolve("tickets.xlsx").toString());
    assertThat(i.exitCode()).isEqualTo(3);
    assertThat(i.err()).contains("the name says .xlsx but the file is CSV text");
  }
}
