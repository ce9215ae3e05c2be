package dev.journeykpi.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Binds the keys of a {@code customers} KPI: measure, customer column, activity window, dormancy,
 * order, value.
 */
final class CustomerBinder {
  private final Diagnostics d;
  private final String ctx;

  CustomerBinder(Diagnostics d, String ctx) {
    this.d = d;
    this.ctx = ctx;
  }

  CustomerDef bind(MapReader m, ColumnCheck exists, ColumnCheck numeric) {
    List<String> names =
        Arrays.stream(CustomerDef.Measure.values()).map(CustomerDef.Measure::yamlName).toList();
    String measureText = m.required("measure");
    CustomerDef.Measure measure = null;
    if (measureText != null) {
      measure =
          Arrays.stream(CustomerDef.Measure.values())
              .filter(x -> x.yamlName().equals(measureText.trim().toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElse(null);
      if (measure == null) {
        d.error(
            m.at("measure"),
            ctx
                + ".measure '"
                + measureText
                + "' is not one of "
                + String.join(", ", names)
                + Suggestions.hint(measureText, names));
      }
    }
    String customer = m.required("customer");
    exists.check(customer, m.at("customer"), "customer");
    TimeKeyBinder times = new TimeKeyBinder(d);
    String windowText = m.string("window");
    TimeSpan window =
        windowText == null || windowText.trim().equalsIgnoreCase("period")
            ? null
            : times.days(m, "window", ctx, "'period' or ");
    String dormantText = m.string("dormant_after");
    TimeSpan dormant = times.days(m, "dormant_after", ctx, "");
    if (measure != null && measure.needsDormancy() && dormantText == null) {
      d.error(
          m.map.location(),
          ctx
              + ": "
              + measure.yamlName()
              + " needs 'dormant_after', e.g. dormant_after: 30 working days");
    }
    String order = m.string("order");
    exists.check(order, m.at("order"), "order");
    String value = m.string("value");
    numeric.check(value, m.at("value"), "value");
    if (measure != null
        && (measure == CustomerDef.Measure.AOV || measure == CustomerDef.Measure.CLV)
        && value == null) {
      d.error(
          m.map.location(), ctx + ": " + measure.yamlName() + " needs 'value', the amount column");
    }
    CustomerDef.Returns returns = CustomerDef.Returns.NET;
    String returnsText = m.string("returns");
    if (returnsText != null) {
      returns =
          switch (returnsText.trim().toLowerCase(Locale.ROOT)) {
            case "net" -> CustomerDef.Returns.NET;
            case "exclude" -> CustomerDef.Returns.EXCLUDE;
            default -> {
              d.error(
                  m.at("returns"),
                  ctx
                      + ".returns is 'net' (negative amounts reduce revenue) or 'exclude', found '"
                      + returnsText
                      + "'");
              yield CustomerDef.Returns.NET;
            }
          };
    }
    Double lifespan = null;
    String lifespanText = m.string("lifespan");
    if (lifespanText != null && !lifespanText.trim().equalsIgnoreCase("churn")) {
      try {
        lifespan = Double.parseDouble(lifespanText.trim());
        if (lifespan <= 0) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        d.error(
            m.at("lifespan"),
            ctx
                + ".lifespan is a number of periods (e.g. 24 months for monthly reports) or 'churn'"
                + " (1 ÷ the churn rate), found '"
                + lifespanText
                + "'");
      }
    }
    Integer cohorts = m.integer("cohorts");
    if (cohorts != null && (cohorts < 1 || cohorts > 60))
      d.error(m.at("cohorts"), ctx + ".cohorts is between 1 and 60");
    String mode = m.string("cohort_mode");
    if (mode != null && !mode.equals("first_time") && !mode.equals("recurring")) {
      d.error(
          m.at("cohort_mode"),
          ctx + ".cohort_mode is 'first_time' or 'recurring', found '" + mode + "'");
    }
    if (measure == null) return null;
    return new CustomerDef(
        measure,
        customer,
        window,
        dormant,
        order,
        value,
        returns,
        lifespan,
        cohorts == null ? 12 : cohorts,
        "recurring".equals(mode));
  }
}
