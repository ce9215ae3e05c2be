package dev.journeykpi.report;

import dev.journeykpi.config.CompareDef;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.VariantComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * The A/B comparisons ({@code compare:}, issue 20) as sentences in the view's language, never as a
 * bare star: "v2 (82.5%, n 400) is higher than v1 (78.0%, n 410) by 4.5 points (95 % CI 0.9 to 8.0,
 * p = 0.03, Holm-adjusted; Newcombe hybrid score interval)", led by "In channel Email, " when the
 * variants are compared within each group of another breakdown. A variant below its control is
 * "lower … by" the gap, with the interval of the gap (control − variant), so that both read as
 * positive distances.
 */
final class ComparisonSentences {
  private final boolean vi;
  private final ValueFormat fmt;
  private final Labels words;

  ComparisonSentences(String lang, ValueFormat fmt, Labels words) {
    this.vi = "vi".equals(lang);
    this.fmt = fmt;
    this.words = words;
  }

  /** The heading above the sentences. */
  String title() {
    return vi
        ? "So sánh A/B — từng phương án với nhóm đối chứng; giá trị p đã hiệu chỉnh Holm trên mọi"
            + " phép so sánh của kỳ"
        : "A/B comparisons — each variant against its control; p-values Holm-adjusted over every"
            + " comparison of the period";
  }

  /** One sentence per comparison, in the scorecard's order, led by the KPI's label and period. */
  List<String> of(Scorecard card) {
    List<String> out = new ArrayList<>();
    for (VariantComparison c : card.comparisons()) {
      String label = card.definition().requireKpi(c.kpi()).label();
      out.add(label + " · " + words.period(c.period()) + ": " + sentence(c));
    }
    return out;
  }

  /**
   * The sentence, led by the group it is compared within when the KPI has other breakdown columns:
   * "In channel Email, B (…) is higher than A (…) by …", "Trong channel Email, B (…) cao hơn …".
   */
  String sentence(VariantComparison c) {
    if (c.within().isEmpty()) return comparison(c);
    List<String> parts = new ArrayList<>();
    c.within().forEach((column, label) -> parts.add(column + " " + words.value(label)));
    return (vi ? "Trong " : "In ") + String.join(", ", parts) + ", " + comparison(c);
  }

  private String comparison(VariantComparison c) {
    String variant =
        words.value(c.variant()) + " (" + valueAndN(c.variantValue(), c.unit(), c.variantN()) + ")";
    if (c.missing() != null) return variant + ": " + missing(c);
    String control =
        dev.journeykpi.model.BreakdownLabel.shown(c.control())
            + " ("
            + valueAndN(c.controlValue(), c.unit(), c.controlN())
            + ")";
    double d = c.difference();
    // No-break spaces where a wrapped line must not split "95 %" or "điểm %".
    String level = fmt.decimal(c.level(), c.level() == Math.rint(c.level()) ? 0 : 1) + "\u00a0%";
    // Below the control: the gap and its interval as positive distances (control − variant).
    double low = d < 0 ? -c.high() : c.low();
    double high = d < 0 ? -c.low() : c.high();
    String how =
        d > 0
            ? (vi ? " cao hơn " : " is higher than ")
            : d < 0 ? (vi ? " thấp hơn " : " is lower than ") : (vi ? " bằng " : " is level with ");
    String by = d == 0 ? "" : (vi ? " " : " by ") + number(Math.abs(d), c.unit()) + unit(c.unit());
    String interval =
        (vi ? "khoảng tin cậy " + level + " " : level + " CI ")
            + number(low, c.unit())
            + (vi ? " đến " : " to ")
            + number(high, c.unit())
            + unit(c.unit());
    return variant
        + how
        + control
        + by
        + " ("
        + interval
        + ", "
        + p(c.pAdjusted())
        + (vi ? ", đã hiệu chỉnh Holm; " : ", Holm-adjusted; ")
        + method(c.method())
        + ")";
  }

  /** A group's value and size, its minus sign the real one, as in the differences: "−2,75 NPS". */
  private String valueAndN(Double value, String unit, long n) {
    String v = fmt.human(value, unit);
    if (v.startsWith("-")) v = "−" + v.substring(1);
    return v + ", n " + fmt.count(n);
  }

  /**
   * A difference's number in the KPI's scale (a rate's in percentage points), with a real minus
   * sign: "4.5", "−3.5".
   */
  private String number(double v, String unit) {
    String n =
        switch (unit) {
          case "%" -> fmt.decimal(v * 100, 1);
          case "seconds" -> fmt.decimal(v, 0);
          case "NPS", "minutes", "hours", "days" -> fmt.decimal(v, 1);
          default -> fmt.decimal(v, 2);
        };
    return n.replace('-', '−');
  }

  /** What a difference is counted in: percentage points for a rate, points for NPS, its unit. */
  private String unit(String unit) {
    return switch (unit) {
      case "%" -> vi ? " điểm\u00a0%" : " points";
      case "NPS" -> vi ? " điểm" : " points";
      case "seconds", "minutes", "hours", "days" -> fmt.suffix(unit);
      default -> unit.isEmpty() || unit.equals("rows") ? "" : " " + unit;
    };
  }

  /** "p = 0.03", "p = 0.004", "p < 0.001". */
  private String p(double p) {
    if (p < 0.001) return "p < " + fmt.decimal(0.001, 3);
    return "p = " + fmt.decimal(p, p < 0.01 ? 3 : 2);
  }

  private String method(String machine) {
    return switch (machine) {
      case "newcombe-hybrid-score" ->
          vi ? "khoảng điểm lai Newcombe" : "Newcombe hybrid score interval";
      case "welch-t" -> vi ? "kiểm định t Welch" : "Welch's t-test";
      case "nps-trinomial" -> vi ? "phương sai tam thức của NPS" : "NPS trinomial variance";
      case "bootstrap-percentile" ->
          "bootstrap, "
              + fmt.count(CompareDef.BOOTSTRAP_RESAMPLES)
              + (vi ? " lần lấy mẫu lại, hạt giống " : " resamples, seed ")
              + CompareDef.BOOTSTRAP_SEED;
      default -> machine;
    };
  }

  private String missing(VariantComparison c) {
    return switch (c.missing()) {
      case NO_CONTROL_ROWS ->
          vi
              ? "không so sánh được: không dòng nào của kỳ có "
                  + c.column()
                  + " '"
                  + c.control()
                  + "' (nhóm đối chứng)"
              : "no comparison: no row of the period has "
                  + c.column()
                  + " '"
                  + c.control()
                  + "' (the control)";
      case NO_VALUE ->
          vi
              ? "không so sánh được: phương án hoặc nhóm đối chứng không có giá trị"
              : "no comparison: the variant or the control has no value";
      case TOO_FEW_VALUES ->
          vi
              ? "không so sánh được: quá ít giá trị (cần ít nhất hai mỗi bên)"
              : "no comparison: too few values (two a side at least)";
      case NO_SPREAD ->
          vi
              ? "không so sánh được: giá trị trong mỗi nhóm đều như nhau, không có khoảng tin cậy"
              : "no comparison: no variation within either group (each has one value throughout),"
                  + " so no interval";
    };
  }
}
