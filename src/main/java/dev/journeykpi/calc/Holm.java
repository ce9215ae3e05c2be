package dev.journeykpi.calc;

/**
 * Holm's step-down correction (Holm 1979) for several comparisons read together: every variant
 * against its control, over every KPI with {@code compare:} in one run. It keeps the chance of any
 * false "differs" at the level asked, without Bonferroni's loss of power, and needs no assumption
 * about how the tests depend on each other.
 */
public final class Holm {
  private Holm() {}

  /**
   * The adjusted p-values, in the order given: sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎, the i-th adjusted
   * value is max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎), so that the adjusted values keep the raw
   * values' order.
   */
  public static double[] adjust(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) order[i] = i;
    // Ties keep the given order: the adjusted values do not depend on it.
    java.util.Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
    double[] out = new double[m];
    double running = 0;
    for (int j = 0; j < m; j++) {
      running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
      out[order[j]] = running;
    }
    return out;
  }
}
