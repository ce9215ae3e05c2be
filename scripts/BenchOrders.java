import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The workload benchmark's orders (scripts/bench-workload.sh): ROWS order rows (default 1,000,000)
 * of ROWS ÷ 5 customers, in the columns of examples/retention, fixed seed, from 1 January 2025 to
 * 27 October 2026 (the day the benchmark's tickets end). Each customer buys within a window of its
 * own (a start and up to 400 days of life), so that customers arrive, lapse, come back and churn in
 * every month; 8 % of the orders are cancelled. Usage: java scripts/BenchOrders.java OUT.csv [ROWS]
 */
public class BenchOrders {
  static final String[] CHANNELS = {"Cửa hàng", "Website", "Shopee", "Zalo", "Hotline"};
  static final DateTimeFormatter F = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int customers = Math.max(1, rows / 5);
    SplittableRandom r = new SplittableRandom(2025);
    LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
    long spanMinutes = 665L * 24 * 60; // to 2026-10-28 00:00, exclusive
    // Each customer's window: where it starts in the span and how long it lasts, in minutes.
    long[] from = new long[customers];
    long[] length = new long[customers];
    for (int c = 0; c < customers; c++) {
      from[c] = r.nextLong(spanMinutes);
      length[c] = Math.min(spanMinutes - from[c], 1 + r.nextLong(400L * 24 * 60));
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("Mã đơn,Ngày đặt,Mã khách hàng,Kênh bán,Số tiền (VND),Trạng thái\n");
      StringBuilder b = new StringBuilder(128);
      for (int i = 1; i <= rows; i++) {
        int c = r.nextInt(customers);
        LocalDateTime at = start.plusMinutes(from[c] + r.nextLong(length[c]));
        b.setLength(0);
        b.append("DH")
            .append(i)
            .append(',')
            .append(F.format(at))
            .append(',')
            .append('C')
            .append(c)
            .append(',')
            .append(CHANNELS[r.nextInt(CHANNELS.length)])
            .append(',')
            .append(10_000 * (1 + r.nextInt(500)))
            .append(',')
            .append(r.nextInt(100) < 8 ? "Đã hủy" : "Hoàn thành")
            .append('\n');
        w.write(b.toString());
      }
    }
  }
}
