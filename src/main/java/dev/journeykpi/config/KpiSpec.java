package dev.journeykpi.config;

/**
 * What one KPI type adds to the fields every KPI has ({@link KpiDef}): a duration's start and end,
 * a funnel's stages. Each type's spec is a record in its own package under the {@code types}
 * package, with its binder, measurer and explanation beside it; config knows only this interface
 * and the {@link SpecBinder} that reads it.
 */
public interface KpiSpec {
  /**
   * Adds the source columns the type reads. Three groups, so that the KPI's columns keep the order
   * they are listed in (the measured columns, then the breakdown, then the type's structure, then
   * the filters).
   */
  void collectColumns(Columns out);

  /** The columns of a KPI, in the groups {@link KpiDef#columnsRead()} lists them in. */
  final class Columns {
    final java.util.Set<String> measured = new java.util.LinkedHashSet<>();
    final java.util.Set<String> structure = new java.util.LinkedHashSet<>();
    final java.util.Set<String> filters = new java.util.LinkedHashSet<>();

    /** A measured column (a sum's column, a duration's start and end); nulls are skipped. */
    public Columns measured(String... names) {
      for (String n : names) if (n != null) measured.add(n);
      return this;
    }

    /**
     * A column of the type's structure (a funnel's lead and stage, a customer id); nulls are
     * skipped.
     */
    public Columns structure(String... names) {
      for (String n : names) if (n != null) structure.add(n);
      return this;
    }

    public Columns structure(java.util.Collection<String> names) {
      names.forEach(n -> structure(n));
      return this;
    }

    /** The columns a filter of the type's own (a ratio's numerator) tests. */
    public Columns filter(Filter f) {
      if (f != null) f.collectColumns(filters);
      return this;
    }

    /**
     * The columns a filter tests, listed with the type's structure (a stalled KPI's closed filter).
     */
    public Columns structureFilter(Filter f) {
      if (f != null) f.collectColumns(structure);
      return this;
    }
  }
}
