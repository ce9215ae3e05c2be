package dev.journeykpi.types;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.SpecBinder;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.sql.SqlTemplate;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * One KPI type, everything about it in one place: how its YAML is read ({@link SpecBinder}), how it
 * is run, which columns date its rows, which values it expects in the data and how it is explained.
 * Each type is a subclass in its own package beside its spec record and measurer, registered once
 * in {@link KpiKinds}.
 *
 * <p>Why an abstract class with one abstract method per concern rather than a visitor: a visitor
 * would make every new type touch every visitor (the runner, the explainer, the value check, and
 * later each SQL dialect) in their packages; here a new type is one package and one registration
 * line, and forgetting a concern is a compile error in that package. Java 17's sealed interfaces
 * cannot span packages outside a named module, so the registry, not the compiler, lists the types;
 * a test checks that every type in the registry explains, runs and binds.
 *
 * @param <S> the type's spec record
 */
public abstract class KpiKind<S extends KpiSpec> implements SpecBinder {
  private final String name;
  private final Class<S> specType;

  protected KpiKind(String name, Class<S> specType) {
    this.name = name;
    this.specType = specType;
  }

  @Override
  public final String name() {
    return name;
  }

  /** The class of the type's spec record. */
  protected final Class<S> specType() {
    return specType;
  }

  /** The KPI's spec as this type's record. */
  public final S spec(KpiDef k) {
    return specType.cast(k.spec());
  }

  @Override
  public KpiDef resolve(KpiDef kpi, Map<String, KpiDef> byId, Diagnostics d) {
    return kpi;
  }

  /**
   * The result rows of the KPI in each period: the type picks how its rows meet the period (see
   * {@link KpiRunner}).
   */
  public abstract List<ResultRow> run(
      KpiDef k, S spec, Table table, List<Period> periods, KpiRunner runner);

  /**
   * The KPIs whose results this KPI is computed from (a formula's operands), which the engine runs
   * first; empty for a KPI measured from its source's rows, the usual case.
   */
  public List<String> computedFrom(KpiDef k) {
    return List.of();
  }

  /**
   * The result rows of a KPI computed from other KPIs' results (one whose {@link #computedFrom} is
   * not empty), instead of {@link #run}: {@code results} holds the rows of each KPI it names, each
   * compared with its earlier period when {@code compared}.
   */
  public List<ResultRow> fromResults(
      KpiDef k, List<Period> periods, Map<String, List<ResultRow>> results, boolean compared) {
    throw new IllegalStateException("kpi '" + k.id() + "' is measured from its source's rows");
  }

  /**
   * The columns that place the KPI's rows in periods, for how far the data reaches (none: the
   * period is not checked).
   */
  public abstract List<String> datedBy(KpiDef k, S spec);

  /**
   * Whether the value depends on every row up to the period, so that a source the others outlast
   * makes it wrong, not empty (customers, backlog, stalled).
   */
  public abstract boolean judgesWholeHistory();

  /**
   * The texts the KPI expects in its source's text columns, beyond its {@code where:} (for validate
   * --check-data).
   */
  public abstract void expectedValues(KpiDef k, S spec, ExpectedValues out);

  /** The KPI in words, for {@code kpi explain}, in the phrases' language. */
  public abstract Explained explain(KpiDef k, S spec, Phrases p);

  /** The KPI's {@code time:} column, the one that dates its rows for most types. */
  protected static List<String> timeColumn(KpiDef k) {
    return k.time() == null ? List.of() : List.of(k.time());
  }

  /**
   * What {@code kpi leads} lists for the type (a funnel stage's leads, stalled leads, customers),
   * or null when the type has no entries to list.
   */
  public abstract Listing<S> listing();

  /** The list {@code kpi leads} gives for the KPI, or null when its type has none. */
  public final LeadList.Kind listingKind() {
    Listing<S> l = listing();
    return l == null ? null : l.kind();
  }

  public final void checkListingAny(KpiDef k, String stage, Period period) {
    listing().check(k, spec(k), stage, period);
  }

  public final List<LeadList.Entry> listAny(
      KpiDef k, Table table, Period period, String stage, KpiRunner runner) {
    return listing().list(k, spec(k), table, period, stage, runner);
  }

  /**
   * How a renderer draws the KPI beyond its rows, for the few types that have a drawing of their
   * own: the stages of a funnel table and chart, or null for a KPI shown as rows.
   */
  public dev.journeykpi.config.FunnelDef stagesDrawn(KpiDef k) {
    return null;
  }

  /**
   * Whether a row of the KPI in % with a numerator and a denominator is a share of counted things —
   * its numerator's rows or customers are among its denominator's (a ratio, a top-box score, an
   * SLA, a funnel step, a churn rate) — so that {@code kpi report --confidence} gives it a Wilson
   * interval. Yes unless the type says otherwise: a turnover (leavers ÷ an average headcount), a
   * customer retention rate ((E − N) ÷ S, above 100 % at times), a formula.
   */
  public boolean ratesAreShares(KpiDef k) {
    return true;
  }

  /**
   * A KPI has shares when its rates are ({@link #ratesAreShares}) and it has rates: a KPI in %, or
   * a funnel, whose step and conversion rows are in %.
   */
  @Override
  public boolean hasShares(KpiDef k) {
    return ratesAreShares(k) && ("%".equals(k.unit()) || stagesDrawn(k) != null);
  }

  /** Whether the KPI's rows form a cohort triangle (a customers KPI measuring cohorts). */
  public boolean cohortTriangle(KpiDef k) {
    return false;
  }

  /**
   * The column that names the customer of each row, for a type that follows customers: the quality
   * report counts its blank rows once per source, however many KPIs read it. Null for the others.
   */
  public String customerColumn(KpiDef k) {
    return null;
  }

  /**
   * How the KPI compiles to SQL for the SQL engines ({@code --engine duckdb}, {@code kpi sql}): the
   * type's template ({@link dev.journeykpi.sql.PeriodRowsSql} or {@link
   * dev.journeykpi.sql.OwnQuerySql}), or {@link SqlTemplate.NotYet} why this use of the type is not
   * compiled, which the engines turn into a refusal naming the KPI before any work. Abstract, as
   * the other concerns: a new type says how it runs on SQL, or why not, in its own package.
   */
  public abstract SqlTemplate sql(KpiDef k, S spec);

  public final SqlTemplate sqlAny(KpiDef k) {
    return sql(k, spec(k));
  }

  /** Runs a KPI of any type. */
  public final List<ResultRow> runAny(
      KpiDef k, Table table, List<Period> periods, KpiRunner runner) {
    return run(k, spec(k), table, periods, runner);
  }

  public final List<String> datedByAny(KpiDef k) {
    return datedBy(k, spec(k));
  }

  public final void expectedValuesAny(KpiDef k, ExpectedValues out) {
    expectedValues(k, spec(k), out);
  }

  public final Explained explainAny(KpiDef k, Phrases p) {
    return explain(k, spec(k), p);
  }
}
