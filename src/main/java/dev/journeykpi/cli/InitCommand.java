package dev.journeykpi.cli;

import dev.journeykpi.model.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kpi init}: writes a starter kit (definitions, example exports, a README for the client).
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "Write a starter kit for a new client from a template: definitions, example exports and a README."
            + " --list shows the templates.")
final class InitCommand implements Callable<Integer> {
  /**
   * The files of each template, as packaged under /templates/NAME/ (the jar cannot list a folder).
   */
  private static final Map<String, List<String>> FILES =
      Map.of(
          "hotel-touchpoints",
              List.of(
                  "README.md",
                  "kpi-definitions/hotel-housekeeping.yaml",
                  "examples/hotel/room-checks.csv",
                  "examples/hotel/room-service.xlsx",
                  "examples/hotel/checkouts.csv"),
          "customer-service",
              List.of(
                  "README.md",
                  "kpi-definitions/customer-service.yaml",
                  "examples/customer-service/phieu-ho-tro.csv",
                  "examples/customer-service/cuoc-goi.csv",
                  "examples/customer-service/khao-sat-nps.csv",
                  "examples/customer-service/nhan-su.csv",
                  "examples/customer-service/khao-sat-nhan-vien.csv"),
          "retention",
              List.of(
                  "README.md", "kpi-definitions/retention.yaml", "examples/retention/don-hang.csv"),
          "sales-journey",
              List.of(
                  "README.md",
                  "kpi-definitions/sales-journey.yaml",
                  "examples/sales-journey/nhat-ky-khach-hang.csv"),
          "lead-stages",
              List.of(
                  "README.md",
                  "kpi-definitions/lead-stages.yaml",
                  "examples/lead-stages/giai-doan-khach.csv"));

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(
      names = "--template",
      paramLabel = "NAME",
      description = "The template to use (see --list).")
  String template;

  @Option(names = "--list", description = "List the templates.")
  boolean list;

  @Option(names = "--force", description = "Overwrite files that already exist in DIR.")
  boolean force;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "Where to write the kit (created if needed).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> templates = index();
    if (list || template == null) {
      if (template == null && !list)
        throw new UsageException("give --template NAME and a DIR, or --list");
      templates.forEach((name, what) -> out.println(name + "  " + what));
      out.flush();
      return ExitCodes.OK;
    }
    if (!templates.containsKey(template)) {
      throw new UsageException(
          "no template '"
              + template
              + "'"
              + dev.journeykpi.config.Suggestions.hint(template, templates.keySet())
              + "; templates: "
              + String.join(", ", templates.keySet()));
    }
    if (dir == null) throw new UsageException("give the DIR to write the kit to");
    // The definition is shipped under its own name (hotel-housekeeping.yaml); in a kit it is named
    // after the template, and that is the name checked for a clash (a kit's edited definition must
    // not be overwritten without --force).
    List<String> files = FILES.get(template);
    String shipped = files.get(1);
    String named = "kpi-definitions/" + template + ".yaml";
    List<String> clashes = new ArrayList<>();
    for (String f : files) {
      Path t = target(f.equals(shipped) ? named : f);
      if (Files.exists(t)) clashes.add(t.toString());
    }
    if (!clashes.isEmpty() && !force) {
      throw new UsageException(
          "these files exist already (use --force to overwrite): " + String.join(", ", clashes));
    }
    String period = "2026-10";
    for (String f : files) {
      try (InputStream in = resource(template + "/" + f)) {
        Path t = target(f.equals(shipped) ? named : f);
        Files.createDirectories(t.getParent());
        if (f.equals(shipped)) {
          // Its "# Run:" line names the kit's file, and says the period to try.
          String text =
              new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(shipped, named);
          java.util.regex.Matcher m =
              java.util.regex.Pattern.compile("--period (\\S+)").matcher(text);
          if (m.find()) period = m.group(1);
          Files.writeString(t, text, StandardCharsets.UTF_8);
        } else {
          Files.copy(in, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    out.println("wrote the " + template + " kit to " + dir);
    out.println(
        "next: scripts/kpi report -c "
            + target(named)
            + " --period "
            + period
            + "   (see "
            + target("README.md")
            + ")");
    out.flush();
    return ExitCodes.OK;
  }

  private Path target(String f) {
    return dir.resolve(f);
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = InitCommand.class.getResourceAsStream("/templates/" + path);
    if (in == null) throw new IOException("template file missing from the build: " + path);
    return in;
  }

  private static Map<String, String> index() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(resource("index.tsv"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] parts = line.split("\t", 2);
        if (parts.length == 2) out.put(parts[0], parts[1]);
      }
    }
    return out;
  }
}
