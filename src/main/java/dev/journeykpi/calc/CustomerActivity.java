package dev.journeykpi.calc;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The activity history of every customer in a set of rows: per customer, its activity days in
 * order, with the order each belongs to and its amount. Built once per breakdown group and shared
 * by every period.
 *
 * <p>Rows without a customer id or without a date are not activity; they are counted so the KPI's
 * note can say so.
 */
public final class CustomerActivity {
  public final int customers;

  /**
   * customer c's activities are entries from[c] (inclusive) to from[c + 1] (exclusive), in day
   * order
   */
  public final int[] from;

  public final int[] day;

  /** each activity's order number, or null when each row is its own order (see {@link #order}) */
  private final int[] order;

  /** each activity's amount, or null without an amount column (see {@link #value}) */
  private final double[] value;

  public final int noCustomer;
  public final int noDate;

  /** each customer's id */
  public final String[] ids;

  /** the table row of each activity */
  public final int[] row;

  private CustomerActivity(
      String[] ids,
      int customers,
      int[] from,
      int[] day,
      int[] order,
      double[] value,
      int[] row,
      int noCustomer,
      int noDate) {
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
  public static CustomerActivity of(
      Table table,
      Selection rows,
      String customerColumn,
      String timeColumn,
      String orderColumn,
      String valueColumn) {
    Column<?> when = table.column(timeColumn);
    Column<?> orders = orderColumn == null ? null : table.column(orderColumn);
    DoubleColumn amounts = valueColumn == null ? null : table.doubleColumn(valueColumn);
    int[] rs = Cells.rows(rows);
    KeyNumbering customers = new KeyNumbering(table.column(customerColumn));
    int[] customerOf = new int[rs.length];
    int[] days = new int[rs.length];
    int n = 0, noCustomer = 0, noDate = 0;
    for (int i = 0; i < rs.length; i++) {
      int row = rs[i];
      long t = Cells.packedTime(when, row);
      customerOf[i] = -1;
      if (t == Cells.MISSING_TIME) {
        noDate++;
        continue;
      }
      int c = customers.of(row);
      if (c < 0) {
        noCustomer++;
        continue;
      }
      customerOf[i] = c;
      days[i] = (int) tech.tablesaw.columns.dates.PackedLocalDate.toEpochDay((int) (t >> 32));
      n++;
    }
    // Customer, then day, then row order: deterministic whatever the file order. Rows are bucketed
    // by customer (a counting sort), then each customer's few activities sorted by (day, position)
    // packed in a long: sorting all rows as boxed Longs with a comparator took 1 s of a
    // 1,000,000-row churn KPI.
    int count = customers.size();
    int[] from = new int[count + 1];
    for (int i = 0; i < rs.length; i++) {
      if (customerOf[i] >= 0) from[customerOf[i] + 1]++;
    }
    for (int c = 0; c < count; c++) from[c + 1] += from[c];
    int[] next = java.util.Arrays.copyOf(from, count);
    long[] sorted = new long[n];
    for (int i = 0; i < rs.length; i++) {
      int c = customerOf[i];
      if (c >= 0) sorted[next[c]++] = ((long) days[i] << 32) | i;
    }
    for (int c = 0; c < count; c++) {
      if (from[c + 1] - from[c] > 1) java.util.Arrays.sort(sorted, from[c], from[c + 1]);
    }
    // The per-row work arrays are dropped before the history's own are made: at 10,000,000 rows
    // each is 40 MB, and the history is built in -Xmx2g beside the imported tables (issue 21).
    customerOf = null;
    days = null;
    KeyNumbering orderIds = orders == null ? null : new KeyNumbering(orders);
    int[] day = new int[n];
    // Without an order column or an amount column, no array of per-row stand-ins (a row's own
    // order, NaN): order(i) and value(i) give them (80 + 40 MB fewer at 10,000,000 rows).
    int[] order = orderIds == null ? null : new int[n];
    double[] value = amounts == null ? null : new double[n];
    int[] rowOf = new int[n];
    for (int j = 0; j < n; j++) {
      int i = (int) sorted[j];
      int row = rs[i];
      rowOf[j] = row;
      day[j] = (int) (sorted[j] >> 32);
      if (order != null) {
        int o = orderIds.of(row);
        order[j] = o < 0 ? -1 - row : o;
      }
      if (value != null) value[j] = amounts.getDouble(row);
    }
    return new CustomerActivity(
        customers.ids(), count, from, day, order, value, rowOf, noCustomer, noDate);
  }

  /**
   * Activity i's order: its order id's number (0, 1, 2 …), or {@code -1 - row} when it has no order
   * id or there is no order column (each row its own order, never equal to another's).
   */
  public int order(int i) {
    return order == null ? -1 - row[i] : order[i];
  }

  /** Whether the activities have an amount column (a blank amount is then not an order). */
  public boolean hasAmounts() {
    return value != null;
  }

  /** Activity i's amount, NaN when blank or when there is no amount column. */
  public double value(int i) {
    return value == null ? Double.NaN : value[i];
  }

  /** Index of customer c's last activity on or before day d, or -1. */
  public int lastOnOrBefore(int c, int d) {
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
  public boolean activeBetween(int c, int a, int b) {
    int i = lastOnOrBefore(c, b);
    return i >= 0 && day[i] >= a;
  }

  public int firstDay(int c) {
    return day[from[c]];
  }
}
