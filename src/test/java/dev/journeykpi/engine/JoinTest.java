package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.model.DataException;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code join:} between sources (issue 16). The deals and accounts below are used by most tests:
 *
 * <pre>
 * deal  account (as written)   value  closed      matches           region  size
 * D1    acme                   100    2026-10-02  Acme  (case)      North   10
 * D2    "  ACME  "             50     2026-10-03  Acme  (spaces)    North   10
 * D3    Beta                   70     2026-10-04  beta  (case)      South   200
 * D4    Cafe + U+0301 (NFD)    20     2026-10-05  Café (NFC)        East    5
 * D5    Zeta                   30     2026-10-06  no row            blank   blank
 * D6    (blank)                5      2026-10-07  no row            blank   blank
 * </pre>
 */
class JoinTest {
  @TempDir Path dir;

  static final String NFD_CAFE = "Cafe\u0301";

  @BeforeEach
  void data() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"),
        "Account,Region,Employees\nAcme,North,10\nbeta,South,200\nCafé,East,5\n");
    Files.writeString(
        dir.resolve("deals.csv"),
        "deal,account,value,closed\n"
            + "D1,acme,100,2026-10-02\n"
            + "D2,\"  ACME  \",50,2026-10-03\n"
            + "D3,Beta,70,2026-10-04\n"
            + "D4,"
            + NFD_CAFE
            + ",20,2026-10-05\n"
            + "D5,Zeta,30,2026-10-06\n"
            + "D6,,5,2026-10-07\n");
  }

  private Path definition(String join, String kpis) throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          accounts: { file: accounts.csv, columns: { account: Account, region: Region, size: { column: Employees, type: number } } }
          deals:
            file: deals.csv
            columns: { deal: deal, account: account, value: { column: value, type: number }, closed: { column: closed, type: date } }
            join:
        """
            + join.indent(6)
            + "kpis:\n"
            + kpis.indent(2));
    return f;
  }

  private static Scorecard run(Path f) {
    return KpiEngine.run(
        KpiKinds.load(List.of(f)),
        new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
  }

  private static List<String> values(Scorecard card) {
    return card.rows().stream()
        .map(r -> r.kpi() + "/" + String.join("/", r.dims().values()) + "=" + r.value())
        .toList();
  }

  /**
   * Keys match across case, spaces and Unicode forms; looked-up numbers are numbers.
   *
   * <p>value by region: North = D1 100 + D2 50 = 150; South = D3 70; East = D4 20; blank = D5 30 +
   * D6 5 = 35; total 275. size (a number from accounts) summed: 10 + 10 + 200 + 5 = 225 (the blanks
   * add nothing). where size > 50: only D3 (200), value 70. where region is north: D1, D2 = 2 rows.
   * Unmatched: D5 and D6, 2 rows (keys 'Zeta' and blank), counted, not dropped.
   */
  @Test
  void leftJoinNormalisesKeysAndTypesTheLookedUpColumns() throws IOException {
    Path f =
        definition(
            "- { source: accounts, on: { account: account }, columns: [region, size] }",
            """
            - { id: by_region, type: sum, source: deals, time: closed, column: value, by: [region] }
            - { id: sizes, type: sum, source: deals, time: closed, column: size }
            - { id: big, type: sum, source: deals, time: closed, column: value, where: { size: { gt: 50 } } }
            - { id: north, type: count, source: deals, time: closed, where: { region: north } }
            """);
    Scorecard card = run(f);
    assertThat(values(card))
        .containsExactlyInAnyOrder(
            "by_region/(total)=275.0",
            "by_region/North=150.0",
            "by_region/South=70.0",
            "by_region/East=20.0",
            "by_region/(blank)=35.0",
            "sizes/=225.0",
            "big/=70.0",
            "north/=2.0");
    QualityReport deals = card.quality().get(0);
    assertThat(deals.source()).isEqualTo("deals");
    assertThat(deals.rowsUsed()).isEqualTo(6);
    String reason = "account not found in accounts (join): its joined columns are blank (2 key(s))";
    assertThat(deals.blanked()).containsOnlyKeys(reason);
    assertThat(deals.blanked().get(reason).count()).isEqualTo(2);
    assertThat(deals.blanked().get(reason).examples())
        .extracting(QualityReport.Problem::value)
        .containsExactly("Zeta", "(blank)");
    // The joined source's own report is there too: 3 rows read, 3 used.
    assertThat(card.quality().get(1).source()).isEqualTo("accounts");
    assertThat(card.quality().get(1).rowsUsed()).isEqualTo(3);
  }

  /** unmatched: drop leaves out D5 and D6: 4 deals counted, 2 left out with the reason. */
  @Test
  void unmatchedDropLeavesRowsOutAndCountsThem() throws IOException {
    Path f =
        definition(
            "- { source: accounts, on: { account: account }, columns: [region], unmatched: drop }",
            "- { id: n, type: count, source: deals, time: closed }");
    Scorecard card = run(f);
    assertThat(values(card)).containsExactly("n/=4.0");
    assertThat(card.quality().get(0).excluded())
        .containsExactly(
            Map.entry(
                "rows whose account is not in accounts (join, unmatched: drop; 2 key(s), e.g."
                    + " 'Zeta', '(blank)')",
                2L));
  }

  /**
   * Two rows for Acme and two for beta (BETA: the same key without case):
   *
   * <pre>
   * data row  Account  Region   Updated
   * 1         Acme     North    2026-03-01
   * 2         Acme     West     2026-01-01
   * 3         beta     South    2026-02-01
   * 4         BETA     Central  2026-01-15
   * </pre>
   *
   * Without many: an error naming both keys and rows. many: first by Updated takes the earliest
   * (Acme West, beta Central): North 0, value by region West = D1 100 + D2 50 = 150, Central = 70.
   * many: last by Updated takes the latest: North 150, South 70. many: last without by takes the
   * later row of the file: West 150, Central 70.
   */
  @Test
  void aKeyOnSeveralRowsIsAnErrorUnlessManySaysWhichWins() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"),
        "Account,Region,Employees,Updated\n"
            + "Acme,North,1,2026-03-01\n"
            + "Acme,West,2,2026-01-01\n"
            + "beta,South,3,2026-02-01\n"
            + "BETA,Central,4,2026-01-15\n");
    String accounts =
        "  accounts: { file: accounts.csv, columns: { account: Account, region: Region,"
            + " updated: { column: Updated, type: date } } }";
    String kpi = "- { id: v, type: sum, source: deals, time: closed, column: value, by: [region] }";
    Path f = definition("- { source: accounts, on: { account: account }, columns: [region] }", kpi);
    Files.writeString(f, Files.readString(f).replaceFirst("  accounts: .*", accounts));
    assertThatThrownBy(() -> run(f))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "source 'accounts' is joined on account, but 2 keys match several of its rows:"
                + " 'Acme' on data rows 1, 2; 'beta' on data rows 3, 4 (data rows count from 1"
                + " below the header, rejected rows left out). Remove the duplicates, or say which"
                + " row wins with many: first|last (and by: a column)");

    String first =
        "- { source: accounts, on: { account: account }, columns: [region], many: first, by: updated }";
    Path g = definition(first, kpi);
    Files.writeString(g, Files.readString(g).replaceFirst("  accounts: .*", accounts));
    assertThat(values(run(g)))
        .containsExactlyInAnyOrder(
            "v/(total)=275.0", "v/West=150.0", "v/Central=70.0", "v/(blank)=55.0");

    Path h = definition(first.replace("first", "last"), kpi);
    Files.writeString(h, Files.readString(h).replaceFirst("  accounts: .*", accounts));
    assertThat(values(run(h)))
        .containsExactlyInAnyOrder(
            "v/(total)=275.0", "v/North=150.0", "v/South=70.0", "v/(blank)=55.0");

    Path i = definition(first.replace("first, by: updated", "last"), kpi);
    Files.writeString(i, Files.readString(i).replaceFirst("  accounts: .*", accounts));
    assertThat(values(run(i)))
        .containsExactlyInAnyOrder(
            "v/(total)=275.0", "v/West=150.0", "v/Central=70.0", "v/(blank)=55.0");
  }

  /**
   * Prices by product and store; a line matches on both keys.
   *
   * <pre>
   * line  sku  store  → price
   * L1    A    HN       10
   * L2    a    SG       12
   * L3    B    HN       7
   * L4    B    SG       (no such price: blank)
   * </pre>
   *
   * Sum of price = 10 + 12 + 7 = 29; one line unmatched.
   */
  @Test
  void twoKeyJoin() throws IOException {
    Files.writeString(dir.resolve("prices.csv"), "SKU,Store,Price\nA,HN,10\nA,SG,12\nB,HN,7\n");
    Files.writeString(
        dir.resolve("lines.csv"),
        "line,sku,store,day\nL1,A,HN,2026-10-01\nL2,a,SG,2026-10-02\nL3,B,HN,2026-10-03\n"
            + "L4,B,SG,2026-10-04\n");
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          prices: { file: prices.csv, columns: { sku: SKU, store: Store, price: { column: Price, type: number } } }
          lines:
            file: lines.csv
            columns: { sku: sku, shop: store, day: { column: day, type: date } }
            join: [ { source: prices, on: { sku: sku, shop: store }, columns: [price] } ]
        kpis:
          - { id: p, type: sum, source: lines, time: day, column: price }
        """);
    Scorecard card = run(f);
    assertThat(values(card)).containsExactly("p/=29.0");
    assertThat(card.quality().get(0).blanked().values())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.count()).isEqualTo(1);
              assertThat(t.examples().get(0).value()).isEqualTo("B / SG");
            });
  }

  /**
   * Order lines on one sheet of a workbook and prices on another of the same file: L1 (P1, 2) L2
   * (P2, 1) L3 (P1, 3); P1 costs 4.5 and P2 10. Sum of price over the lines = 4.5 + 10 + 4.5 = 19;
   * lines of P1 only (where price < 5): 2 lines.
   */
  @Test
  void sourcesOnTwoSheetsOfOneWorkbook() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(dir.resolve("book.xlsx"))) {
      Sheet lines = wb.createSheet("Lines");
      Object[][] l = {
        {"Line", "Product", "Day"},
        {"L1", "P1", "2026-10-01"},
        {"L2", "P2", "2026-10-02"},
        {"L3", "P1", "2026-10-03"}
      };
      Object[][] p = {{"Product", "Price"}, {"P1", 4.5}, {"P2", 10.0}};
      fill(lines, l);
      fill(wb.createSheet("Prices"), p);
      wb.write(out);
    }
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          prices: { file: book.xlsx, sheet: Prices, columns: { product: Product, price: { column: Price, type: number } } }
          lines:
            file: book.xlsx
            sheet: Lines
            columns: { line: Line, product: Product, day: { column: Day, type: date } }
            join: [ { source: prices, on: { product: product }, columns: [price] } ]
        kpis:
          - { id: total, type: sum, source: lines, time: day, column: price }
          - { id: cheap, type: count, source: lines, time: day, where: { price: { lt: 5 } } }
        """);
    assertThat(values(run(f))).containsExactly("total/=19.0", "cheap/=2.0");
  }

  private static void fill(Sheet sheet, Object[][] cells) {
    for (int r = 0; r < cells.length; r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < cells[r].length; c++) {
        if (cells[r][c] instanceof Double d) row.createCell(c).setCellValue(d);
        else row.createCell(c).setCellValue((String) cells[r][c]);
      }
    }
  }

  /** Every mistake in a join is reported at once, where it was written, with a near name. */
  @Test
  void definitionMistakesArePlacedAndSuggested() throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          accounts: { file: accounts.csv, columns: { account: Account, region: Region }, join: [ { source: deals, on: { account: account }, columns: [deal] } ] }
          deals:
            file: deals.csv
            columns: { deal: deal, account: account, region: region }
            join:
              - { source: acounts, on: { account: account }, columns: [region] }
              - { source: deals, on: { account: account }, columns: [deal] }
              - { source: accounts, on: { acount: acount }, columns: [regoin, region], many: frist }
        kpis:
          - { id: n, type: count, source: deals, time: none }
        """);
    var loader = KpiKinds.loader();
    loader.read(List.of(f));
    assertThat(loader.diagnostics().sorted())
        .extracting(Object::toString)
        .containsExactly(
            f
                + ":2:100: error: source 'accounts' join with 'deals' makes a cycle: accounts →"
                + " deals → accounts; one of these joins must go",
            f
                + ":7:19: error: source 'deals' joins unknown source 'acounts' (did you mean"
                + " 'accounts'?); sources: accounts, deals",
            f + ":8:19: error: source 'deals' cannot join itself",
            f
                + ":9:19: error: source 'deals' join with 'accounts' makes a cycle: deals →"
                + " accounts → deals; one of these joins must go",
            f
                + ":9:35: error: source 'deals' join with 'accounts': key 'acount' is not a column"
                + " of deals (did you mean 'account'?)",
            f
                + ":9:35: error: source 'deals' join with 'accounts': key 'acount' is not a column"
                + " of accounts (did you mean 'account'?)",
            f
                + ":9:63: error: source 'deals' join with 'accounts': 'regoin' is not a column of"
                + " accounts (did you mean 'region'?); columns: account, region",
            f
                + ":9:71: error: source 'deals' join with 'accounts': column 'region' clashes with"
                + " deals's own column 'region' (or one joined before); rename one of them in its"
                + " source's columns:",
            f
                + ":9:86: error: source 'deals' join with 'accounts'.many is first or last, found"
                + " 'frist' (did you mean 'first'?)");
  }

  /** kpi explain names the join on the Source line and the joined column's origin, en and vi. */
  @Test
  void explainShowsTheJoin() throws IOException {
    Path f =
        definition(
            "- { source: accounts, on: { account: account }, columns: [region, size] }",
            "- { id: v, type: sum, source: deals, time: closed, column: value, by: [region] }");
    String en = ExplainJob.explain(List.of(f), List.of("v"), "en");
    assertThat(en)
        .contains("Source:     deals (deals.csv) joined with accounts on account\n")
        .contains("Columns:    closed, value, region ← accounts.Region\n");
    String vi = ExplainJob.explain(List.of(f), List.of("v"), "vi");
    assertThat(vi).contains("deals (deals.csv) ghép với accounts theo account\n");
    assertThat(vi).contains("region ← accounts.Region");
  }

  /**
   * Number keys match as numbers (2.0 is 2), and a joined source may join a third: deals take the
   * region's name that accounts took from regions (region code S matches s: text without case).
   *
   * <pre>
   * deal  no   value  account → code → name
   * X1    1    10     1 → N → Miền Bắc
   * X2    2.0  20     2 → s → Miền Nam
   * X3    3    5      no account: blank
   * </pre>
   *
   * value by name: Miền Bắc 10, Miền Nam 20, blank 5; total 35.
   */
  @Test
  void numberKeysAndAChainOfJoins() throws IOException {
    Files.writeString(dir.resolve("acc.csv"), "No,Region\n1,N\n2,s\n");
    Files.writeString(dir.resolve("regions.csv"), "Code,Name\nn,Miền Bắc\nS,Miền Nam\n");
    Files.writeString(
        dir.resolve("d.csv"),
        "deal,no,value,day\nX1,1,10,2026-10-01\nX2,2.0,20,2026-10-02\nX3,3,5,2026-10-03\n");
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          d:
            file: d.csv
            columns: { deal: deal, no: { column: no, type: number }, value: { column: value, type: number }, day: { column: day, type: date } }
            join: [ { source: acc, on: { no: no }, columns: [name] } ]
          acc:
            file: acc.csv
            columns: { no: { column: No, type: number }, code: Region }
            join: [ { source: regions, on: { code: code }, columns: [name] } ]
          regions: { file: regions.csv, columns: { code: Code, name: Name } }
        kpis:
          - { id: v, type: sum, source: d, time: day, column: value, by: [name] }
        """);
    Scorecard card = run(f);
    assertThat(values(card))
        .containsExactlyInAnyOrder(
            "v/(total)=35.0", "v/Miền Bắc=10.0", "v/Miền Nam=20.0", "v/(blank)=5.0");
    assertThat(card.quality())
        .extracting(QualityReport::source)
        .containsExactly("d", "acc", "regions");
    String text = ExplainJob.explain(List.of(f), List.of("v"), "en");
    assertThat(text).contains("name ← acc.name");
  }

  /**
   * A number key cannot match a text key; {@code by} names a column of the other source; both
   * sources need a mapping.
   */
  @Test
  void keyTypesAndByAreChecked() throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          a: { file: accounts.csv, columns: { account: Account, region: Region } }
          b: { file: x.csv }
          deals:
            file: deals.csv
            columns: { account: { column: account, type: number } }
            join:
              - { source: a, on: { account: account }, columns: [region], many: last, by: updatd }
              - { source: b, on: { account: account }, columns: [x] }
        kpis:
          - { id: n, type: count, source: deals, time: none }
        """);
    var loader = KpiKinds.loader();
    loader.read(List.of(f));
    assertThat(loader.diagnostics().sorted())
        .extracting(Object::toString)
        .containsExactly(
            f
                + ":8:28: error: source 'deals' join with 'a': key deals.account is number but"
                + " a.account is string; keys are compared as text or as numbers, so declare both"
                + " the same type",
            f + ":8:83: error: source 'deals' join with 'a'.by: 'updatd' is not a column of a",
            f
                + ":9:19: error: source 'deals' join with 'b': source 'b' needs a 'columns:'"
                + " mapping to be joined");
  }

  /**
   * validate --check-data reads the joined source's headers, finds a key on two rows of it, and
   * checks a filter's text against the joined column's values.
   */
  @Test
  void checkDataCoversTheJoinedSource() throws IOException {
    Path f =
        definition(
            "- { source: accounts, on: { account: account }, columns: [region] }",
            "- { id: n, type: count, source: deals, time: closed, where: { region: Nrth } }");
    var ok = dev.journeykpi.cli.CliHarness.run("validate", "-c", f.toString(), "--check-data");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out() + ok.err())
        .contains("no row of source 'deals' has region 'Nrth' (did you mean 'North'?)");

    Files.writeString(dir.resolve("accounts.csv"), "Account,Regn,Employees\nAcme,North,10\n");
    var missing = dev.journeykpi.cli.CliHarness.run("validate", "-c", f.toString(), "--check-data");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.out() + missing.err())
        .contains("source 'accounts' column 'region': header 'Region' is not in");

    Files.writeString(
        dir.resolve("accounts.csv"), "Account,Region,Employees\nAcme,North,10\nACME,West,1\n");
    var twice = dev.journeykpi.cli.CliHarness.run("validate", "-c", f.toString(), "--check-data");
    assertThat(twice.exitCode()).isEqualTo(3);
    assertThat(twice.out() + twice.err()).contains("'Acme' on data rows 1, 2");
  }
}
