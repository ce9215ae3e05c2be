package dev.journeykpi.report;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Journey;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.types.KpiKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard for people, independent of the medium: KPIs grouped by journey stage and touchpoint
 * with the owning department, one column per period (a trend when --periods is given), then the
 * change, n, numerator/denominator, target and status of the last period, and notes. The terminal
 * and Markdown renderers draw it.
 */
final class ScorecardLayout {
  /**
   * A journey section: its header (the breakdown column named after the dimension its KPIs share),
   * its rows as text, each row's status, each row's results by period label (empty for a row that
   * stands for a drawing), for a renderer that stores numbers as numbers, and each row's note as
   * the terminal and Markdown write it: {@link Labels#asAbove} for what repeats the row above's
   * (same KPI).
   */
  record Section(
      String title,
      List<String> header,
      List<List<String>> rows,
      List<Status> statuses,
      List<Map<String, ResultRow>> results,
      List<String> notesOnce) {

    /** The rows with their notes written once ({@link #notesOnce}). */
    List<List<String>> rowsNotesOnce(int noteColumn) {
      List<List<String>> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        List<String> copy = new ArrayList<>(rows.get(i));
        copy.set(noteColumn, notesOnce.get(i));
        out.add(copy);
      }
      return out;
    }
  }

  /**
   * A cohort matrix as people read it: a row per cohort (its size, then the share still active 0,
   * 1, 2 … periods later), the unfinished cells starred. {@code rates} holds the raw shares (null
   * for an empty cell) for shading.
   */
  record Triangle(
      String title, List<String> header, List<List<String>> rows, List<List<Double>> rates) {}

  final List<Triangle> triangles = new ArrayList<>();

  /**
   * A funnel as people read it: a row per stage (owner, entered, on to the next, from the first,
   * dropped, lost, time to the next), and {@code share} the fraction of the first stage each row
   * holds, for bars. {@code shortHeader} is the header a narrow terminal shows (the median time
   * headed "median" beside p90, its values carrying the unit; a step named by where it leads, "→
   * Demo"), and {@code barColumn} the column of the text bars (-1 for none), which a narrow
   * terminal narrows or drops. {@code entered} holds each stage's count (null for none), which the
   * page's chart draws its bars by; null for the step-by-group table.
   */
  record FunnelView(
      String title,
      List<String> header,
      List<String> shortHeader,
      List<List<String>> rows,
      List<Double> share,
      int barColumn,
      String footer,
      List<Double> entered) {}

  final List<FunnelView> funnels = new ArrayList<>();

  final String title;
  final List<String> header;
  final boolean[] rightAligned;
  final List<Section> sections = new ArrayList<>();

  /**
   * Status counts of the headline (total) rows of the last period, per stage and per department.
   */
  final List<String> summary = new ArrayList<>();

  /** The A/B comparisons' heading and sentences ({@code compare:}); empty when there are none. */
  final String comparisonsTitle;

  final List<String> comparisons;

  /** Periods with incomplete data (their rows' notes say why). */
  final List<String> incomplete = new ArrayList<>();

  final Labels words;

  /**
   * How the values are written: numbers by the definition's locale, units in the view's language.
   */
  final ValueFormat fmt;

  /** The language of the view: labels and notes. */
  final String lang;

  /** Columns by role, for renderers that style them; -1 when absent. */
  final int statusColumn;

  final int noteColumn;

  /** The column of the first period's values (one column per period follows), and of n. */
  final int firstPeriodColumn;

  final int nColumn;

  /** The column of the change from the period before (--compare); -1 without one. */
  final int changeColumn;

  /** The column of a row's numerator / denominator (after n). */
  int numDenColumn() {
    return nColumn + 1;
  }

  /** The periods' labels, oldest first, as the period columns show them. */
  final List<String> periodLabels;

  /** Whether the second column is the breakdown's. */
  final boolean breakdownColumn;

  ScorecardLayout(Scorecard card, View view) {
    boolean byOwner = view.byOwner();
    this.lang = view.lang() != null ? view.lang() : card.definition().locale();
    this.words = Labels.of(lang);
    Definition def = card.definition();
    ValueFormat fmt = new ValueFormat(def.locale(), lang);
    this.fmt = fmt;
    List<String> periodLabels = card.periods().stream().map(Period::label).toList();
    String last = periodLabels.get(periodLabels.size() - 1);

    // The breakdown column only when some KPI has a breakdown.
    boolean breakdowns = card.rows().stream().anyMatch(r -> !r.dims().isEmpty());
    this.breakdownColumn = breakdowns;
    List<String> header =
        new ArrayList<>(
            breakdowns ? List.of(words.kpi(), words.breakdown()) : List.of(words.kpi()));
    // A period with any incomplete row is starred in the header and explained under the table.
    for (String p : periodLabels) {
      boolean partial =
          card.rows().stream()
              .anyMatch(r -> r.period().equals(p) && Boolean.FALSE.equals(r.complete()));
      header.add(partial ? words.period(p) + " *" : words.period(p));
      if (partial) incomplete.add(p);
    }
    boolean targets = card.rows().stream().anyMatch(r -> r.target() != null);
    boolean changes = card.rows().stream().anyMatch(r -> r.previous() != null);
    if (changes) header.add(words.change());
    header.addAll(
        targets
            ? List.of("n", words.numDen(), words.target(), words.status(), words.note())
            : List.of("n", words.numDen(), words.note()));
    this.statusColumn = targets ? header.size() - 2 : -1;
    this.firstPeriodColumn = breakdowns ? 2 : 1;
    this.nColumn = header.indexOf("n");
    this.changeColumn = changes ? nColumn - 1 : -1;
    this.periodLabels = periodLabels;
    this.noteColumn = header.size() - 1;
    this.header = header;
    boolean[] right = new boolean[header.size()];
    this.rightAligned = right;
    for (int i = breakdowns ? 2 : 1; i < header.size() - (targets ? 3 : 1); i++) right[i] = true;

    Map<String, List<ResultRow>> byKpi = new LinkedHashMap<>();
    card.rows().forEach(r -> byKpi.computeIfAbsent(r.kpi(), k -> new ArrayList<>()).add(r));

    List<Group> groups = groups(def, byKpi.keySet());
    if (byOwner) {
      // Departments in the order the journey first meets them; each one's touchpoints stay in
      // journey order.
      List<String> owners =
          groups.stream().map(Group::owner).filter(o -> o != null).distinct().toList();
      groups.sort(
          java.util.Comparator.comparingInt(
              g -> g.owner == null ? Integer.MAX_VALUE : owners.indexOf(g.owner)));
    }
    Map<String, int[]> byStage = new LinkedHashMap<>();
    Map<String, int[]> byDepartment = new LinkedHashMap<>();
    for (Group s : groups) {
      List<List<String>> rows = new ArrayList<>();
      List<Status> statuses = new ArrayList<>();
      List<Map<String, ResultRow>> results = new ArrayList<>();
      List<String> notesOnce = new ArrayList<>();
      List<String> sectionHeader = header;
      String dimension = breakdowns ? sharedDimension(def, s.kpis, byKpi) : null;
      if (dimension != null) {
        sectionHeader = new ArrayList<>(header);
        sectionHeader.set(1, dimension);
      }
      int[] counts = new int[3];
      for (String kpiId : s.kpis) count(byKpi.get(kpiId), last, counts);
      if (s.stage != null) add(byStage, s.stage, counts);
      if (s.owner != null) add(byDepartment, s.owner, counts);
      String title =
          byOwner && s.owner != null ? s.owner + " · " + s.stage + " › " + s.touchpoint : s.title;
      sections.add(
          new Section(
              title
                  + (targets && counts[0] + counts[1] + counts[2] > 0
                      ? "   " + counts(counts)
                      : ""),
              sectionHeader,
              rows,
              statuses,
              results,
              notesOnce));
      for (String kpiId : s.kpis) {
        KpiDef kpi = def.kpi(kpiId).orElseThrow();
        Triangle t = isCohort(kpi) ? triangle(kpi, byKpi.get(kpiId), last, fmt) : null;
        if (t != null) {
          triangles.add(t);
          List<String> cells = new ArrayList<>();
          cells.add(kpi.label());
          while (cells.size() < header.size() - 1) cells.add("");
          cells.add(words.belowTriangle());
          rows.add(cells);
          statuses.add(null);
          results.add(Map.of());
          notesOnce.add(words.belowTriangle());
          continue;
        }
        boolean isFunnel = KpiKinds.of(kpi).stagesDrawn(kpi) != null;
        if (isFunnel) funnels.addAll(FunnelViews.of(kpi, byKpi.get(kpiId), last, fmt, words));
        // Each group's rows by period, keyed by the group's labels, not by the text shown for it:
        // a roll-up's outline shows a team by its own name, which two departments may share.
        Map<List<String>, Map<String, ResultRow>> byBreakdown = new LinkedHashMap<>();
        Map<List<String>, String> shown = new LinkedHashMap<>();
        for (ResultRow r : byKpi.get(kpiId)) {
          // A funnel's scorecard rows are its headlines (first stage to last); its stages are drawn
          // below.
          if (isFunnel && !ResultRow.TOTAL.equals(r.dims().get("stage"))) continue;
          List<String> group = List.copyOf(r.dims().values());
          shown.computeIfAbsent(group, g -> breakdown(r, kpi));
          byBreakdown.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(r.period(), r);
        }
        // Total first in the terminal: the headline number, then its breakdown.
        List<List<String>> keys = new ArrayList<>(byBreakdown.keySet());
        keys.sort(
            (a, b) ->
                Boolean.compare(!isTotalKey(shown.get(a), kpi), !isTotalKey(shown.get(b), kpi)));
        boolean first = true;
        List<String> notesAbove = List.of();
        for (List<String> group : keys) {
          String key = shown.get(group);
          Map<String, ResultRow> perPeriod = byBreakdown.get(group);
          List<String> cells = new ArrayList<>();
          cells.add(first ? kpi.label() : "");
          if (breakdowns) cells.add(key);
          for (String p : periodLabels) {
            ResultRow r = perPeriod.get(p);
            cells.add(r == null ? "" : fmt.human(r.value(), r.unit(), r.interval()));
          }
          ResultRow lr = perPeriod.get(last);
          if (changes)
            cells.add(lr == null ? "" : fmt.change(lr.delta(), lr.deltaRelative(), lr.unit()));
          cells.add(lr == null ? "" : fmt.count(lr.n()));
          cells.add(
              lr == null || lr.denominator() == null
                  ? ""
                  : fmt.count(lr.numerator()) + " / " + fmt.count(lr.denominator()));
          if (targets) {
            cells.add(lr == null ? "" : fmt.target(lr.target(), lr.unit()));
            cells.add(lr == null ? "" : words.status(lr.status()));
          }
          statuses.add(lr == null ? null : lr.status());
          List<String> notes =
              lr == null ? List.of() : lr.notes().parts().stream().map(n -> n.text(lang)).toList();
          cells.add(String.join("; ", notes));
          notesOnce.add(once(notes, notesAbove));
          notesAbove = notes;
          rows.add(cells);
          results.add(perPeriod);
          first = false;
        }
      }
    }
    String periods =
        periodLabels.size() == 1 ? words.period(last) : periodLabels.get(0) + " … " + last;
    this.title = def.name() + " — " + periods;
    ComparisonSentences sentences = new ComparisonSentences(lang, fmt, words);
    this.comparisonsTitle = sentences.title();
    this.comparisons = sentences.of(card);
    if (!incomplete.isEmpty()) {
      summary.add(String.format(words.incomplete(), String.join(", ", incomplete)));
    }
    if (targets) {
      summary.add(String.format(words.headline(), words.period(last)));
      if (!byStage.isEmpty()) summary.add("  " + words.byStage() + ": " + line(byStage));
      if (!byDepartment.isEmpty())
        summary.add("  " + words.byDepartment() + ": " + line(byDepartment));
    }
  }

  /**
   * A row's notes written once: when they begin with all of the row above's (same KPI), those are
   * "″ as above" ("″ như trên") and only the rest follows — a breakdown's rows often repeat their
   * KPI's note ("incomplete: data ends 2026-10-14") and the same sentence on every line hides the
   * ones that differ. "″" always stands for the whole note above, so a note that differs, or holds
   * only part of the one above, is written whole.
   */
  private String once(List<String> notes, List<String> above) {
    if (above.isEmpty()
        || notes.size() < above.size()
        || !notes.subList(0, above.size()).equals(above)) return String.join("; ", notes);
    List<String> rest = notes.subList(above.size(), notes.size());
    return rest.isEmpty() ? words.asAbove() : words.asAbove() + "; " + String.join("; ", rest);
  }

  /**
   * A cohort row's age in periods, or null for a row that is no cell of the triangle ("needs a
   * period").
   */
  static Integer cohortAge(ResultRow r) {
    String age = r.dims().get("age");
    return age != null && !age.isEmpty() && age.chars().allMatch(Character::isDigit)
        ? Integer.valueOf(age)
        : null;
  }

  static boolean isCohort(KpiDef kpi) {
    return KpiKinds.of(kpi).cohortTriangle(kpi);
  }

  /**
   * The cohort rows of the last period (whole population: every breakdown dimension at its total)
   * as a triangle; null when there are none, as without a period, where the KPI's one row says so
   * like any other KPI's.
   */
  private Triangle triangle(KpiDef kpi, List<ResultRow> rows, String last, ValueFormat fmt) {
    Map<String, Map<Integer, ResultRow>> byCohort = new LinkedHashMap<>();
    int maxAge = 0;
    for (ResultRow r : rows) {
      if (!r.period().equals(last)) continue;
      boolean whole = kpi.by().stream().allMatch(b -> ResultRow.TOTAL.equals(r.dims().get(b)));
      Integer age = cohortAge(r);
      if (!whole || age == null) continue;
      maxAge = Math.max(maxAge, age);
      byCohort.computeIfAbsent(r.dims().get("cohort"), k -> new LinkedHashMap<>()).put(age, r);
    }
    if (byCohort.isEmpty()) return null;
    List<String> header = new ArrayList<>(List.of(words.cohort(), words.customers()));
    for (int a = 0; a <= maxAge; a++) header.add("+" + a);
    List<List<String>> out = new ArrayList<>();
    List<List<Double>> rates = new ArrayList<>();
    byCohort.forEach(
        (cohort, ages) -> {
          List<String> cells = new ArrayList<>(List.of(cohort));
          List<Double> shares = new ArrayList<>();
          ResultRow first = ages.get(0);
          cells.add(
              first == null || first.denominator() == null ? "" : fmt.count(first.denominator()));
          for (int a = 0; a < header.size() - 2; a++) {
            ResultRow r = ages.get(a);
            cells.add(
                r == null
                    ? ""
                    : fmt.human(r.value(), "%") + (Boolean.FALSE.equals(r.complete()) ? "*" : ""));
            shares.add(r == null ? null : r.value());
          }
          out.add(cells);
          rates.add(shares);
        });
    return new Triangle(kpi.label() + " — " + words.period(last), header, out, rates);
  }

  /** Counts green, amber and red among a KPI's total rows of the given period. */
  private static void count(List<ResultRow> rows, String period, int[] counts) {
    for (ResultRow r : rows) {
      if (!r.period().equals(period) || !(r.dims().isEmpty() || r.isTotal())) continue;
      if (r.status() == null) continue;
      switch (r.status()) {
        case GREEN -> counts[0]++;
        case AMBER -> counts[1]++;
        case RED -> counts[2]++;
        case NONE -> {}
      }
    }
  }

  private static void add(Map<String, int[]> into, String key, int[] counts) {
    int[] c = into.computeIfAbsent(key, k -> new int[3]);
    for (int i = 0; i < 3; i++) c[i] += counts[i];
  }

  private String counts(int[] c) {
    return c[0]
        + " "
        + words.green()
        + " · "
        + c[1]
        + " "
        + words.amber()
        + " · "
        + c[2]
        + " "
        + words.red();
  }

  private String line(Map<String, int[]> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, c) -> parts.add(k + ": " + counts(c)));
    return String.join("; ", parts);
  }

  private boolean isTotalKey(String key, KpiDef kpi) {
    return key.equals(words.total()) || kpi.by().isEmpty();
  }

  private String breakdown(ResultRow r, KpiDef kpi) {
    if (r.dims().isEmpty()) return "";
    if (r.isTotal()) return words.total();
    if (KpiKinds.of(kpi).stagesDrawn(kpi) != null) {
      return String.join(" · ", kpi.by().stream().map(b -> words.value(r.dims().get(b))).toList());
    }
    if (r.dims().containsKey("state") && "vi".equals(lang)) {
      // Lifecycle states are machine words in CSV and JSON; people read them in their language.
      String state =
          Map.of(
                  "new",
                  "mới",
                  "returning",
                  "quay lại",
                  "resurrecting",
                  "hồi sinh",
                  "dormant",
                  "ngủ đông")
              .getOrDefault(r.dims().get("state"), r.dims().get("state"));
      List<String> others = kpi.by().stream().map(b -> words.value(r.dims().get(b))).toList();
      return others.isEmpty() ? state : String.join(" · ", others) + " · " + state;
    }
    if (kpi.rollup()) {
      // A roll-up reads as an outline: each level indented under the one above, named by its own
      // value only.
      List<String> values =
          r.dims().values().stream().filter(v -> !v.equals(ResultRow.TOTAL)).toList();
      return "  ".repeat(values.size() - 1) + words.value(values.get(values.size() - 1));
    }
    return String.join(" · ", r.dims().values().stream().map(words::value).toList());
  }

  /**
   * The breakdown column's header for a section whose KPIs with a breakdown all break down by the
   * same columns: their headers in the export ({@code floor: Tầng} gives "Tầng"; a looked-up,
   * derived or joined column its name, as {@code by:} writes it), joined as the rows' labels are ("
   * › " for a roll-up's outline, " · " otherwise); null (the generic "Breakdown") when they differ.
   * A header says at once what the labels are — "Cao" under "Mức ưu tiên" — where a row would
   * repeat it on every line.
   */
  private String sharedDimension(
      Definition def, List<String> kpis, Map<String, List<ResultRow>> byKpi) {
    String shared = null;
    for (String id : kpis) {
      KpiDef kpi = def.kpi(id).orElseThrow();
      dev.journeykpi.config.SourceDef source =
          kpi.source() == null ? null : def.sources().get(kpi.source());
      List<String> dims =
          dimensions(kpi, byKpi.get(id)).stream().map(d -> columnHeader(source, d)).toList();
      if (dims.isEmpty()) continue;
      String name = String.join(kpi.rollup() ? " › " : " · ", dims);
      if (shared != null && !shared.equals(name)) return null;
      shared = name;
    }
    return shared;
  }

  /** A column's header in the export; its name for a column not read from it, or unknown. */
  private static String columnHeader(dev.journeykpi.config.SourceDef source, String name) {
    var column = source == null ? null : source.column(name);
    return column == null || column.header() == null || column.header().isBlank()
        ? name
        : column.header();
  }

  /** The dimensions a KPI's rows are labelled by in the breakdown column; empty for none. */
  private List<String> dimensions(KpiDef kpi, List<ResultRow> rows) {
    if (isCohort(kpi)) return List.of();
    if (KpiKinds.of(kpi).stagesDrawn(kpi) != null) return kpi.by();
    for (ResultRow r : rows) {
      if (r.dims().isEmpty()) continue;
      return r.dims().keySet().stream()
          .map(d -> d.equals("state") && "vi".equals(lang) ? "trạng thái" : d)
          .toList();
    }
    return List.of();
  }

  private record Group(
      String title, String stage, String touchpoint, String owner, List<String> kpis) {}

  /**
   * Journey order: stage, then touchpoint, then the touchpoint's KPIs; KPIs outside the journey
   * come last.
   */
  private List<Group> groups(Definition def, java.util.Set<String> present) {
    List<Group> out = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    Journey j = def.journey();
    for (Journey.Stage stage : j.stages()) {
      for (Journey.Touchpoint t : j.touchpoints()) {
        if (!stage.id().equals(t.stage())) continue;
        List<String> ks = t.kpis().stream().filter(present::contains).toList();
        if (ks.isEmpty()) continue;
        placed.addAll(ks);
        String owner = t.owner() == null ? "" : "  (" + words.owner() + ": " + t.owner() + ")";
        out.add(
            new Group(
                stage.label() + " › " + t.label() + owner,
                stage.label(),
                t.label(),
                t.owner(),
                ks));
      }
    }
    List<String> rest = present.stream().filter(k -> !placed.contains(k)).toList();
    if (!rest.isEmpty())
      out.add(new Group(out.isEmpty() ? words.kpis() : words.otherKpis(), null, null, null, rest));
    return out;
  }
}
