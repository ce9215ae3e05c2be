package dev.journeykpi.calc;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Expr;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Computes a source's derived columns ({@code derive:}) on its imported, joined table, and a
 * filter's {@code expr:} on the table it filters. Each node of an expression is evaluated over
 * whole columns — arrays in, one array out — so a million rows cost a few passes over primitive
 * arrays, not a million walks of the tree.
 *
 * <p>Blanks are SQL NULL: arithmetic, comparisons and functions with a blank give a blank; AND, OR
 * and NOT follow SQL's three-valued logic; a division by zero gives a blank. Values in the arrays:
 * numbers and durations as doubles (NaN blank), true/false as bytes (1, 0, -1 blank), texts as
 * strings (null blank), dates as epoch days and date-times as epoch seconds of their local time
 * (Long.MIN_VALUE blank).
 */
public final class DerivedColumns {
  private static final long NO_TIME = Long.MIN_VALUE;
  private static final byte NO_BOOL = -1;

  private final Table table;
  private final int n;

  private DerivedColumns(Table table) {
    this.table = table;
    this.n = table.rowCount();
  }

  /**
   * Adds to {@code table}, imported (and joined) for source {@code s}, the derived columns among
   * {@code needed} (all when null) and those they read, in the order declared.
   */
  public static void add(SourceDef s, Table table, Set<String> needed) {
    Set<String> wanted = needed == null ? null : new java.util.HashSet<>(needed);
    List<ColumnDef> derived = s.columns().values().stream().filter(ColumnDef::isDerived).toList();
    if (derived.isEmpty()) return;
    if (wanted != null) {
      // The derived columns a needed one reads are needed too (declared above it).
      for (int i = derived.size() - 1; i >= 0; i--) {
        ColumnDef c = derived.get(i);
        if (wanted.contains(c.name())) wanted.addAll(c.lookup().inputs());
      }
    }
    for (ColumnDef c : derived) {
      if (wanted != null && !wanted.contains(c.name())) continue;
      if (table.containsColumn(c.name())) continue;
      table.addColumns(evaluate(table, c.name(), c.lookup().derived().expr()));
    }
  }

  /**
   * Where a true-or-false expression holds on each row of {@code table}: 1 true, 0 false, -1 blank
   * (it read a blank, as SQL's NULL), for a filter's {@code expr:}.
   */
  public static byte[] truth(Table table, Expr e) {
    return (byte[]) new DerivedColumns(table).eval(e, ValueType.BOOLEAN);
  }

  /** The column {@code name} holding {@code e} computed on every row of {@code table}. */
  public static Column<?> evaluate(Table table, String name, Expr e) {
    DerivedColumns d = new DerivedColumns(table);
    ValueType t = e.type();
    Object v = d.eval(e, t);
    int n = table.rowCount();
    switch (t) {
      case NUMBER, DURATION:
        return DoubleColumn.create(name, (double[]) v);
      case BOOLEAN:
        {
          byte[] b = (byte[]) v;
          BooleanColumn out = BooleanColumn.create(name);
          for (int i = 0; i < n; i++) {
            if (b[i] < 0) out.appendMissing();
            else out.append(b[i] == 1);
          }
          return out;
        }
      case STRING:
        {
          String[] s = ((String[]) v).clone();
          for (int i = 0; i < n; i++) if (s[i] == null) s[i] = "";
          return StringColumn.create(name, s);
        }
      case DATE:
        {
          long[] days = (long[]) v;
          DateColumn out = DateColumn.create(name);
          for (int i = 0; i < n; i++) {
            if (days[i] == NO_TIME) out.appendMissing();
            else out.append(LocalDate.ofEpochDay(days[i]));
          }
          return out;
        }
      default:
        {
          long[] secs = (long[]) v;
          DateTimeColumn out = DateTimeColumn.create(name);
          for (int i = 0; i < n; i++) {
            if (secs[i] == NO_TIME) out.appendMissing();
            else out.append(LocalDateTime.ofEpochSecond(secs[i], 0, ZoneOffset.UTC));
          }
          return out;
        }
    }
  }

  /**
   * The values of {@code e} on every row, as an array of {@code as}'s kind; {@code as} says what a
   * NULL literal stands for.
   */
  private Object eval(Expr e, ValueType as) {
    if (e instanceof Expr.Column c) return column(c);
    if (e instanceof Expr.Literal l) return literal(l.value(), l.type() != null ? l.type() : as);
    if (e instanceof Expr.Unary u) return unary(u);
    if (e instanceof Expr.Binary b) return binary(b);
    if (e instanceof Expr.IsNull x) return isNull(x);
    if (e instanceof Expr.In x) return in(x);
    if (e instanceof Expr.Case x) return caseWhen(x);
    return call((Expr.Call) e);
  }

  private static ValueType typeOf(Expr a, Expr b) {
    return a.type() != null ? a.type() : b.type();
  }

  // --- leaves

  private Object column(Expr.Column c) {
    Column<?> col = table.column(c.name());
    switch (c.type()) {
      case NUMBER, DURATION:
        {
          if (col instanceof DoubleColumn d) return d.asDoubleArray();
          NumberColumn<?, ?> num = (NumberColumn<?, ?>) col;
          double[] out = new double[n];
          for (int i = 0; i < n; i++) out[i] = num.isMissing(i) ? Double.NaN : num.getDouble(i);
          return out;
        }
      case BOOLEAN:
        {
          BooleanColumn b = (BooleanColumn) col;
          byte[] out = new byte[n];
          for (int i = 0; i < n; i++) {
            Boolean v = b.get(i);
            out[i] = v == null ? NO_BOOL : v ? (byte) 1 : 0;
          }
          return out;
        }
      case STRING:
        {
          String[] out = new String[n];
          for (int i = 0; i < n; i++) {
            String s = col.isMissing(i) ? null : col.getString(i);
            out[i] = s == null || s.isEmpty() ? null : s;
          }
          return out;
        }
      case DATE:
        {
          DateColumn d = (DateColumn) col;
          long[] out = new long[n];
          for (int i = 0; i < n; i++) {
            LocalDate v = d.get(i);
            out[i] = v == null ? NO_TIME : v.toEpochDay();
          }
          return out;
        }
      default:
        {
          DateTimeColumn d = (DateTimeColumn) col;
          long[] out = new long[n];
          for (int i = 0; i < n; i++) {
            LocalDateTime v = d.get(i);
            out[i] = v == null ? NO_TIME : v.toEpochSecond(ZoneOffset.UTC);
          }
          return out;
        }
    }
  }

  private Object literal(Object v, ValueType t) {
    if (t == null) t = ValueType.BOOLEAN; // NULL beside NULL only: its kind does not matter
    switch (t) {
      case NUMBER, DURATION:
        {
          double[] out = new double[n];
          Arrays.fill(out, v == null ? Double.NaN : (Double) v);
          return out;
        }
      case BOOLEAN:
        {
          byte[] out = new byte[n];
          Arrays.fill(out, v == null ? NO_BOOL : (Boolean) v ? (byte) 1 : 0);
          return out;
        }
      case STRING:
        {
          String[] out = new String[n];
          String s = (String) v;
          Arrays.fill(out, s == null || s.isEmpty() ? null : s);
          return out;
        }
      default:
        {
          long[] out = new long[n];
          Arrays.fill(out, NO_TIME);
          return out;
        }
    }
  }

  // --- operators

  private Object unary(Expr.Unary u) {
    if (u.op().equals("-")) {
      double[] a = (double[]) eval(u.operand(), ValueType.NUMBER);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) out[i] = -a[i];
      return out;
    }
    byte[] a = (byte[]) eval(u.operand(), ValueType.BOOLEAN);
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) out[i] = a[i] < 0 ? NO_BOOL : (byte) (1 - a[i]);
    return out;
  }

  private Object binary(Expr.Binary b) {
    switch (b.op()) {
      case "+", "-", "*", "/":
        return arithmetic(
            b.op(),
            (double[]) eval(b.left(), ValueType.NUMBER),
            (double[]) eval(b.right(), ValueType.NUMBER));
      case "||":
        {
          String[] x = (String[]) eval(b.left(), ValueType.STRING);
          String[] y = (String[]) eval(b.right(), ValueType.STRING);
          String[] out = new String[n];
          for (int i = 0; i < n; i++) out[i] = x[i] == null || y[i] == null ? null : x[i] + y[i];
          return out;
        }
      case "and", "or":
        {
          byte[] x = (byte[]) eval(b.left(), ValueType.BOOLEAN);
          byte[] y = (byte[]) eval(b.right(), ValueType.BOOLEAN);
          byte[] out = new byte[n];
          boolean and = b.op().equals("and");
          for (int i = 0; i < n; i++) out[i] = and ? and(x[i], y[i]) : or(x[i], y[i]);
          return out;
        }
      default:
        {
          ValueType t = typeOf(b.left(), b.right());
          return compare(b.op(), eval(b.left(), t), eval(b.right(), t), t);
        }
    }
  }

  /** SQL's AND: false wins over blank, blank over true. */
  private static byte and(byte x, byte y) {
    if (x == 0 || y == 0) return 0;
    return x < 0 || y < 0 ? NO_BOOL : 1;
  }

  /** SQL's OR: true wins over blank, blank over false. */
  private static byte or(byte x, byte y) {
    if (x == 1 || y == 1) return 1;
    return x < 0 || y < 0 ? NO_BOOL : 0;
  }

  private double[] arithmetic(String op, double[] x, double[] y) {
    double[] out = new double[n];
    switch (op) {
      case "+" -> {
        for (int i = 0; i < n; i++) out[i] = x[i] + y[i];
      }
      case "-" -> {
        for (int i = 0; i < n; i++) out[i] = x[i] - y[i];
      }
      case "*" -> {
        for (int i = 0; i < n; i++) out[i] = x[i] * y[i];
      }
      default -> {
        // A division by zero is a blank, as NULLIF(y, 0) would make it in SQL: not an infinity.
        for (int i = 0; i < n; i++) out[i] = y[i] == 0 ? Double.NaN : x[i] / y[i];
      }
    }
    return out; // NaN (blank) in gives NaN out
  }

  /** Row-wise comparison of two arrays of one kind; a blank on either side gives a blank. */
  private byte[] compare(String op, Object x, Object y, ValueType t) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      int c;
      if (t == null) {
        out[i] = NO_BOOL;
        continue;
      }
      switch (t) {
        case NUMBER, DURATION -> {
          double a = ((double[]) x)[i];
          double b = ((double[]) y)[i];
          if (Double.isNaN(a) || Double.isNaN(b)) {
            out[i] = NO_BOOL;
            continue;
          }
          c = Double.compare(a, b);
        }
        case BOOLEAN -> {
          byte a = ((byte[]) x)[i];
          byte b = ((byte[]) y)[i];
          if (a < 0 || b < 0) {
            out[i] = NO_BOOL;
            continue;
          }
          c = Byte.compare(a, b);
        }
        case STRING -> {
          String a = ((String[]) x)[i];
          String b = ((String[]) y)[i];
          if (a == null || b == null) {
            out[i] = NO_BOOL;
            continue;
          }
          c = a.compareTo(b);
        }
        default -> {
          long a = ((long[]) x)[i];
          long b = ((long[]) y)[i];
          if (a == NO_TIME || b == NO_TIME) {
            out[i] = NO_BOOL;
            continue;
          }
          c = Long.compare(a, b);
        }
      }
      boolean r =
          switch (op) {
            case "=" -> c == 0;
            case "<>" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
          };
      out[i] = r ? (byte) 1 : 0;
    }
    return out;
  }

  private byte[] isNull(Expr.IsNull x) {
    byte[] out = new byte[n];
    boolean[] blank = blanks(x.operand());
    for (int i = 0; i < n; i++) out[i] = (byte) (blank[i] != x.negated() ? 1 : 0);
    return out;
  }

  private boolean[] blanks(Expr e) {
    if (e.type() == null) {
      boolean[] all = new boolean[n];
      Arrays.fill(all, true);
      return all;
    }
    return blanksOf(eval(e, e.type()), e.type());
  }

  /** x IN (a, b) is x = a OR x = b; NOT IN its negation (a blank stays blank). */
  private byte[] in(Expr.In x) {
    ValueType t = x.operand().type();
    for (Expr v : x.values()) if (t == null) t = v.type();
    Object left = eval(x.operand(), t);
    byte[] out = new byte[n];
    Arrays.fill(out, (byte) 0);
    for (Expr v : x.values()) {
      byte[] eq = compare("=", left, eval(v, t), t);
      for (int i = 0; i < n; i++) out[i] = or(out[i], eq[i]);
    }
    if (x.negated())
      for (int i = 0; i < n; i++) out[i] = out[i] < 0 ? NO_BOOL : (byte) (1 - out[i]);
    return out;
  }

  /** The first WHEN that is true gives the row's value (blank or false: the next one). */
  private Object caseWhen(Expr.Case x) {
    ValueType t = x.type();
    Object out = x.otherwise() != null ? eval(x.otherwise(), t) : literal(null, t);
    out = copy(out);
    boolean[] decided = new boolean[n];
    for (int k = 0; k < x.conditions().size(); k++) {
      byte[] when = (byte[]) eval(x.conditions().get(k), ValueType.BOOLEAN);
      Object then = eval(x.results().get(k), t);
      for (int i = 0; i < n; i++) {
        if (decided[i] || when[i] != 1) continue;
        decided[i] = true;
        set(out, i, then);
      }
    }
    return out;
  }

  private static Object copy(Object a) {
    if (a instanceof double[] d) return d.clone();
    if (a instanceof byte[] b) return b.clone();
    if (a instanceof long[] l) return l.clone();
    return ((String[]) a).clone();
  }

  private static void set(Object to, int i, Object from) {
    if (to instanceof double[] d) d[i] = ((double[]) from)[i];
    else if (to instanceof byte[] b) b[i] = ((byte[]) from)[i];
    else if (to instanceof long[] l) l[i] = ((long[]) from)[i];
    else ((String[]) to)[i] = ((String[]) from)[i];
  }

  // --- functions

  private Object call(Expr.Call f) {
    List<Expr> args = f.args();
    switch (f.function()) {
      case "coalesce":
        {
          ValueType t = f.type();
          Object out = copy(eval(args.get(0), t));
          for (int k = 1; k < args.size(); k++) {
            boolean[] blank = blanksOf(out, t);
            Object next = eval(args.get(k), t);
            for (int i = 0; i < n; i++) if (blank[i]) set(out, i, next);
          }
          return out;
        }
      case "lower", "upper", "trim":
        {
          String[] s = (String[]) eval(args.get(0), ValueType.STRING);
          String[] out = new String[n];
          for (int i = 0; i < n; i++) {
            if (s[i] == null) continue;
            String v =
                switch (f.function()) {
                  case "lower" -> s[i].toLowerCase(Locale.ROOT);
                  case "upper" -> s[i].toUpperCase(Locale.ROOT);
                  default -> s[i].strip();
                };
            out[i] = v.isEmpty() ? null : v;
          }
          return out;
        }
      case "starts_with", "contains":
        {
          String[] s = (String[]) eval(args.get(0), ValueType.STRING);
          String[] p = (String[]) eval(args.get(1), ValueType.STRING);
          byte[] out = new byte[n];
          boolean starts = f.function().equals("starts_with");
          for (int i = 0; i < n; i++) {
            if (s[i] == null || p[i] == null) out[i] = NO_BOOL;
            else out[i] = (starts ? s[i].startsWith(p[i]) : s[i].contains(p[i])) ? (byte) 1 : 0;
          }
          return out;
        }
      case "hours_between", "days_between":
        {
          long[] a = seconds(args.get(0));
          long[] b = seconds(args.get(1));
          double per = f.function().equals("hours_between") ? 3600.0 : 86400.0;
          double[] out = new double[n];
          for (int i = 0; i < n; i++)
            out[i] = a[i] == NO_TIME || b[i] == NO_TIME ? Double.NaN : (b[i] - a[i]) / per;
          return out;
        }
      case "year", "month", "day":
        {
          long[] s = seconds(args.get(0));
          double[] out = new double[n];
          for (int i = 0; i < n; i++) {
            if (s[i] == NO_TIME) {
              out[i] = Double.NaN;
              continue;
            }
            LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(s[i], 86400L));
            out[i] =
                switch (f.function()) {
                  case "year" -> d.getYear();
                  case "month" -> d.getMonthValue();
                  default -> d.getDayOfMonth();
                };
          }
          return out;
        }
      case "abs":
        {
          double[] x = (double[]) eval(args.get(0), ValueType.NUMBER);
          double[] out = new double[n];
          for (int i = 0; i < n; i++) out[i] = Math.abs(x[i]);
          return out;
        }
      default: // round: half away from zero, as SQL rounds
        {
          double[] x = (double[]) eval(args.get(0), ValueType.NUMBER);
          double[] out = new double[n];
          for (int i = 0; i < n; i++) out[i] = Math.signum(x[i]) * Math.floor(Math.abs(x[i]) + 0.5);
          return out;
        }
    }
  }

  private boolean[] blanksOf(Object v, ValueType t) {
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++)
      out[i] =
          switch (t) {
            case NUMBER, DURATION -> Double.isNaN(((double[]) v)[i]);
            case BOOLEAN -> ((byte[]) v)[i] < 0;
            case STRING -> ((String[]) v)[i] == null;
            default -> ((long[]) v)[i] == NO_TIME;
          };
    return out;
  }

  /** A date (at midnight) or date-time as seconds on the local clock; blanks stay blank. */
  private long[] seconds(Expr e) {
    ValueType t = e.type() == null ? ValueType.DATETIME : e.type();
    long[] v = (long[]) eval(e, t);
    if (t != ValueType.DATE) return v;
    long[] out = new long[n];
    for (int i = 0; i < n; i++) out[i] = v[i] == NO_TIME ? NO_TIME : v[i] * 86400L;
    return out;
  }
}
