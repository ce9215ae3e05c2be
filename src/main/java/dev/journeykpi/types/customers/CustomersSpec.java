package dev.journeykpi.types.customers;

import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.KpiSpec;

/**
 * {@code customers}: a measure of customers over an activity export (active, churn, retention, CLV,
 * cohorts, …).
 */
public record CustomersSpec(CustomerDef customers) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.structure(customers.customer(), customers.order(), customers.value());
  }
}
