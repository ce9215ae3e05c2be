package dev.journeykpi.engine;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.PeriodChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to compute.
 *
 * @param periods the periods, oldest first (one for a plain report, N for a trend), or the last
 *     complete ones, found once the data is read
 * @param dataOverrides source id → file given on the command line instead of the declared one
 * @param kpiIds the KPIs to run; empty for all
 * @param today the run's date, to flag periods that are not over; null not to check (the data's end
 *     is still checked)
 * @param confidence the level in percent of {@code --confidence}, which the A/B comparisons'
 *     intervals take too; null for their default, 95
 */
public record RunRequest(
    PeriodChoice periods,
    Map<String, Path> dataOverrides,
    List<String> kpiIds,
    Compare compare,
    java.time.LocalDate today,
    Double confidence) {
  /** Without a confidence level: comparisons ({@code compare:}) at 95 %. */
  public RunRequest(
      PeriodChoice periods,
      Map<String, Path> dataOverrides,
      List<String> kpiIds,
      Compare compare,
      java.time.LocalDate today) {
    this(periods, dataOverrides, kpiIds, compare, today, null);
  }

  /**
   * What each period is compared with: nothing, the period before, or the same period a year
   * before.
   */
  public enum Compare {
    NONE,
    PREVIOUS,
    YEAR
  }

  public RunRequest(List<Period> periods, Map<String, Path> dataOverrides, List<String> kpiIds) {
    this(PeriodChoice.of(periods), dataOverrides, kpiIds, Compare.NONE, null);
  }

  public RunRequest(
      List<Period> periods, Map<String, Path> dataOverrides, List<String> kpiIds, Compare compare) {
    this(PeriodChoice.of(periods), dataOverrides, kpiIds, compare, null);
  }

  public RunRequest(
      List<Period> periods,
      Map<String, Path> dataOverrides,
      List<String> kpiIds,
      Compare compare,
      java.time.LocalDate today) {
    this(PeriodChoice.of(periods), dataOverrides, kpiIds, compare, today);
  }

  public RunRequest {
    dataOverrides = Map.copyOf(dataOverrides);
    kpiIds = List.copyOf(kpiIds);
  }
}
