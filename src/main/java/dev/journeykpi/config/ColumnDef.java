package dev.journeykpi.config;

import java.util.List;

/**
 * One mapped column of a source.
 *
 * @param name canonical name used by KPIs and filters
 * @param header the header text in the export
 * @param type what the values are parsed into
 * @param formats date/date-time patterns tried in order (empty: ISO dates)
 * @param durationUnit unit of plain numbers in a duration column (seconds, minutes, hours, days)
 * @param decimalMark decimal mark of numbers ('.' or ','); the other mark is taken as digit grouping
 * @param required a blank or unreadable value rejects the whole row instead of blanking the cell
 */
public record ColumnDef(
    String name,
    String header,
    ValueType type,
    List<String> formats,
    String durationUnit,
    char decimalMark,
    boolean required,
    Location location) {
  public ColumnDef {
    formats = List.copyOf(formats);
  }
}
