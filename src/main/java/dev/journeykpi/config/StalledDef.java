package dev.journeykpi.config;

/**
 * A {@code stalled} KPI: of the leads left untouched for more than {@code idle} before the period
 * (no activity since), and not closed by then, the share touched again in the period.
 *
 * @param lead the lead id column
 * @param idle how long without activity makes a lead stalled: more than this many days or working
 *     days
 * @param closed rows that close a lead (won, lost); a lead with such a row before the period is not
 *     stalled, it is done
 */
public record StalledDef(String lead, TimeSpan idle, Filter closed) {}
