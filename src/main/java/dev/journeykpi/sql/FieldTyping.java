package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text field typed as kpi's import types it, in SQL: trimmed, blank for a null token, cleaned of
 * control characters and NFC for a text, then parsed with the dialect's try-parsers in kpi's
 * formats; a column looked up from another by a map; and the import's words for a text that is not
 * readable. A CSV's fields, a Parquet file's and a table's text columns are all typed here, so the
 * quality report counts the same cells whatever the source.
 */
final class FieldTyping {
  private final Dialect d;

  FieldTyping(Dialect d) {
    this.d = d;
  }

  /**
   * One column's SQL in the typed table's three steps: the field as read ({@code name__raw}), its
   * text ({@code name__text}: blank for a null token) and its typed value ({@code name}). A column
   * whose text is its value (a text column; a typed Parquet column) has no {@code typed}: its
   * {@code text} step names it {@code name}, and the table holds it once, not twice.
   *
   * @param cleaned beside the field as read, for a text column: the field as written when it has
   *     control characters, which its text is without ({@code name__cleaned}), else NULL; what the
   *     quality report counts as "control characters removed" ({@link QualityCounts}); null for
   *     other columns
   */
  record ColumnSql(String raw, String text, String typed, String cleaned) {
    ColumnSql(String raw, String text, String typed) {
      this(raw, text, typed, null);
    }

    boolean textIsValue() {
      return typed == null;
    }
  }

  /**
   * A text field's three steps, each computed once per cell: the field trimmed as the import trims
   * it; blank when it is a null token (matched before anything else, as the import matches them),
   * else the text the parsers see (NFC for texts and yes/no values, which the import reads through
   * its dictionary of NFC spellings; as written for numbers and dates); then the typed value.
   */
  ColumnSql columnSql(SourceDef s, ColumnDef c, String field) {
    String raw = d.quoteIdent(c.name() + "__raw");
    boolean nfc = c.type() == ValueType.STRING || c.type() == ValueType.BOOLEAN;
    boolean isText = c.type() == ValueType.STRING;
    String text = d.quoteIdent(c.name() + (isText ? "" : "__text"));
    return new ColumnSql(
        d.trimmed(field) + " AS " + raw,
        "CASE WHEN "
            + raw
            + " IS NULL OR "
            + d.isOneOf(raw, nulls(s))
            + " THEN NULL ELSE "
            + (c.type() == ValueType.STRING ? d.importedNonBlankText(raw) : nfc ? d.nfc(raw) : raw)
            + " END AS "
            + text,
        isText ? null : parse(c, s, text) + " AS " + d.quoteIdent(c.name()),
        isText ? cleaned(c, field) : null);
  }

  /**
   * A text field as written when it has control characters, else NULL: the import counts each such
   * cell of a row used, and shows it as written (RowAssembler.cleaned). The field's spaces and tabs
   * around it, which the import trims first, hold none, so the field is tested as it is.
   */
  private String cleaned(ColumnDef c, String field) {
    return "CASE WHEN "
        + d.hasControlCharacters(field)
        + " THEN "
        + field
        + " END AS "
        + d.quoteIdent(cleanedColumn(c));
  }

  /** The typed table's column of a text column's cells written with control characters. */
  static String cleanedColumn(ColumnDef c) {
    return c.name() + "__cleaned";
  }

  /**
   * A column looked up from another ({@code department: { from: team, map: { … } }}) in the typed
   * table's three steps, as kpi's importer computes it (SourceLoader.addLookups): the from column's
   * text as imported ({@code name__text}: blank for a null token or an empty text), then the map's
   * value for it, matched exactly (NFC, case kept), or blank for a text the map lacks — counted in
   * the quality report as the import counts it ({@link #lookupFailure}).
   *
   * @param fromField the from column's field in the relation read
   */
  ColumnSql lookupSql(SourceDef s, ColumnDef c, String fromField) {
    String raw = d.quoteIdent(c.name() + "__raw");
    String text = d.quoteIdent(c.name() + "__text");
    StringBuilder map = new StringBuilder("CASE ").append(text);
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(c.lookup().map()).entrySet())
      if (!e.getValue().isEmpty())
        map.append(" WHEN ")
            .append(d.literal(e.getKey()))
            .append(" THEN ")
            .append(d.literal(e.getValue()));
    map.append(" END");
    return new ColumnSql(
        d.trimmed(fromField) + " AS " + raw,
        "CASE WHEN "
            + raw
            + " IS NULL OR "
            + d.isOneOf(raw, nulls(s))
            + " THEN NULL ELSE "
            + d.importedNonBlankText(raw)
            + " END AS "
            + text,
        map + " AS " + d.quoteIdent(c.name()));
  }

  /** What a looked-up column's text the map lacks is reported as, in the import's words. */
  static String lookupFailure(ColumnDef c) {
    return c.lookup().from() + " value not in the map of " + c.name();
  }

  private List<String> nulls(SourceDef s) {
    List<String> out = new ArrayList<>();
    for (String n : new java.util.TreeSet<>(s.nulls())) out.add(d.literal(n));
    return out.isEmpty() ? List.of("''") : out;
  }

  /** The typed value of a column's (non-blank) text. */
  private String parse(ColumnDef c, SourceDef s, String text) {
    return switch (c.type()) {
      case STRING -> text;
      case NUMBER -> d.tryParseNumber(text, c.decimalMark());
      case BOOLEAN -> d.tryParseBoolean(text, s.trueTokens(), s.falseTokens());
      case DATE, DATETIME -> {
        List<String> each = new ArrayList<>();
        // No format is ISO, as for the import, and so is the pattern "iso".
        for (String f : c.formats().isEmpty() ? List.of("iso") : c.formats())
          each.add(
              f.equalsIgnoreCase("iso")
                  ? d.tryParseIso(text, s.zone())
                  : d.tryParseTimestamp(text, f));
        String ts = each.size() == 1 ? each.get(0) : "coalesce(" + String.join(", ", each) + ")";
        yield c.type() == ValueType.DATE ? d.cast(ts, Dialect.SqlType.DATE) : ts;
      }
      case DURATION -> d.tryParseDuration(text, c.durationUnit(), c.decimalMark());
    };
  }

  /**
   * Why a column cannot be typed in SQL yet, or null: the engine asks before any work.
   *
   * @return the reason, naming the column
   */
  String refusal(ColumnDef c) {
    if (c.isLookup())
      return "column '" + c.name() + "' is computed (lookup, join or derive), not read";
    if (c.type() == ValueType.DURATION) {
      try {
        d.tryParseDuration("x", c.durationUnit(), c.decimalMark());
      } catch (SqlRefused e) {
        return "column '" + c.name() + "' is a duration: " + e.getMessage();
      }
    }
    if (c.type().isTemporal()) {
      for (String f : c.formats().isEmpty() ? List.of("iso") : c.formats()) {
        if (f.equalsIgnoreCase("iso")) {
          try {
            d.tryParseIso("x", java.time.ZoneOffset.UTC);
          } catch (SqlRefused e) {
            return "column '" + c.name() + "' is read as ISO dates: " + e.getMessage();
          }
        } else if (d.tryParseTimestamp("x", f) == null) {
          return "column '" + c.name() + "' has format '" + f + "', not a numeric pattern";
        }
      }
    }
    return null;
  }

  /** What a column's unreadable text is reported as, in kpi's words (ingest's sinks). */
  static String failure(ColumnDef c, SourceDef s) {
    return switch (c.type()) {
      case NUMBER -> "not a number with decimal mark '" + c.decimalMark() + "'";
      case BOOLEAN ->
          "not a yes/no value (true: "
              + tokens(s.trueTokens())
              + "; false: "
              + tokens(s.falseTokens())
              + ")";
      case DATE, DATETIME ->
          "not a "
              + (c.type() == ValueType.DATE ? "date" : "date-time")
              + " in format "
              + String.join(
                  " or ",
                  c.formats().isEmpty() ? List.of("ISO yyyy-MM-dd[THH:mm:ss]") : c.formats());
      case DURATION -> "not a duration (" + c.durationUnit() + ", or H:MM:SS / M:SS)";
      default -> "unreadable";
    };
  }

  private static String tokens(Set<String> t) {
    return String.join("/", t.stream().map(x -> x.isEmpty() ? "(blank)" : x).toList());
  }
}
