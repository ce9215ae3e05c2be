package dev.journeykpi.calc;

/**
 * A variant's value against its control's ({@code compare:}, issue 20): the difference variant −
 * control in the KPI's own scale (a fraction for a rate, NPS points, minutes), its confidence
 * interval and the two-sided p-value of "no difference", before any correction for several
 * comparisons ({@link Holm}).
 */
public record Difference(double difference, double low, double high, double p) {}
