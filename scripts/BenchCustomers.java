import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the join benchmark's customer list (scripts/bench-join.yaml): N rows (default 100,000),
 * keyed by the tickets' Customer ID (C0, C3, C6, …: every third of the 300,000 ids BenchData draws
 * from, so about a third of the tickets find their customer and the rest are counted unmatched),
 * with a text segment and a number credit limit, fixed seed. Usage: java
 * scripts/BenchCustomers.java OUT.csv [ROWS]
 */
public class BenchCustomers {
  static final String[] SEGMENTS = {"Doanh nghiệp", "SME", "Cá nhân", "VIP"};

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    SplittableRandom r = new SplittableRandom(7);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("Customer ID,Segment,Credit Limit\n");
      for (int i = 0; i < rows; i++) {
        w.write(
            "C"
                + (i * 3)
                + ","
                + SEGMENTS[r.nextInt(SEGMENTS.length)]
                + ","
                + (1000 * (1 + r.nextInt(50)))
                + "\n");
      }
    }
  }
}
