import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * The funnel benchmark's stage history (scripts/bench-funnel.yaml): ROWS rows of lead-stage entries
 * in the columns of examples/lead-stages, fixed seed. Leads move Mới → Có hứng thú → Tiềm năng →
 * Dùng thử 7 ngày → Mua hàng, some stop, some are lost (Không mua), some re-enter a stage or skip
 * one, a few rows are duplicated or carry a value that is not a stage; the rows come in time order
 * per lead, leads interleaved by when they start.
 *
 * <p>java scripts/BenchStages.java bench-data/stages-1m.csv 1000000
 *
 * <p>With a third argument DAYS (the workload of scripts/bench-workload.sh), leads start over the
 * first DAYS days of 2026 whatever the number of rows — a lead's start is placed by the share of
 * rows written before it — so that every size covers the same months as the other exports: {@code
 * java scripts/BenchStages.java bench-data/workload-stages-10m.csv 10000000 270}. Without it a lead
 * starts about two minutes after the one before (the funnel benchmark's file, unchanged).
 */
public class BenchStages {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long rows = Long.parseLong(args[1]);
    long spanMinutes = args.length > 2 ? Long.parseLong(args[2]) * 24 * 60 : -1;
    String[] stages = {"Mới", "Có hứng thú", "Tiềm năng", "Dùng thử 7 ngày", "Mua hàng"};
    String[] campaigns = {
      "Tết 2026", "Sinh nhật thương hiệu", "Hè 2026", "Back to school", "Black Friday"
    };
    String[] departments = {"Marketing", "Telesales", "Chăm sóc khách hàng", "Kinh doanh"};
    DateTimeFormatter at = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    Random rnd = new Random(20261207);
    LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
    long written = 0;
    int lead = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("Mã khách hàng,Chiến dịch,Phòng ban,Giai đoạn,Ngày chuyển giai đoạn\n");
      while (written < rows) {
        String id = "KH-" + (lead++);
        String campaign = campaigns[rnd.nextInt(campaigns.length)];
        // Leads start through the year, about 4 rows each.
        long offset = spanMinutes < 0 ? (long) lead * 2 : written * spanMinutes / rows;
        LocalDateTime t = start.plusMinutes(offset + rnd.nextInt(60));
        int k = rnd.nextInt(20) == 0 ? 1 : 0;
        int depth = 1 + rnd.nextInt(5);
        for (int s = 0; s < depth && k < stages.length && written < rows; s++) {
          String dept = departments[Math.min(k, departments.length - 1)];
          String v = rnd.nextInt(200) == 0 ? "Chờ xử lý" : stages[k];
          w.write(id + "," + campaign + "," + dept + "," + v + "," + at.format(t) + "\n");
          written++;
          if (rnd.nextInt(50) == 0 && written < rows) {
            w.write(id + "," + campaign + "," + dept + "," + v + "," + at.format(t) + "\n");
            written++;
          }
          t = t.plusMinutes(30 + rnd.nextInt(5 * 24 * 60));
          int r = rnd.nextInt(20);
          k += r == 0 && k > 0 ? -1 : r == 1 ? 2 : 1;
        }
        if (rnd.nextInt(4) == 0 && written < rows) {
          w.write(id + "," + campaign + ",Kinh doanh,Không mua," + at.format(t) + "\n");
          written++;
        }
      }
    }
  }
}
