package dev.journeykpi.calc;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The difference of two Net Promoter Scores with the trinomial variance: each answer scores +1
 * (promoter, 9–10), 0 (passive, 7–8) or −1 (detractor, 0–6), the NPS is 100 × their mean, and the
 * mean's variance is ((P + D) − (P − D)²) ÷ n with P and D the promoters' and detractors' shares.
 * The interval and the two-sided p-value are the normal ones on that variance (a Wald interval,
 * fine at the hundreds of answers an NPS is read at).
 */
public final class NpsDifference {
  private NpsDifference() {}

  /**
   * The variant's promoters, passives and detractors against the control's, at the normal quantile
   * {@code z}; null when a side has no answers or neither varies (every answer the same).
   */
  public static Difference of(
      long promoters1,
      long passives1,
      long detractors1,
      long promoters2,
      long passives2,
      long detractors2,
      double z) {
    double n1 = promoters1 + passives1 + detractors1;
    double n2 = promoters2 + passives2 + detractors2;
    if (n1 == 0 || n2 == 0) return null;
    double nps1 = (promoters1 - detractors1) / n1;
    double nps2 = (promoters2 - detractors2) / n2;
    double var1 = ((promoters1 + detractors1) / n1 - nps1 * nps1) / n1;
    double var2 = ((promoters2 + detractors2) / n2 - nps2 * nps2) / n2;
    double se = Math.sqrt(var1 + var2);
    if (!(se > 0)) return null;
    double d = nps1 - nps2;
    double p =
        Math.min(1, 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(d / se)));
    return new Difference(100 * d, 100 * (d - z * se), 100 * (d + z * se), p);
  }
}
