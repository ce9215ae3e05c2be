package dev.journeykpi.sql;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import java.time.ZoneId;

/**
 * What the engine hands a type compiling its own query: the KPI, its source's typed rows as a
 * relation, the columns and filters in SQL, the definition's calendar and zone.
 *
 * @param rows the relation of the source's used rows ({@link SourceRelations#rows})
 */
public record SqlSource(
    Dialect dialect,
    KpiDef kpi,
    SourceDef source,
    String rows,
    SqlColumns columns,
    BusinessCalendar calendar,
    ZoneId zone) {}
