import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds two scorecards of the workload benchmark side by side (scripts/bench-workload.sh): kpi's
 * {@code report -f csv} and scripts/BenchWorkloadDuckDb.java's CSV, rows matched by kpi, period,
 * campaign, stage and step. For each row the value, numerator, denominator and n must agree to 1e-9
 * relative; kpi prints values rounded to 6 decimals (half up, of the exact double), so DuckDB's
 * value is rounded the same way first. Prints every mismatch and every row only one side has, then
 * a summary line; exits 1 when anything differs. Usage: java scripts/BenchCompare.java KPI.csv
 * DUCKDB.csv
 */
public class BenchCompare {
  static final String[] KEY = {"kpi", "period", "campaign", "stage", "step"};
  static final String[] NUMBERS = {"value", "numerator", "denominator", "n"};

  public static void main(String[] args) throws IOException {
    Map<String, Map<String, String>> kpi = rows(Path.of(args[0]));
    Map<String, Map<String, String>> duck = rows(Path.of(args[1]));
    int compared = 0;
    List<String> problems = new ArrayList<>();
    for (var e : kpi.entrySet()) {
      Map<String, String> d = duck.get(e.getKey());
      if (d == null) {
        problems.add(e.getKey() + ": only kpi has it");
        continue;
      }
      for (String f : NUMBERS) {
        String a = e.getValue().getOrDefault(f, ""), b = d.getOrDefault(f, "");
        compared++;
        if (!same(a, b)) problems.add(e.getKey() + " " + f + ": kpi " + a + ", DuckDB " + b);
      }
    }
    for (String k : duck.keySet())
      if (!kpi.containsKey(k)) problems.add(k + ": only DuckDB has it");
    problems.forEach(p -> System.out.println("MISMATCH " + p));
    System.out.printf(
        "%s: %d rows, %d numbers compared, %d mismatches%n",
        problems.isEmpty() ? "numbers agree" : "NUMBERS DIFFER",
        kpi.size(),
        compared,
        problems.size());
    if (!problems.isEmpty()) System.exit(1);
  }

  /** Equal to 1e-9 relative, after rounding DuckDB's number as kpi rounds what it prints. */
  static boolean same(String kpi, String duck) {
    if (kpi.isEmpty() || duck.isEmpty()) return kpi.isEmpty() && duck.isEmpty();
    double a = Double.parseDouble(kpi);
    double b =
        new BigDecimal(Double.parseDouble(duck)).setScale(6, RoundingMode.HALF_UP).doubleValue();
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }

  /** The rows of a CSV file by their key, each as column name → cell. */
  static Map<String, Map<String, String>> rows(Path file) throws IOException {
    List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
    List<String> header = records.get(0);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < r.size(); i++) row.put(header.get(i), r.get(i));
      StringBuilder key = new StringBuilder();
      for (String k : KEY) key.append(key.isEmpty() ? "" : "|").append(row.getOrDefault(k, ""));
      out.put(key.toString(), row);
    }
    return out;
  }

  /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parse(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') quoted = false;
        else field.append(c);
      } else if (c == '"') quoted = true;
      else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
      } else field.append(c);
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      out.add(record);
    }
    return out;
  }
}
