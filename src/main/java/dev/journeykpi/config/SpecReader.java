package dev.journeykpi.config;

import java.util.List;
import java.util.Map;

/**
 * What a KPI type's binder reads its keys with: the KPI's YAML map, its source's columns, the
 * checks of column references and the readers of filters, clocks and time spans. Every problem goes
 * to the definition's diagnostics with the position of the key, so one bad KPI reports all its
 * mistakes at once.
 */
public final class SpecReader {
  /**
   * A bound type: its spec and the KPI's unit (the type's default, or the declared one it accepts).
   */
  public record Bound(KpiSpec spec, String unit) {}

  /** One item of a list key, with where it was written. */
  public record Item(String text, Location at) {}

  private final MapReader m;
  private final Diagnostics d;
  private final String ctx;
  private final String id;
  private final String time;
  private final Map<String, ColumnDef> cols;
  private final Location presetAt;
  private final FilterBinder filters;
  private final TimeKeyBinder times;

  SpecReader(
      MapReader m,
      Diagnostics d,
      String ctx,
      String id,
      String time,
      Map<String, ColumnDef> cols,
      Location presetAt) {
    this.m = m;
    this.d = d;
    this.ctx = ctx;
    this.id = id;
    this.time = time;
    this.cols = cols;
    this.presetAt = presetAt;
    this.filters = new FilterBinder(d);
    this.times = new TimeKeyBinder(d);
  }

  /** "kpi 'frt'", the start of every message about this KPI. */
  public String ctx() {
    return ctx;
  }

  /** The KPI's id, or null when it has none (already reported). */
  public String id() {
    return id;
  }

  /** The KPI's time column, or null for {@code time: none} or when it has none. */
  public String time() {
    return time;
  }

  public boolean has(String key) {
    return m.has(key);
  }

  public String string(String key) {
    return m.string(key);
  }

  /** The key's text; its absence is reported. */
  public String required(String key) {
    return m.required(key);
  }

  public Integer integer(String key) {
    return m.integer(key);
  }

  public List<Item> items(String key) {
    return m.items(key).stream().map(i -> new Item(i.text(), i.at())).toList();
  }

  /** Where the key's value was written, or the KPI's position when it is absent. */
  public Location at(String key) {
    return m.at(key);
  }

  /** Where the KPI was written. */
  public Location where() {
    return m.map.location();
  }

  /** The unit the KPI declares, or null. */
  public String declaredUnit() {
    return m.string("unit");
  }

  public void error(Location at, String message) {
    d.error(at, message);
  }

  /**
   * A filter key that may also be written as a map with a {@code where:} inside ({@code numerator:
   * {where: …}}, as presets write ratios).
   */
  public Filter filter(String key) {
    YNode n = m.node(key);
    if (n instanceof YNode.YMap nm && nm.has("where")) n = nm.get("where");
    return filters.bind(n, ctx + "." + key, cols);
  }

  /**
   * A filter key read as a filter only ({@code closed:}: a column named {@code where} is a column).
   */
  public Filter plainFilter(String key) {
    return filters.bind(m.node(key), ctx + "." + key, cols);
  }

  /** {@code clock: business | calendar}; true for business time. */
  public boolean businessClock() {
    return times.clock(m, ctx);
  }

  /** A span key ({@code within: 7 days}), null when absent or wrong (reported). */
  public TimeSpan span(String key, boolean workingDaysAllowed) {
    return times.span(m, key, ctx, workingDaysAllowed);
  }

  /** A span of whole days ({@code idle: 30 working days}). */
  public TimeSpan days(String key) {
    return times.days(m, key, ctx, "");
  }

  /** An SLA's {@code limit:}: one span, or one per value of a column. */
  /** An SLA's limit; on the business clock ({@code business}) a limit in days is refused. */
  public SlaDef limit(boolean business) {
    return times.limit(m, ctx, this::exists, business);
  }

  /**
   * A duration unit in days on the business clock, refused (reported at {@code unit:}): a day of
   * working time would be 24 working hours.
   */
  public void refuseBusinessDays(boolean business, String unit) {
    if (business && "days".equals(unit))
      d.error(at("unit"), ctx + ".unit 'days': " + TimeKeyBinder.BUSINESS_DAYS);
  }

  public ScoreDef score() {
    return new ScoreBinder(d, ctx).bind(m);
  }

  public FunnelDef funnel() {
    return new FunnelBinder(d, ctx).bind(m, time, this::exists, this::temporal);
  }

  public CustomerDef customers() {
    return new CustomerBinder(d, ctx).bind(m, this::exists, this::numericColumn);
  }

  /** The column exists in the source (when the source declares its columns); reported otherwise. */
  public ColumnDef exists(String name, Location at, String field) {
    if (name == null || cols == null) return null;
    ColumnDef c = cols.get(name);
    if (c == null) {
      String fromPreset =
          at.equals(presetAt)
              ? " (a preset default: map a source column named '"
                  + name
                  + "', or set '"
                  + field
                  + "' on the KPI)"
              : "";
      d.error(
          at,
          ctx
              + "."
              + field
              + " refers to unknown column '"
              + name
              + "'"
              + Suggestions.hint(name, cols.keySet())
              + fromPreset
              + "; columns: "
              + String.join(", ", cols.keySet()));
    }
    return c;
  }

  /** A required key naming a date or date-time column (a duration's start, a backlog's end). */
  public String requiredTime(String key) {
    String name = required(key);
    temporal(name, at(key), key);
    return name;
  }

  public void temporal(String name, Location at, String field) {
    ColumnDef c = exists(name, at, field);
    if (c != null && !c.type().isTemporal()) {
      d.error(
          at,
          ctx
              + "."
              + field
              + " column '"
              + name
              + "' must be a date or datetime column, but it is "
              + c.type().yamlName()
              + " (declare type: datetime and its format)");
    }
  }

  public void numericColumn(String name, Location at, String field) {
    ColumnDef c = exists(name, at, field);
    if (c != null && c.type() != ValueType.NUMBER) {
      d.error(
          at,
          ctx
              + "."
              + field
              + " '"
              + name
              + "' must be a number column, but it is "
              + c.type().yamlName());
    }
  }

  /** A measured column: a number or a duration. */
  public void numeric(String name, Location at) {
    ColumnDef c = exists(name, at, "column");
    if (c != null && c.type() != ValueType.NUMBER && c.type() != ValueType.DURATION) {
      d.error(
          at,
          ctx
              + ".column '"
              + name
              + "' must be a number or duration column, but it is "
              + c.type().yamlName());
    }
  }

  /** The display units of durations. */
  public static final List<String> DURATION_UNITS = List.of("seconds", "minutes", "hours", "days");

  /** A type whose unit is fixed: a declared other unit is reported. */
  public String fixedUnit(String unit, String typeWords) {
    String declared = declaredUnit();
    if (declared != null && !declared.equals(unit))
      d.error(at("unit"), ctx + ": " + typeWords + "'s unit is '" + unit + "'");
    return unit;
  }
}
