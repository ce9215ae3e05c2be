package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.ParquetColumn;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the quality report finds each column's text in a typed table ({@link TypedTable}), and
 * which columns are numbers taken as stored: what a CSV's, a Parquet file's and a table's reports
 * all count from, decided by how each column is stored.
 *
 * @param textOf each column's text: {@code name__text}, or its value {@code name} when the value is
 *     its text (a text column; a column typed in the file, nothing in it is unreadable)
 * @param storedNumbers the numbers taken as stored that may be NaN or an infinity: their {@code
 *     name__text} is the stored value, and a value blanked is counted as {@link
 *     ParquetColumn#NOT_FINITE}
 * @param cleaned the text columns read as text, whose cells written with control characters are
 *     counted ({@link FieldTyping#cleanedColumn})
 */
record QualityTexts(Map<String, String> textOf, Set<String> storedNumbers, Set<String> cleaned) {
  /**
   * The texts of {@code columns}.
   *
   * @param stored how a column is stored, or null where it is read as text (a CSV's fields; a
   *     column looked up from another, whose text is its from column's)
   */
  static QualityTexts of(
      Dialect d, List<ColumnDef> columns, Function<ColumnDef, ParquetColumn> stored) {
    Map<String, String> textOf = new LinkedHashMap<>();
    Set<String> numbers = new HashSet<>();
    Set<String> cleaned = new HashSet<>();
    for (ColumnDef c : columns) {
      ParquetColumn p = c.isLookup() ? null : stored.apply(c);
      if (!c.isLookup()
          && c.type() == ValueType.STRING
          && (p == null || p.reading(c.type()) == ParquetColumn.Reading.PARSED))
        cleaned.add(c.name());
      boolean value =
          !c.isLookup()
              && (c.type() == ValueType.STRING
                  || (p != null && p.reading(c.type()) == ParquetColumn.Reading.TYPED));
      boolean finite = p != null && ParquetRelation.storedNumber(c, p);
      if (finite) numbers.add(c.name());
      textOf.put(c.name(), d.quoteIdent(c.name() + (value && !finite ? "" : "__text")));
    }
    return new QualityTexts(textOf, numbers, cleaned);
  }

  /** A column's text. */
  String of(ColumnDef c) {
    return textOf.get(c.name());
  }
}
