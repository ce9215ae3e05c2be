-- kpi backlog (backlog)
SELECT kpi_period,
  "priority" AS kpi_group,
  GROUPING("priority") AS kpi_total,
  count(CASE WHEN "created_at" IS NOT NULL AND NOT coalesce("resolved_at" < "created_at", FALSE) AND CASE WHEN kpi_all THEN "resolved_at" IS NULL ELSE "created_at" < kpi_to AND ("resolved_at" IS NULL OR "resolved_at" >= kpi_to) END THEN 1 END) AS "open",
  count(CASE WHEN "created_at" IS NOT NULL AND "resolved_at" IS NOT NULL AND "resolved_at" < "created_at" THEN 1 END) AS "end_before_start"
FROM (SELECT * FROM "kpi_rows_tickets" AS kpi_rows WHERE TRUE) AS kpi_population
CROSS JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
GROUP BY GROUPING SETS ((kpi_period, "priority"), (kpi_period))
ORDER BY kpi_period;

-- kpi esat (score)
SELECT kpi_period,
  "department" AS kpi_group,
  GROUPING("department") AS kpi_total,
  "esat" AS kpi_answer,
  signbit("esat") AS kpi_negative,
  count(*) AS kpi_rows,
  min(kpi_record) AS kpi_first
FROM (SELECT * FROM "kpi_rows_staff_survey" AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST("created_at" AS TIMESTAMP) >= kpi_from AND CAST("created_at" AS TIMESTAMP) < kpi_to)
GROUP BY GROUPING SETS ((kpi_period, "department", "esat", signbit("esat")), (kpi_period, "esat", signbit("esat")))
ORDER BY kpi_period, kpi_first;

-- kpi turnover (turnover)
SELECT kpi_period,
  "department" AS kpi_group,
  GROUPING("department") AS kpi_total,
  count(CASE WHEN CAST("hired_at" AS TIMESTAMP) IS NOT NULL AND CAST("hired_at" AS TIMESTAMP) < kpi_from AND (CAST("left_at" AS TIMESTAMP) IS NULL OR CAST("left_at" AS TIMESTAMP) >= kpi_from) THEN 1 END) AS "at_start",
  count(CASE WHEN CAST("hired_at" AS TIMESTAMP) IS NOT NULL AND CAST("hired_at" AS TIMESTAMP) < kpi_to AND (CAST("left_at" AS TIMESTAMP) IS NULL OR CAST("left_at" AS TIMESTAMP) >= kpi_to) THEN 1 END) AS "at_end",
  count(CASE WHEN CAST("hired_at" AS TIMESTAMP) IS NOT NULL AND CAST("left_at" AS TIMESTAMP) >= kpi_from AND CAST("left_at" AS TIMESTAMP) < kpi_to AND (TRUE) THEN 1 END) AS "leavers",
  count(CASE WHEN CAST("hired_at" AS TIMESTAMP) IS NULL THEN 1 END) AS "without_hire"
FROM (SELECT * FROM "kpi_rows_staff" AS kpi_rows WHERE TRUE) AS kpi_population
CROSS JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
GROUP BY GROUPING SETS ((kpi_period, "department"), (kpi_period))
ORDER BY kpi_period;
