package dev.journeykpi.types.customers;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.LeadList.Entry;
import dev.journeykpi.model.Period;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The customers behind a customers KPI in a period, for follow-up (the win-back call list): each
 * with its state by the KPI's own rules ({@link CustomerStates#states}), its last activity and the
 * days since. Breakdown values are those of the customer's last activity row.
 */
public final class CustomerList {
  private CustomerList() {}

  /**
   * The measures that have a customer list (not those of orders: repeat rate, frequency, AOV,
   * cohorts), in order.
   */
  public static final List<CustomerDef.Measure> MEASURES =
      java.util.Arrays.stream(CustomerDef.Measure.values())
          .filter(m -> !CustomerStates.statuses(m).isEmpty())
          .toList();

  public static List<Entry> of(
      KpiDef kpi, CustomerDef def, Table table, Period period, BusinessCalendar calendar) {
    CustomerStates m = new CustomerStates(def, kpi.time(), calendar);
    List<Column<?>> by = kpi.by().stream().<Column<?>>map(table::column).toList();
    List<Entry> out = new ArrayList<>();
    for (CustomerStates.State s :
        m.states(table, FilterCompiler.select(table, kpi.where()), period)) {
      List<String> dims = by.stream().map(c -> Cells.label(c, s.row())).toList();
      out.add(new Entry(s.customer(), dims, s.status(), s.lastActivity().atStartOfDay(), s.idle()));
    }
    return out;
  }
}
