package dev.journeykpi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a sheet's rows into the header and the data. With a declared header row, that row is the
 * header. Without one, the first of the top {@value #SCAN} rows whose text cells number at least
 * 60% of the widest row is: title rows and notes above a table have one or two cells, the header
 * has one per column.
 */
final class HeaderFinder implements Consumer<SheetRow> {
  static final int SCAN = 30;

  interface Target {
    void header(SheetRow header);

    void data(SheetRow row);
  }

  private final int declared;
  private final Target target;
  private final List<SheetRow> buffered = new ArrayList<>();
  private boolean found;

  /**
   * @param declaredRow 1-based header row, or 0 to find it
   */
  HeaderFinder(int declaredRow, Target target) {
    this.declared = declaredRow;
    this.target = target;
  }

  @Override
  public void accept(SheetRow row) {
    if (found) {
      target.data(row);
    } else if (declared > 0) {
      if (row.number() == declared) {
        found = true;
        target.header(row);
      }
    } else {
      buffered.add(row);
      if (buffered.size() >= SCAN) decide();
    }
  }

  /** Call when the sheet ends: decides on a short sheet. */
  void finish() {
    if (!found && !buffered.isEmpty()) decide();
  }

  boolean found() {
    return found;
  }

  private void decide() {
    int widest = 0;
    for (SheetRow r : buffered) widest = Math.max(widest, filled(r, false));
    int at = 0;
    for (int i = 0; i < buffered.size(); i++) {
      int texts = filled(buffered.get(i), true);
      if (texts >= 2 && texts >= 0.6 * widest) {
        at = i;
        break;
      }
    }
    found = true;
    target.header(buffered.get(at));
    for (int i = at + 1; i < buffered.size(); i++) target.data(buffered.get(i));
    buffered.clear();
  }

  /**
   * Cells with a value; those filled from a merged range do not count (a title merged over the
   * table is one cell).
   */
  private static int filled(SheetRow r, boolean textOnly) {
    int n = 0;
    SheetCell[] cells = r.cells();
    for (int i = 0; i < cells.length; i++) {
      SheetCell c = cells[i];
      if (c == null || c.isBlank() || r.filled(i)) continue;
      if (!textOnly || c.kind() == SheetCell.Kind.TEXT) n++;
    }
    return n;
  }

  /**
   * The header texts by column. A header merged down from the row above (a two-row header) keeps
   * its text; one merged across columns names the first column only ({@link MergedRanges} fills
   * downward only), so that a wide header cell does not read as a header twice.
   */
  static List<String> texts(SheetRow header) {
    List<String> out = new ArrayList<>();
    SheetCell[] cells = header.cells();
    for (int i = 0; i < cells.length; i++) {
      out.add(cells[i] == null ? "" : cells[i].shown());
    }
    return out;
  }
}
