package dev.journeykpi.calc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The activity history of every customer in a set of rows: per customer, its activity days in order, with the order
 * each belongs to and its amount. Built once per breakdown group and shared by every period.
 *
 * <p>Rows without a customer id or without a date are not activity; they are counted so the KPI's note can say so.
 */
final class CustomerActivity {
  final int customers;
  /** customer c's activities are entries from[c] (inclusive) to from[c + 1] (exclusive), in day order */
  final int[] from;
  final int[] day;
  final int[] order;
  final double[] value;
  final int noCustomer;
  final int noDate;
  /** each customer's id */
  final String[] ids;
  /** the table row of each activity */
  final int[] row;

  private CustomerActivity(String[] ids, int customers, int[] from, int[] day, int[] order, double[] value, int[] row,
      int noCustomer, int noDate) {
    this.ids = ids;
    this.row = row;
    this.customers = customers;
    this.from = from;
    this.day = day;
    this.order = order;
    this.value = value;
    this.noCustomer = noCustomer;
    this.noDate = noDate;
  }

  /**
   * @param orderColumn the order id column, or null when each row is its own order
   * @param valueColumn the amount column, or null
   */
  static CustomerActivity of(Table table, Selection rows, String customerColumn, String timeColumn, String orderColumn,
      String valueColumn) {
    Column<?> who = table.column(customerColumn);
    Column<?> when = table.column(timeColumn);
    Column<?> orders = orderColumn == null ? null : table.column(orderColumn);
    DoubleColumn amounts = valueColumn == null ? null : table.doubleColumn(valueColumn);
    int[] rs = Cells.rows(rows);
    long[] keyed = new long[rs.length]; // customer key << 32 | position in rs, sorted then by day
    int[] days = new int[rs.length];
    Map<String, Integer> customerKeys = new HashMap<>();
    Map<String, Integer> orderKeys = new HashMap<>();
    int n = 0, noCustomer = 0, noDate = 0;
    for (int i = 0; i < rs.length; i++) {
      int row = rs[i];
      long t = Cells.packedTime(when, row);
      if (t == Cells.MISSING_TIME) {
        noDate++;
        continue;
      }
      if (Cells.isBlank(who, row) || Cells.label(who, row).isBlank()) {
        noCustomer++;
        continue;
      }
      int key = customerKeys.computeIfAbsent(Cells.label(who, row), k -> customerKeys.size());
      days[i] = (int) tech.tablesaw.columns.dates.PackedLocalDate.toEpochDay((int) (t >> 32));
      keyed[n++] = ((long) key << 32) | i;
    }
    long[] sorted = Arrays.copyOf(keyed, n);
    // Customer, then day, then row order: deterministic whatever the file order.
    Long[] boxed = new Long[n];
    for (int i = 0; i < n; i++) boxed[i] = sorted[i];
    Arrays.sort(boxed, (a, b) -> {
      int ca = (int) (a >>> 32), cb = (int) (b >>> 32);
      if (ca != cb) return Integer.compare(ca, cb);
      int ia = (int) (long) a, ib = (int) (long) b;
      if (days[ia] != days[ib]) return Integer.compare(days[ia], days[ib]);
      return Integer.compare(ia, ib);
    });
    int customers = customerKeys.size();
    int[] from = new int[customers + 1];
    int[] day = new int[n];
    int[] order = new int[n];
    double[] value = new double[n];
    int[] rowOf = new int[n];
    for (int j = 0; j < n; j++) {
      int c = (int) (boxed[j] >>> 32);
      int i = (int) (long) boxed[j];
      int row = rs[i];
      from[c + 1]++;
      rowOf[j] = row;
      day[j] = days[i];
      order[j] = orders == null || Cells.isBlank(orders, row) ? -1 - row
          : orderKeys.computeIfAbsent(Cells.label(orders, row), k -> orderKeys.size());
      value[j] = amounts == null ? Double.NaN : amounts.getDouble(row);
    }
    for (int c = 0; c < customers; c++) from[c + 1] += from[c];
    String[] ids = new String[customers];
    customerKeys.forEach((id, key) -> ids[key] = id);
    return new CustomerActivity(ids, customers, from, day, order, value, rowOf, noCustomer, noDate);
  }

  /** Index of customer c's last activity on or before day d, or -1. */
  int lastOnOrBefore(int c, int d) {
    int lo = from[c], hi = from[c + 1] - 1, found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (day[mid] <= d) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Whether customer c has activity on a day in [a, b]. */
  boolean activeBetween(int c, int a, int b) {
    int i = lastOnOrBefore(c, b);
    return i >= 0 && day[i] >= a;
  }

  int firstDay(int c) {
    return day[from[c]];
  }
}
