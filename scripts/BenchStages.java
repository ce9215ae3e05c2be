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
 */
public class BenchStages {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long rows = Long.parseLong(args[1]);
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
        LocalDateTime t = start.plusMinutes((long) lead * 2 + rnd.nextInt(60));
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
