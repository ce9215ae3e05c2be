package dev.journeykpi.ingest;

import static dev.journeykpi.ingest.ImportFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.CliFixture;
import dev.journeykpi.model.QualityReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's {@code distinct:} on a hand-written incident audit log (several updates per incident,
 * out of order, ties, blank keys and blank times). Line numbers below are the file's (header = 1).
 */
class DistinctRowsTest {
  @TempDir Path dir;

  /*
   * The audit log (CliFixture.auditLog):
   * line  incident  status    updated_at         what it tests
   *  2    INC-1     new       2026-10-01 08:00   INC-1's earliest
   *  3    INC-2     new       2026-10-01 09:00   tie with line 6
   *  4    INC-1     assigned  2026-10-01 10:00
   *  5    inc-1     resolved  2026-10-02 11:00   INC-1's latest; same incident despite case and spaces
   *  6    INC-2     resolved  2026-10-01 09:00   tie with line 3: later in the file
   *  7    (blank)   new       2026-10-03 08:00   no key: a row of its own
   *  8    (blank)   new       2026-10-03 09:00   no key: a row of its own
   *  9    INC-3     new       (blank)            no time, but INC-3 has a dated row (line 10)
   * 10    INC-3     assigned  2026-10-04 08:00
   * 11    INC-4     new       (blank)            INC-4 has no time on any row: file order decides
   * 12    INC-4     closed    (blank)
   * 13    INC-1     reopened  2026-10-01 12:00   later in the file, earlier in time than line 5
   */
  @BeforeEach
  void writeAudit() throws Exception {
    new CliFixture(dir).auditLog();
  }

  private LoadedSource audit(String distinct) throws Exception {
    return load(
        dir,
        """
        file: audit.csv
        columns:
          incident: incident
          status: status
          updated_at: { column: updated_at, type: datetime, format: yyyy-MM-dd HH:mm }
        distinct: %s
        """
            .formatted(distinct));
  }

  private static List<String> column(LoadedSource s, String name) {
    return s.table().column(name).asList().stream()
        .map(v -> v == null ? "" : v.toString())
        .toList();
  }

  @Test
  void keepLastKeepsEachIncidentsLatestUpdate() throws Exception {
    LoadedSource s = audit("{ key: [incident], keep: last, by: updated_at }");
    // INC-1: lines 2 (10-01 08:00), 4 (10-01 10:00), 5 (10-02 11:00), 13 (10-01 12:00): the latest
    // is line 5, resolved, though line 13 comes after it in the file. INC-2: lines 3 and 6 at the
    // same 09:00: the later in the file, line 6, resolved. Lines 7 and 8 have no incident: each
    // kept. INC-3: line 10 has a time, line 9 none: line 10, assigned. INC-4: no time on either
    // row: the last in the file, line 12, closed. Kept in file order: lines 5, 6, 7, 8, 10, 12.
    assertThat(column(s, "status"))
        .containsExactly("resolved", "resolved", "new", "new", "assigned", "closed");
    assertThat(column(s, "incident")).containsExactly("inc-1", "INC-2", "", "", "INC-3", "INC-4");
    QualityReport q = s.quality();
    // 12 read; 6 kept; 6 dropped: INC-1 lines 2, 4, 13 and INC-2 line 3 for their order (4), lines
    // 9 and 11 for having no time (2).
    assertThat(q.rowsRead()).isEqualTo(12);
    assertThat(q.rowsUsed()).isEqualTo(6);
    assertThat(q.rowsDropped()).isEqualTo(6);
    assertThat(q.rowsRejected()).isZero();
    assertThat(q.isClean()).isTrue();
    assertThat(q.dropped())
        .containsOnlyKeys(
            "duplicate incident: an earlier row by updated_at (distinct keeps the last)",
            "duplicate incident without updated_at (distinct keeps the last: a row with updated_at,"
                + " else the last in the file)");
    QualityReport.Tally byOrder =
        q.dropped()
            .get("duplicate incident: an earlier row by updated_at (distinct keeps the last)");
    assertThat(byOrder.count()).isEqualTo(4);
    // The first three in file order: lines 2, 3, 4.
    assertThat(byOrder.examples().stream().map(p -> p.where().endsWith("audit.csv:incident")))
        .containsOnly(true);
    assertThat(byOrder.examples().stream().map(QualityReport.Problem::value))
        .containsExactly(
            "INC-1 @ 2026-10-01 08:00", "INC-2 @ 2026-10-01 09:00", "INC-1 @ 2026-10-01 10:00");
    QualityReport.Tally noTime =
        q.dropped()
            .get(
                "duplicate incident without updated_at (distinct keeps the last: a row with"
                    + " updated_at, else the last in the file)");
    assertThat(noTime.examples().stream().map(QualityReport.Problem::value))
        .containsExactly("INC-3 @ (blank)", "INC-4 @ (blank)");
    assertThat(q.notes())
        .containsExactly(
            "distinct: 2 rows have a blank incident; each is kept as a row of its own",
            "distinct: 1 key has no updated_at on any row; the last in the file is kept");
  }

  @Test
  void keepFirstKeepsEachIncidentsEarliestUpdate() throws Exception {
    LoadedSource s = audit("{ key: incident, keep: first, by: updated_at }");
    // INC-1: the earliest is line 2, new. INC-2: the tie at 09:00 goes to the earlier line, 3
    // (new). Lines 7, 8: kept. INC-3: a dated row beats one without, first or last: line 10. INC-4:
    // no time: the first in the file, line 11, new. Kept in file order: lines 2, 3, 7, 8, 10, 11.
    assertThat(column(s, "status")).containsExactly("new", "new", "new", "new", "assigned", "new");
    assertThat(column(s, "updated_at").get(1)).isEqualTo("2026-10-01T09:00");
    // Dropped: INC-1 lines 4, 5, 13 and INC-2 line 6 (4 by order); lines 9 and 12 without time.
    QualityReport q = s.quality();
    assertThat(q.rowsUsed()).isEqualTo(6);
    assertThat(
            q.dropped()
                .get("duplicate incident: a later row by updated_at (distinct keeps the first)")
                .count())
        .isEqualTo(4);
    assertThat(q.rowsDropped()).isEqualTo(6);
  }

  @Test
  void withoutByTheFileOrderDecides() throws Exception {
    LoadedSource s = audit("{ key: incident, keep: last }");
    // The last row of each incident in the file: INC-2 line 6, INC-3 line 10, INC-4 line 12, INC-1
    // line 13 (reopened). Kept in file order: lines 6, 7, 8, 10, 12, 13.
    assertThat(column(s, "status"))
        .containsExactly("resolved", "new", "new", "assigned", "closed", "reopened");
    // Dropped: INC-1 lines 2, 4, 5; INC-2 line 3; INC-3 line 9; INC-4 line 11: 6, one reason.
    assertThat(s.quality().dropped())
        .containsOnlyKeys(
            "duplicate incident: an earlier row in the file (distinct keeps the last)");
    assertThat(s.quality().rowsDropped()).isEqualTo(6);
  }

  @Test
  void aKeyOfTwoColumnsAndANumberOrder() throws Exception {
    new CliFixture(dir)
        .csv(
            "visits.csv",
            "customer,channel,seq,note",
            "C1,web,1,a",
            "C1,shop,5,b",
            "c1,WEB,3,c",
            "C1,web,2,d",
            "C2,web,,e",
            "C2,,9,f");
    LoadedSource s =
        load(
            dir,
            """
            file: visits.csv
            columns:
              customer: customer
              channel: channel
              seq: { column: seq, type: number }
              note: note
            distinct: { key: [customer, channel], keep: last, by: seq }
            """);
    // (C1, web): lines 2 (seq 1), 4 (c1/WEB, seq 3), 5 (seq 2) → the highest seq, line 4 (c). (C1,
    // shop): line 3 only (b). (C2, web): line 6 only, seq blank but alone (e). Line 7 has a blank
    // channel: its key is incomplete, so it is kept as its own (f). Kept in file order: lines 3, 4,
    // 6, 7.
    assertThat(column(s, "note")).containsExactly("b", "c", "e", "f");
    assertThat(s.quality().rowsDropped()).isEqualTo(2);
    assertThat(s.quality().dropped().values().iterator().next().examples().get(0).value())
        .isEqualTo("C1, web @ 1");
  }

  @Test
  void noDuplicateLeavesTheTableAsItIs() throws Exception {
    new CliFixture(dir).csv("one.csv", "incident,n", "A,1", "B,2");
    LoadedSource s =
        load(
            dir,
            """
            file: one.csv
            columns: { incident: incident, n: { column: n, type: number } }
            distinct: { key: incident, keep: last, by: n }
            """);
    assertThat(s.table().rowCount()).isEqualTo(2);
    assertThat(s.quality().dropped()).isEmpty();
    assertThat(s.quality().notes()).isEmpty();
  }

  @Test
  void vietnameseKeysCompareWithoutCaseAndWhateverTheirUnicodeForm() throws Exception {
    String nfd = java.text.Normalizer.normalize("Hà Nội", java.text.Normalizer.Form.NFD);
    new CliFixture(dir)
        .csv("cities.csv", "city,n", "Hà Nội,1", nfd + ",2", "HÀ NỘI,3", "Hue,4", "HUE,5", "Huế,6");
    LoadedSource s =
        load(
            dir,
            """
            file: cities.csv
            columns: { city: city, n: { column: n, type: number } }
            distinct: { key: city, keep: last, by: n }
            """);
    // "Hà Nội" (NFC), the same in NFD, and "HÀ NỘI" are one city: n 1, 2, 3 → the last, 3. "Hue"
    // and "HUE" are one (n 4, 5 → 5); "Huế" is another city (6).
    assertThat(column(s, "n")).containsExactly("3.0", "5.0", "6.0");
    assertThat(s.quality().rowsDropped()).isEqualTo(3);
  }
}
