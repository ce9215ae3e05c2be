package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.Main;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.Status;
import dev.journeykpi.report.Renderer;
import dev.journeykpi.report.View;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine runs `kpi report` without the command line: what it writes, says and decides is the
 * CLI's, byte for byte.
 */
class ReportJobTest {
  static final List<Path> HOTEL = List.of(Path.of("kpi-definitions/hotel-housekeeping.yaml"));

  /** Files kept in memory, in the order written. */
  static final class MemoryFiles implements OutputFiles {
    final Map<Path, byte[]> written = new LinkedHashMap<>();

    @Override
    public void text(Path file, TextBody body) {
      StringWriter w = new StringWriter();
      try {
        body.write(w);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      written.put(file, w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void bytes(Path file, BytesBody body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        body.write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      written.put(file, out.toByteArray());
    }
  }

  private static ReportJob.Request request(
      List<ReportJob.Output> files, Renderer.Format stdout, Status failOn, boolean quiet) {
    return new ReportJob.Request(
        HOTEL,
        Map.of(),
        dev.journeykpi.model.PeriodChoice.of(Period.parse("2026-10")),
        List.of(),
        RunRequest.Compare.NONE,
        new ReportJob.Outputs(files, stdout, View.DEFAULT, true, false),
        new ReportJob.Gates(null, quiet, false, null, false, failOn));
  }

  @Test
  void standardOutputAndStderrAreThoseOfTheCli() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Outcome outcome =
        new ReportJob(
                request(List.of(), Renderer.Format.CSV, Status.RED, false),
                new MemoryFiles(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .run();
    StringWriter cliOut = new StringWriter();
    StringWriter cliErr = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "report",
              "-c",
              HOTEL.get(0).toString(),
              "--period",
              "2026-10",
              "-f",
              "csv",
              "--fail-on",
              "red"
            },
            new PrintWriter(cliOut, true),
            new PrintWriter(cliErr, true));
    assertThat(outcome).isEqualTo(Outcome.BREACH);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(cliOut.toString()).startsWith("kpi,label,period,");
    assertThat(err.toString())
        .isEqualTo(cliErr.toString())
        .contains(
            "kpi: breach: sheets_changed_rate {floor=3} 2026-10: 78,8% (target ≥ 90,0%) is red");
  }

  @Test
  void filesGoThroughTheGivenOutputFilesInTheirFormats() throws IOException {
    MemoryFiles files = new MemoryFiles();
    StringWriter out = new StringWriter();
    Outcome outcome =
        new ReportJob(
                request(
                    List.of(
                        new ReportJob.Output(Path.of("a.csv"), "csv"),
                        new ReportJob.Output(Path.of("a.xlsx"), "xlsx"),
                        new ReportJob.Output(Path.of("a.md"), "md")),
                    null,
                    null,
                    true),
                files,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))
            .run();
    assertThat(outcome).isEqualTo(Outcome.OK);
    assertThat(out.toString()).isEmpty();
    assertThat(files.written.keySet())
        .containsExactly(Path.of("a.csv"), Path.of("a.xlsx"), Path.of("a.md"));
    assertThat(
            new String(
                files.written.get(Path.of("a.csv")), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("kpi,label,period,");
    assertThat(files.written.get(Path.of("a.xlsx"))).startsWith((byte) 'P', (byte) 'K');
  }
}
