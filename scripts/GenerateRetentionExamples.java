import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Regenerates examples/retention with a fixed seed (run by scripts/generate-examples.sh): two years
 * of a Vietnamese shop's orders (2024-11 to 2026-10) with regular, seasonal (Tết and Mid-Autumn)
 * and occasional customers, customers who lapse for months and come back, walk-in sales without a
 * customer id, cancelled orders and returns as negative amounts, Vietnamese headers, dd/MM/yyyy
 * dates and 1.250.000 amounts.
 */
public class GenerateRetentionExamples {
  static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final LocalDate FIRST = LocalDate.of(2024, 11, 1);
  static final LocalDate LAST = LocalDate.of(2026, 10, 31);
  static final String[] CHANNELS = {"Cửa hàng", "Cửa hàng", "Website", "Shopee", "Shopee", "Zalo"};
  static final String[] REGIONS = {"Miền Bắc", "Miền Bắc", "Miền Trung", "Miền Nam", "Miền Nam"};

  record Order(
      LocalDate day, String customer, String region, String channel, long amount, String status) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/retention");
    Files.createDirectories(dir);
    Random r = new Random(20261201);
    List<Order> orders = new ArrayList<>();
    for (int c = 1; c <= 420; c++) {
      String id = String.format("KH%05d", c);
      String region = REGIONS[r.nextInt(REGIONS.length)];
      LocalDate join = FIRST.plusDays(r.nextInt(700));
      double kind = r.nextDouble();
      List<LocalDate> days = new ArrayList<>();
      if (kind < 0.3) { // regular: about monthly, some stop after a while
        LocalDate stop = r.nextDouble() < 0.35 ? join.plusDays(60 + r.nextInt(300)) : LAST;
        for (LocalDate d = join;
            !d.isAfter(stop) && !d.isAfter(LAST);
            d = d.plusDays(22 + r.nextInt(20))) days.add(d);
      } else if (kind < 0.5) { // seasonal: before Tết (January) and around Mid-Autumn (September)
        for (int y = 2024; y <= 2026; y++) {
          LocalDate tet = LocalDate.of(y, 1, 5).plusDays(r.nextInt(25));
          LocalDate autumn = LocalDate.of(y, 9, 1).plusDays(r.nextInt(25));
          for (LocalDate d : List.of(tet, autumn))
            if (!d.isBefore(join) && r.nextDouble() < 0.85) days.add(d);
        }
        if (days.isEmpty()) days.add(join);
      } else if (kind < 0.85) { // occasional: every three to five months
        for (LocalDate d = join; !d.isAfter(LAST); d = d.plusDays(80 + r.nextInt(80))) {
          if (r.nextDouble() < 0.8) days.add(d);
        }
        if (days.isEmpty()) days.add(join);
      } else { // lapsing: active a few months, away four to eight months, then back
        LocalDate d = join;
        for (int k = 0;
            k < 3 + r.nextInt(3) && !d.isAfter(LAST);
            k++, d = d.plusDays(20 + r.nextInt(20))) days.add(d);
        d = d.plusDays(120 + r.nextInt(120));
        for (int k = 0;
            k < 2 + r.nextInt(3) && !d.isAfter(LAST);
            k++, d = d.plusDays(20 + r.nextInt(25))) days.add(d);
      }
      for (LocalDate d : days) {
        if (d.isAfter(LAST)) continue;
        long amount = (150 + r.nextInt(40) * 25) * 1000L;
        String status = r.nextDouble() < 0.04 ? "Đã hủy" : "Hoàn thành";
        orders.add(new Order(d, id, region, CHANNELS[r.nextInt(CHANNELS.length)], amount, status));
        if (status.equals("Hoàn thành") && r.nextDouble() < 0.03) {
          orders.add(
              new Order(
                  d.plusDays(3 + r.nextInt(10)), id, region, CHANNELS[0], -amount / 2, "Trả hàng"));
        }
      }
    }
    // Walk-in sales: no customer id, but revenue all the same.
    for (int i = 0; i < 180; i++) {
      orders.add(
          new Order(
              FIRST.plusDays(r.nextInt(730)),
              "",
              REGIONS[r.nextInt(REGIONS.length)],
              "Cửa hàng",
              (100 + r.nextInt(20) * 10) * 1000L,
              "Hoàn thành"));
    }
    orders.removeIf(o -> o.day().isAfter(LAST));
    orders.sort(java.util.Comparator.comparing(Order::day).thenComparing(Order::customer));
    List<String> lines = new ArrayList<>();
    lines.add("Mã đơn,Ngày đặt,Mã khách hàng,Khu vực,Kênh bán,Số tiền (VND),Trạng thái");
    int n = 0;
    for (Order o : orders) {
      lines.add(
          String.join(
              ",",
              String.format("DH%06d", ++n),
              VN_DATE.format(o.day()),
              o.customer(),
              o.region(),
              o.channel(),
              "\"" + String.format(java.util.Locale.GERMANY, "%,d", o.amount()) + "\"",
              o.status()));
    }
    Files.writeString(
        dir.resolve("don-hang.csv"), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }
}
