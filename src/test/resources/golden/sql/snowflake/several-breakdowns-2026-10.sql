-- kpi backlog (backlog)
SELECT kpi_period,
  "channel" AS kpi_group_0,
  "team" AS kpi_group_1,
  (GROUPING("channel") * 2 + GROUPING("team")) AS kpi_level,
  count(CASE WHEN "created_at" IS NOT NULL AND NOT coalesce("resolved_at" < "created_at", FALSE) AND CASE WHEN kpi_all THEN "resolved_at" IS NULL ELSE "created_at" < kpi_to AND ("resolved_at" IS NULL OR "resolved_at" >= kpi_to) END THEN 1 END) AS "open",
  count(CASE WHEN "created_at" IS NOT NULL AND "resolved_at" IS NOT NULL AND "resolved_at" < "created_at" THEN 1 END) AS "end_before_start"
FROM (SELECT * FROM "kpi_rows_tickets" AS kpi_rows WHERE TRUE) AS kpi_population
CROSS JOIN (VALUES (0, FALSE, CAST('2026-10-01 00:00:00' AS TIMESTAMP_NTZ), CAST('2026-11-01 00:00:00' AS TIMESTAMP_NTZ))) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
GROUP BY GROUPING SETS ((kpi_period, "channel"), (kpi_period, "channel", "team"), (kpi_period))
ORDER BY kpi_period;

-- kpi csat (score)
SELECT kpi_period,
  "channel" AS kpi_group_0,
  "priority" AS kpi_group_1,
  (GROUPING("channel") * 2 + GROUPING("priority")) AS kpi_level,
  "csat" AS kpi_answer,
  FALSE AS kpi_negative,
  count(*) AS kpi_rows,
  min(kpi_record) AS kpi_first
FROM (SELECT * FROM "kpi_rows_tickets" AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, CAST('2026-10-01 00:00:00' AS TIMESTAMP_NTZ), CAST('2026-11-01 00:00:00' AS TIMESTAMP_NTZ))) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST("created_at" AS TIMESTAMP_NTZ) >= kpi_from AND CAST("created_at" AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY GROUPING SETS ((kpi_period, "channel", "csat"), (kpi_period, "channel", "priority", "csat"), (kpi_period, "csat"))
ORDER BY kpi_period, kpi_first;

-- kpi stalled (stalled)
WITH kpi_population AS (SELECT "channel" AS kpi_g0, "team" AS kpi_g1, CAST((CAST(DATE_PART(EPOCH_MILLISECOND, CAST(CAST("created_at" AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE) / 1000) / 86400 AS BIGINT) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR REGEXP_INSTR("customer_id", '^([\u0009-\u000d\u001c-   -  -    　]*)$') > 0) THEN NULL ELSE "customer_id" END AS kpi_lead, FALSE AS kpi_closed
  FROM "kpi_rows_tickets" WHERE TRUE),
kpi_grouped AS (SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, kpi_day, kpi_lead, kpi_closed FROM kpi_population
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS VARCHAR), kpi_day, kpi_lead, kpi_closed FROM kpi_population
  UNION ALL SELECT 3, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), kpi_day, kpi_lead, kpi_closed FROM kpi_population),
kpi_touches AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_lead IS NOT NULL)
SELECT kpi_level, kpi_group_0, kpi_group_1 FROM kpi_grouped GROUP BY kpi_level, kpi_group_0, kpi_group_1;

WITH kpi_population AS (SELECT "channel" AS kpi_g0, "team" AS kpi_g1, CAST((CAST(DATE_PART(EPOCH_MILLISECOND, CAST(CAST("created_at" AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE) / 1000) / 86400 AS BIGINT) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR REGEXP_INSTR("customer_id", '^([\u0009-\u000d\u001c-   -  -    　]*)$') > 0) THEN NULL ELSE "customer_id" END AS kpi_lead, FALSE AS kpi_closed
  FROM "kpi_rows_tickets" WHERE TRUE),
kpi_grouped AS (SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, kpi_day, kpi_lead, kpi_closed FROM kpi_population
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS VARCHAR), kpi_day, kpi_lead, kpi_closed FROM kpi_population
  UNION ALL SELECT 3, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), kpi_day, kpi_lead, kpi_closed FROM kpi_population),
kpi_touches AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_lead IS NOT NULL),
kpi_leads AS (SELECT kpi_period, kpi_start, kpi_level, kpi_group_0, kpi_group_1, kpi_lead, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, count(CASE WHEN kpi_closed AND kpi_day < kpi_start THEN 1 END) > 0 AS kpi_was_closed, count(CASE WHEN kpi_day >= kpi_start THEN 1 END) > 0 AS kpi_touched
  FROM (SELECT * FROM kpi_touches) AS kpi_t JOIN (VALUES (0, 20727, 20757)) AS kpi_periods(kpi_period, kpi_start, kpi_last) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_level, kpi_group_0, kpi_group_1, kpi_lead)
SELECT kpi_period, kpi_level, kpi_group_0, kpi_group_1, count(CASE WHEN NOT kpi_was_closed AND kpi_before IS NOT NULL AND kpi_start - 1 - kpi_before > 30 THEN 1 END) AS stalled, count(CASE WHEN NOT kpi_was_closed AND kpi_before IS NOT NULL AND kpi_start - 1 - kpi_before > 30 AND kpi_touched THEN 1 END) AS touched, count(CASE WHEN kpi_was_closed THEN 1 END) AS closed
FROM kpi_leads GROUP BY kpi_period, kpi_level, kpi_group_0, kpi_group_1;

-- kpi churn (customers)
WITH kpi_population AS (SELECT "team" AS kpi_g0, "priority" AS kpi_g1, CAST((CAST(DATE_PART(EPOCH_MILLISECOND, CAST(CAST("created_at" AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE) / 1000) / 86400 AS BIGINT) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR REGEXP_INSTR("customer_id", '^([\u0009-\u000d\u001c-   -  -    　]*)$') > 0) THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS VARCHAR) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM "kpi_rows_tickets" WHERE TRUE),
kpi_grouped AS (SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
  UNION ALL SELECT 3, CAST(NULL AS VARCHAR), CAST(NULL AS DOUBLE), kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_level, kpi_group_0, kpi_group_1, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_level, kpi_group_0, kpi_group_1;

WITH kpi_population AS (SELECT "team" AS kpi_g0, "priority" AS kpi_g1, CAST((CAST(DATE_PART(EPOCH_MILLISECOND, CAST(CAST("created_at" AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE) / 1000) / 86400 AS BIGINT) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR REGEXP_INSTR("customer_id", '^([\u0009-\u000d\u001c-   -  -    　]*)$') > 0) THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS VARCHAR) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM "kpi_rows_tickets" WHERE TRUE),
kpi_grouped AS (SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
  UNION ALL SELECT 3, CAST(NULL AS VARCHAR), CAST(NULL AS DOUBLE), kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_level, kpi_group_0, kpi_group_1, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_level, kpi_group_0, kpi_group_1, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_level, kpi_group_0, kpi_group_1, kpi_customer)
SELECT kpi_period, kpi_level, kpi_group_0, kpi_group_1,
  count(CASE WHEN kpi_start - 1 - kpi_before < 90 THEN 1 END) AS s,
  count(CASE WHEN kpi_last - kpi_end < 90 THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_last - kpi_end < 90) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_start - 1 - kpi_before < 90) AND NOT (kpi_last - kpi_end < 90) THEN 1 END) AS churned,
  0 AS dormant_start,
  0 AS reactivated_start,
  0 AS reactivations,
  0 AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_level, kpi_group_0, kpi_group_1;
