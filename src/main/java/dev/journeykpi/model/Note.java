package dev.journeykpi.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One thing a result row says about how its value was made ("3 open (no resolved_at)"): a {@link
 * Code} and its typed arguments, never a sentence. The words live in the message catalogs ({@link
 * Messages}, {@code notes_en} and {@code notes_vi}), one template per code; CSV and JSON print the
 * English, the views for people the reader's language. A row's notes together are {@link Notes}.
 */
public record Note(Code code, List<Object> args) {

  /** What an argument is, which says its Java type and how each language writes it. */
  public enum Kind {
    /**
     * A number of rows, leads, answers…: a whole number, written plainly (no grouping) in every
     * language.
     */
    COUNT(Long.class),
    /** A column, stage or filter name from the definition: as written. */
    NAME(String.class),
    /**
     * Values quoted from the data ("'Spam' ×2, 'x'", "created 2026-10-03 09:00 → …"): as they are.
     */
    EXAMPLES(String.class),
    /** A day: ISO (2026-10-31). */
    DATE(LocalDate.class),
    /** A number with decimals: '.' in English, Vietnamese marks ("635.819,33") in Vietnamese. */
    DECIMAL(Decimal.class),
    /** A time span as the definition wrote it ("7 days"); the unit word is translated. */
    SPAN(String.class);

    final Class<?> type;

    Kind(Class<?> type) {
      this.type = type;
    }
  }

  /** One argument of a code: its name (the template's {@code {name}}) and kind. */
  public record Arg(String name, Kind kind) {}

  /**
   * A number and how many decimals it is written with; {@code places < 0} writes it plainly ("3",
   * "2.5").
   */
  public record Decimal(double value, int places) {
    /** The English (calculators') form: '.' for decimals, no grouping. */
    public String english() {
      if (places >= 0) return String.format(Locale.ROOT, "%." + places + "f", value);
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }

    /**
     * The Vietnamese form: ',' for decimals and '.' grouping thousands, as the views show values
     * ("635.819,33"); a whole number as in English.
     */
    public String vietnamese() {
      String en = english();
      int dot = en.indexOf('.');
      if (dot < 0 || en.indexOf('E') >= 0 || en.indexOf('N') >= 0) return en;
      boolean negative = en.startsWith("-");
      StringBuilder b = new StringBuilder(en.substring(negative ? 1 : 0, dot));
      for (int i = b.length() - 3; i > 0; i -= 3) b.insert(i, '.');
      return (negative ? "-" : "") + b + "," + en.substring(dot + 1);
    }
  }

  /**
   * Every kind of note, with its arguments in order. The catalogs hold one template per code in
   * each language, with a {@code {name}} per argument ({@code MessagesTest} keeps them in step).
   */
  public enum Code {
    // period coverage (calc.PeriodCoverage); always the first note of a row
    INCOMPLETE_PERIOD_NOT_OVER(arg("until", Kind.DATE)),
    INCOMPLETE_DATA_ENDS(arg("lastDay", Kind.DATE)),
    // rows outside every period (calc.KpiRunner)
    ROWS_WITHOUT_IN_NO_PERIOD(count(), arg("column", Kind.NAME)),
    // nothing to compute from
    NO_ROWS,
    NO_VALUES_IN(arg("columns", Kind.NAME)),
    DENOMINATOR_ZERO,
    // sum, mean, median, percentile (ColumnMeasurer)
    ROWS_WITHOUT_SKIPPED(count(), arg("columns", Kind.NAME)),
    ROWS_MISSING_PART(count(), arg("columns", Kind.NAME)),
    // count of distinct values (CountMeasurer)
    ROWS_WITHOUT_NOT_COUNTED(count(), arg("column", Kind.NAME)),
    // durations and backlogs (DurationMeasurer, BacklogMeasurer)
    OPEN(count(), arg("end", Kind.NAME)),
    END_BEFORE_START(count(), arg("end", Kind.NAME), arg("start", Kind.NAME)),
    END_BEFORE_START_EXAMPLES(
        count(), arg("end", Kind.NAME), arg("start", Kind.NAME), arg("examples", Kind.EXAMPLES)),
    WITHOUT_LEFT_OUT(count(), arg("column", Kind.NAME)),
    NO_COMPLETED_DURATIONS,
    // survey scores (ScoreMeasurer)
    BLANK_ANSWERS(count()),
    ANSWERS_NOT_WHOLE(count()),
    ANSWERS_OUTSIDE(count(), arg("min", Kind.DECIMAL), arg("max", Kind.DECIMAL)),
    UNRECOGNISED_ANSWERS(count()),
    EXAMPLES(arg("values", Kind.EXAMPLES)),
    NO_VALID_ANSWERS,
    NPS_SPLIT(
        arg("promoters", Kind.COUNT),
        arg("promotersPercent", Kind.DECIMAL),
        arg("passives", Kind.COUNT),
        arg("passivesPercent", Kind.DECIMAL),
        arg("detractors", Kind.COUNT),
        arg("detractorsPercent", Kind.DECIMAL)),
    // SLA (SlaMeasurer)
    OPEN_PAST_LIMIT(count()),
    OPEN_WITHIN_LIMIT(count()),
    NO_LIMIT_FOR(count(), arg("column", Kind.NAME), arg("values", Kind.EXAMPLES)),
    WITHOUT_START_OR_END_BEFORE_START(count(), arg("start", Kind.NAME), arg("end", Kind.NAME)),
    NO_ROWS_TO_JUDGE,
    // no repeat (NoRepeatMeasurer)
    WINDOW_PAST_DATA_END(count(), arg("window", Kind.SPAN)),
    NO_CONTACTS_TO_JUDGE,
    // turnover (TurnoverMeasurer)
    HEADCOUNT(arg("atStart", Kind.COUNT), arg("atEnd", Kind.COUNT)),
    NO_HEADCOUNT,
    TURNOVER_NEEDS_PERIOD,
    // customers (CustomerMeasurer)
    CUSTOMERS_NEED_PERIOD,
    ROWS_WITHOUT_LEFT_OUT(count(), arg("column", Kind.NAME)),
    ACTIVE_AT_START(count()),
    NO_ACTIVE_AT_START,
    RETENTION_PARTS(arg("e", Kind.COUNT), arg("n", Kind.COUNT), arg("s", Kind.COUNT)),
    NEW_LAPSED_NOT_IN_N(count()),
    BLANK_AMOUNTS_NOT_ORDERS(count(), arg("column", Kind.NAME)),
    NO_DORMANT_AT_START,
    NO_CUSTOMERS_WITH_ORDERS,
    NO_ORDERS,
    LIFESPAN_CHURN_NOT_COMPUTABLE,
    LIFESPAN_CHURN_ZERO,
    CLV_FROM_CHURN(
        arg("aov", Kind.DECIMAL),
        arg("frequency", Kind.DECIMAL),
        arg("lifespan", Kind.DECIMAL),
        arg("churned", Kind.COUNT),
        arg("active", Kind.COUNT)),
    CLV_GIVEN_LIFESPAN(
        arg("aov", Kind.DECIMAL), arg("frequency", Kind.DECIMAL), arg("lifespan", Kind.DECIMAL)),
    STATE_NEW,
    STATE_RETURNING,
    STATE_RESURRECTING,
    STATE_DORMANT,
    NO_CUSTOMERS_IN_COHORT,
    // funnels and stalled leads (FunnelMeasurer, StalledMeasurer)
    STAGE_NOT_IN_FUNNEL(count(), arg("values", Kind.EXAMPLES)),
    MIDWAY_COUNTED_SEPARATELY(count()),
    MIDWAY_FILLED(count()),
    NO_LEADS,
    NO_TIMES,
    NOT_FOR_ACTIVITY_FUNNEL,
    NO_OVERALL_CONVERSION_IN_ACTIVITY_FUNNEL,
    STALLED_NEED_PERIOD,
    NO_STALLED_AT_START,
    CLOSED_BEFORE_PERIOD(count()),
    // a filter's, SLA limit's or stage's text that no row of the source has (engine.DataValueCheck)
    TEXT_IN_NO_ROW(arg("what", Kind.NAME), arg("column", Kind.NAME), arg("text", Kind.EXAMPLES)),
    // formulas over other KPIs (types.formula): why a formula has no value
    FORMULA_NO_VALUE_FROM(arg("kpis", Kind.NAME)),
    FORMULA_NO_SINGLE_VALUE(arg("kpis", Kind.NAME)),
    FORMULA_DIVISION_BY_ZERO(arg("divisor", Kind.NAME)),
    FORMULA_NO_RESULT,
    FORMULA_OUT_OF_RANGE,
    // kpi report --confidence (engine.RateIntervals): a share whose denominator is below 30
    SMALL_SAMPLE(count());

    private final List<Arg> args;

    Code(Arg... args) {
      this.args = List.of(args);
    }

    public List<Arg> args() {
      return args;
    }

    /** The catalogs' key: the code's name. */
    public String key() {
      return name();
    }
  }

  private static Arg arg(String name, Kind kind) {
    return new Arg(name, kind);
  }

  private static Arg count() {
    return new Arg("count", Kind.COUNT);
  }

  public Note {
    if (args.size() != code.args().size()) {
      throw new IllegalArgumentException(
          code + " takes " + code.args().size() + " arguments, not " + args.size());
    }
    List<Object> typed = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      Kind k = code.args().get(i).kind();
      if (k == Kind.COUNT && a instanceof Integer x) a = x.longValue();
      if (!k.type.isInstance(a)) {
        throw new IllegalArgumentException(
            code + "'s " + code.args().get(i).name() + " is a " + k + ", not " + a);
      }
      typed.add(a);
    }
    args = List.copyOf(typed);
  }

  /**
   * The note of a code with its arguments in the code's order (counts as int or long, decimals as
   * {@link Decimal}).
   */
  public static Note of(Code code, Object... args) {
    return new Note(code, Arrays.asList(args));
  }

  /** A number written with {@code places} decimals. */
  public static Decimal decimal(double value, int places) {
    return new Decimal(value, places);
  }

  /** A number written plainly: "3", "2.5". */
  public static Decimal plain(double value) {
    return new Decimal(value, -1);
  }

  /** The note in English, as CSV, JSON and scripts read it. */
  public String english() {
    return text("en");
  }

  /** The note in a language ("en" or "vi"; anything else is English). */
  public String text(String lang) {
    Messages m = Messages.notes(lang);
    String template = m.get(code.key());
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open);
      out.append(argument(template.substring(open + 1, close), m));
      i = close + 1;
    }
    return out.toString();
  }

  private String argument(String name, Messages m) {
    for (int k = 0; k < code.args().size(); k++) {
      if (!code.args().get(k).name().equals(name)) continue;
      Object a = args.get(k);
      return switch (code.args().get(k).kind()) {
        case DECIMAL -> m.vietnamese() ? ((Decimal) a).vietnamese() : ((Decimal) a).english();
        case DATE -> a.toString();
        case SPAN -> m.vietnamese() ? span((String) a, m) : (String) a;
        default -> String.valueOf(a);
      };
    }
    throw new IllegalStateException(
        "template of " + code + " names {" + name + "}, not one of its arguments");
  }

  /** "7 days" → "7 ngày": the amount as written, the unit word in the catalog's language. */
  private static String span(String text, Messages m) {
    int space = text.indexOf(' ');
    if (space < 0) return text;
    return text.substring(0, space) + " " + m.timeUnit(text.substring(space + 1));
  }
}
