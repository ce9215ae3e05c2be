-- kpi pipeline (funnel)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS kpi_g0, "department" AS kpi_g1 FROM "kpi_rows_history" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 3, CAST(NULL AS text), CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'won' THEN 2 WHEN 'lost' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT kpi_level, kpi_group_0, kpi_group_1, ld, k, t, lead(t) OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec) AS t_next,
    (max(k) OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k OR (min(k) OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
), kpi_lead0 AS (
  SELECT kpi_level, kpi_group_0, kpi_group_1, ld, min(t) AS seen, min(CASE WHEN k >= 0 THEN t END) AS earliest,
    coalesce(max(CASE WHEN k = -1 THEN t END) >= max(CASE WHEN k >= 0 THEN t END), max(CASE WHEN k = -1 THEN t END) IS NOT NULL) AS lost,
    min(CASE WHEN k = 0 THEN t END) AS f0,
    FALSE AS u0,
    CAST(sum(CASE WHEN k = 0 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti2
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY kpi_level, kpi_group_0, kpi_group_1, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) AND (a2 IS NULL OR a0 <= a2) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a0 IS NULL OR a2 <= a0) AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2)) AS kk1, CASE WHEN (1 >= st AND (kn2)) THEN CASE WHEN a1 IS NOT NULL AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a1 END AS at1, kn2 OR (2 >= st AND FALSE) AS kk2, CASE WHEN (2 >= st AND FALSE) THEN a2 ELSE a2 END AS at2 FROM kpi_known1
), kpi_walk AS MATERIALIZED (
  SELECT *, CASE WHEN at1 IS NOT NULL AND (at2 IS NULL OR at1 <= at2) THEN at1 WHEN at2 IS NOT NULL AND (at1 IS NULL OR at2 <= at1) THEN at2 END AS nx0, at2 AS nx1, CAST(NULL AS timestamp) AS nx2, TRUE AS go0, FALSE AS sd0, CAST(NULL AS timestamp) AS pv0 FROM kpi_filled
), kpi_walk0 AS MATERIALIZED (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS MATERIALIZED (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_walk2 AS MATERIALIZED (
  SELECT *, go2 AND NOT coalesce((go2 AND sd2 AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS go3, sd2 OR coalesce(r2, FALSE) AS sd3, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv2 END AS pv3 FROM (SELECT *, coalesce((go2 AND kk2 AND (NOT sd2 OR (NOT FALSE AND (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1) AS kpi_step2
), kpi_path AS (
  SELECT *, CASE WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 END AS fn0, r1 AND (r2) AS cv1, CASE WHEN r2 THEN f2 END AS fn1, r2 AND FALSE AS cv2, CASE WHEN FALSE THEN CAST(NULL AS timestamp) END AS fn2 FROM kpi_walk2
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f2 IS NULL AND NOT u2 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 END AS at_furthest, CASE WHEN cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CASE WHEN f0 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(CAST(floor(extract(epoch FROM fn0) * 1000) AS bigint) - CAST(floor(extract(epoch FROM f0) * 1000) AS bigint) AS double precision) / 1000.0 ELSE CAST(CAST(floor(extract(epoch FROM CASE WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) - CAST(floor(extract(epoch FROM CASE WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) AS double precision) / 1000.0 END) / 3600.0 END AS tn0, CASE WHEN cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CASE WHEN f1 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(CAST(floor(extract(epoch FROM fn1) * 1000) AS bigint) - CAST(floor(extract(epoch FROM f1) * 1000) AS bigint) AS double precision) / 1000.0 ELSE CAST(CAST(floor(extract(epoch FROM CASE WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) - CAST(floor(extract(epoch FROM CASE WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) AS double precision) / 1000.0 END) / 3600.0 END AS tn1, CASE WHEN cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CASE WHEN f2 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(CAST(floor(extract(epoch FROM fn2) * 1000) AS bigint) - CAST(floor(extract(epoch FROM f2) * 1000) AS bigint) AS double precision) / 1000.0 ELSE CAST(CAST(floor(extract(epoch FROM CASE WHEN (((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn2 THEN ((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn2 THEN ((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn2 THEN ((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) - CAST(floor(extract(epoch FROM CASE WHEN (((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f2 THEN ((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f2 THEN ((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f2 THEN ((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) AS double precision) / 1000.0 END) / 3600.0 END AS tn2 FROM kpi_path
)
SELECT kpi_period, kpi_level, kpi_group_0, kpi_group_1,
  count(CASE WHEN r0 THEN 1 END) AS e0,
  count(CASE WHEN r0 AND cv0 THEN 1 END) AS cv0,
  count(CASE WHEN r0 AND r0 THEN 1 END) AS ff0,
  count(CASE WHEN lost_at_furthest AND furthest = 0 THEN 1 END) AS ls0,
  count(CASE WHEN r0 THEN tn0 END) AS tnn0,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN tn0 END AS double precision)) AS tnm0,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN tn0 END AS double precision)) AS tnp0,
  count(CASE WHEN r0 THEN ti0 / 3600.0 END) AS tin0,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN ti0 / 3600.0 END AS double precision)) AS tim0,
  count(CASE WHEN r1 THEN 1 END) AS e1,
  count(CASE WHEN r1 AND cv1 THEN 1 END) AS cv1,
  count(CASE WHEN r1 AND r0 THEN 1 END) AS ff1,
  count(CASE WHEN lost_at_furthest AND furthest = 1 THEN 1 END) AS ls1,
  count(CASE WHEN r1 THEN tn1 END) AS tnn1,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN tn1 END AS double precision)) AS tnm1,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN tn1 END AS double precision)) AS tnp1,
  count(CASE WHEN r1 THEN ti1 / 3600.0 END) AS tin1,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN ti1 / 3600.0 END AS double precision)) AS tim1,
  count(CASE WHEN r2 THEN 1 END) AS e2,
  count(CASE WHEN r2 AND cv2 THEN 1 END) AS cv2,
  count(CASE WHEN r2 AND r0 THEN 1 END) AS ff2,
  count(CASE WHEN lost_at_furthest AND furthest = 2 THEN 1 END) AS ls2,
  count(CASE WHEN r2 THEN tn2 END) AS tnn2,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r2 THEN tn2 END AS double precision)) AS tnm2,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(CASE WHEN r2 THEN tn2 END AS double precision)) AS tnp2,
  count(CASE WHEN r2 THEN ti2 / 3600.0 END) AS tin2,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r2 THEN ti2 / 3600.0 END AS double precision)) AS tim2,
  count(CASE WHEN midway AND (r0 OR r1 OR r2) THEN 1 END) AS mw
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, kpi_level, kpi_group_0, kpi_group_1 ORDER BY kpi_period, kpi_level, kpi_group_0 NULLS LAST, kpi_group_1 NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS kpi_g0, "department" AS kpi_g1 FROM "kpi_rows_history" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 3, CAST(NULL AS text), CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'won' THEN 2 WHEN 'lost' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT kpi_level, kpi_group_0, kpi_group_1, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY kpi_level, kpi_group_0, kpi_group_1 ORDER BY kpi_level, kpi_group_0 NULLS LAST, kpi_group_1 NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS kpi_g0, "department" AS kpi_g1 FROM "kpi_rows_history" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 3, CAST(NULL AS text), CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'won' THEN 2 WHEN 'lost' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT kpi_level, kpi_group_0, kpi_group_1, raw, kpi_rows FROM (
  SELECT kpi_level, kpi_group_0, kpi_group_1, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1 ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY kpi_level, kpi_group_0, kpi_group_1, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY kpi_level, kpi_group_0 NULLS LAST, kpi_group_1 NULLS LAST, place;
;

-- kpi new_to_won (conversion)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS kpi_g0, "department" AS kpi_g1 FROM "kpi_rows_history" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 3, CAST(NULL AS text), CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'won' THEN 2 WHEN 'lost' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT kpi_level, kpi_group_0, kpi_group_1, ld, k, t, lead(t) OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec) AS t_next,
    (max(k) OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k OR (min(k) OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
), kpi_lead0 AS (
  SELECT kpi_level, kpi_group_0, kpi_group_1, ld, min(t) AS seen, min(CASE WHEN k >= 0 THEN t END) AS earliest,
    coalesce(max(CASE WHEN k = -1 THEN t END) >= max(CASE WHEN k >= 0 THEN t END), max(CASE WHEN k = -1 THEN t END) IS NOT NULL) AS lost,
    min(CASE WHEN k = 0 THEN t END) AS f0,
    FALSE AS u0,
    CAST(sum(CASE WHEN k = 0 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti2
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY kpi_level, kpi_group_0, kpi_group_1, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) AND (a2 IS NULL OR a0 <= a2) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a0 IS NULL OR a2 <= a0) AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2)) AS kk1, CASE WHEN (1 >= st AND (kn2)) THEN CASE WHEN a1 IS NOT NULL AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a1 END AS at1, kn2 OR (2 >= st AND FALSE) AS kk2, CASE WHEN (2 >= st AND FALSE) THEN a2 ELSE a2 END AS at2 FROM kpi_known1
), kpi_walk AS MATERIALIZED (
  SELECT *, CASE WHEN at1 IS NOT NULL AND (at2 IS NULL OR at1 <= at2) THEN at1 WHEN at2 IS NOT NULL AND (at1 IS NULL OR at2 <= at1) THEN at2 END AS nx0, at2 AS nx1, CAST(NULL AS timestamp) AS nx2, TRUE AS go0, FALSE AS sd0, CAST(NULL AS timestamp) AS pv0 FROM kpi_filled
), kpi_walk0 AS MATERIALIZED (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS MATERIALIZED (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_walk2 AS MATERIALIZED (
  SELECT *, go2 AND NOT coalesce((go2 AND sd2 AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS go3, sd2 OR coalesce(r2, FALSE) AS sd3, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv2 END AS pv3 FROM (SELECT *, coalesce((go2 AND kk2 AND (NOT sd2 OR (NOT FALSE AND (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1) AS kpi_step2
), kpi_path AS (
  SELECT *, CASE WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 END AS fn0, r1 AND (r2) AS cv1, CASE WHEN r2 THEN f2 END AS fn1, r2 AND FALSE AS cv2, CASE WHEN FALSE THEN CAST(NULL AS timestamp) END AS fn2 FROM kpi_walk2
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f2 IS NULL AND NOT u2 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 END AS at_furthest FROM kpi_path
)
SELECT kpi_period, kpi_level, kpi_group_0, kpi_group_1,
  count(CASE WHEN r0 THEN 1 END) AS den,
  count(CASE WHEN r0 AND r2 THEN 1 END) AS num
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, kpi_level, kpi_group_0, kpi_group_1 ORDER BY kpi_period, kpi_level, kpi_group_0 NULLS LAST, kpi_group_1 NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS kpi_g0, "department" AS kpi_g1 FROM "kpi_rows_history" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 3, CAST(NULL AS text), CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'won' THEN 2 WHEN 'lost' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT kpi_level, kpi_group_0, kpi_group_1, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY kpi_level, kpi_group_0, kpi_group_1 ORDER BY kpi_level, kpi_group_0 NULLS LAST, kpi_group_1 NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS kpi_g0, "department" AS kpi_g1 FROM "kpi_rows_history" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS kpi_level, kpi_g0 AS kpi_group_0, kpi_g1 AS kpi_group_1, rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 1, kpi_g0, CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
  UNION ALL SELECT 3, CAST(NULL AS text), CAST(NULL AS text), rec, ld, raw, t FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'won' THEN 2 WHEN 'lost' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT kpi_level, kpi_group_0, kpi_group_1, raw, kpi_rows FROM (
  SELECT kpi_level, kpi_group_0, kpi_group_1, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY kpi_level, kpi_group_0, kpi_group_1 ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY kpi_level, kpi_group_0, kpi_group_1, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY kpi_level, kpi_group_0 NULLS LAST, kpi_group_1 NULLS LAST, place;
;

-- kpi snapshot (funnel)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("created" AS timestamp) AS t, "priority" AS kpi_g, CAST("new_at" AS timestamp) AS e0, CAST("won_at" AS timestamp) AS e1 FROM "kpi_rows_snapshot" WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS kpi_total, CAST(NULL AS double precision) AS kpi_group, rec, ld, raw, t, e0, e1 FROM kpi_pop
  UNION ALL SELECT 0, kpi_g, rec, ld, raw, t, e0, e1 FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'won' THEN 1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_first AS (
  SELECT * FROM (SELECT *, CASE WHEN e1 IS NOT NULL THEN 1 WHEN e0 IS NOT NULL THEN 0 ELSE -1 END AS furthest0, row_number() OVER (PARTITION BY kpi_total, kpi_group, ld ORDER BY rec) AS kpi_place
  FROM kpi_typed WHERE ld IS NOT NULL AND k >= -1) AS kpi_first0 WHERE kpi_place = 1
), kpi_first1 AS (
  SELECT *, CASE WHEN k >= 0 THEN CASE WHEN furthest0 > k THEN furthest0 ELSE k END ELSE CASE WHEN furthest0 > 0 THEN furthest0 ELSE 0 END END AS furthest FROM kpi_first
), kpi_lead AS (
  SELECT kpi_total, kpi_group, ld, k = -1 AS lost, CAST(NULL AS integer) AS fs, coalesce(t, CASE WHEN e0 IS NOT NULL AND (e1 IS NULL OR e0 <= e1) THEN e0 WHEN e1 IS NOT NULL AND (e0 IS NULL OR e1 <= e0) THEN e1 END) AS cohort, e0 AS f0, e0 IS NULL AND (k = 0 OR (k = -1 AND CASE WHEN furthest0 > 0 THEN furthest0 ELSE 0 END = 0) OR 0 < furthest) AS u0, CAST(NULL AS double precision) AS ti0, e1 AS f1, e1 IS NULL AND (k = 1 OR (k = -1 AND CASE WHEN furthest0 > 0 THEN furthest0 ELSE 0 END = 1) OR 1 < furthest) AS u1, CAST(NULL AS double precision) AS ti1 FROM kpi_first1
),
kpi_known AS (
  SELECT *, FALSE AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1)) AS kk0, CASE WHEN (0 >= st AND (kn1)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) THEN a1 END ELSE a0 END AS at0, kn1 OR (1 >= st AND FALSE) AS kk1, CASE WHEN (1 >= st AND FALSE) THEN a1 ELSE a1 END AS at1 FROM kpi_known1
), kpi_walk AS MATERIALIZED (
  SELECT *, at1 AS nx0, CAST(NULL AS timestamp) AS nx1, TRUE AS go0, FALSE AS sd0, CAST(NULL AS timestamp) AS pv0 FROM kpi_filled
), kpi_walk0 AS MATERIALIZED (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS MATERIALIZED (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_path AS (
  SELECT *, CASE WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1) AS cv0, CASE WHEN r1 THEN f1 END AS fn0, r1 AND FALSE AS cv1, CASE WHEN FALSE THEN CAST(NULL AS timestamp) END AS fn1 FROM kpi_walk1
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f1 IS NULL AND NOT u1 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 END AS at_furthest, CASE WHEN cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CASE WHEN f0 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(CAST(floor(extract(epoch FROM fn0) * 1000) AS bigint) - CAST(floor(extract(epoch FROM f0) * 1000) AS bigint) AS double precision) / 1000.0 ELSE CAST(CAST(floor(extract(epoch FROM CASE WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) - CAST(floor(extract(epoch FROM CASE WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) AS double precision) / 1000.0 END) / 86400.0 END AS tn0, CASE WHEN cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CASE WHEN f1 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(CAST(floor(extract(epoch FROM fn1) * 1000) AS bigint) - CAST(floor(extract(epoch FROM f1) * 1000) AS bigint) AS double precision) / 1000.0 ELSE CAST(CAST(floor(extract(epoch FROM CASE WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) - CAST(floor(extract(epoch FROM CASE WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '390 seconds') WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '3600 seconds') WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '7200 seconds') ELSE (f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) * 1000) AS bigint) AS double precision) / 1000.0 END) / 86400.0 END AS tn1 FROM kpi_path
)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN r0 THEN 1 END) AS e0,
  count(CASE WHEN r0 AND cv0 THEN 1 END) AS cv0,
  count(CASE WHEN r0 AND r0 THEN 1 END) AS ff0,
  count(CASE WHEN lost_at_furthest AND furthest = 0 THEN 1 END) AS ls0,
  count(CASE WHEN r0 THEN tn0 END) AS tnn0,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN tn0 END AS double precision)) AS tnm0,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN tn0 END AS double precision)) AS tnp0,
  count(CASE WHEN r0 THEN ti0 / 86400.0 END) AS tin0,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN ti0 / 86400.0 END AS double precision)) AS tim0,
  count(CASE WHEN r1 THEN 1 END) AS e1,
  count(CASE WHEN r1 AND cv1 THEN 1 END) AS cv1,
  count(CASE WHEN r1 AND r0 THEN 1 END) AS ff1,
  count(CASE WHEN lost_at_furthest AND furthest = 1 THEN 1 END) AS ls1,
  count(CASE WHEN r1 THEN tn1 END) AS tnn1,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN tn1 END AS double precision)) AS tnm1,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN tn1 END AS double precision)) AS tnp1,
  count(CASE WHEN r1 THEN ti1 / 86400.0 END) AS tin1,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN ti1 / 86400.0 END AS double precision)) AS tim1,
  count(CASE WHEN midway AND (r0 OR r1) THEN 1 END) AS mw
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, kpi_total, kpi_group ORDER BY kpi_period, kpi_total, kpi_group NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("created" AS timestamp) AS t, "priority" AS kpi_g, CAST("new_at" AS timestamp) AS e0, CAST("won_at" AS timestamp) AS e1 FROM "kpi_rows_snapshot" WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS kpi_total, CAST(NULL AS double precision) AS kpi_group, rec, ld, raw, t, e0, e1 FROM kpi_pop
  UNION ALL SELECT 0, kpi_g, rec, ld, raw, t, e0, e1 FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'won' THEN 1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT kpi_total, kpi_group, count(CASE WHEN ld IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN kept AND t IS NULL THEN 1 END) AS no_time
FROM (SELECT *, ld IS NOT NULL AND k >= -1 AND row_number() OVER (PARTITION BY kpi_total, kpi_group, ld, k >= -1 ORDER BY rec) = 1 AS kept FROM kpi_typed) AS kpi_kept
GROUP BY kpi_total, kpi_group ORDER BY kpi_total, kpi_group NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("created" AS timestamp) AS t, "priority" AS kpi_g, CAST("new_at" AS timestamp) AS e0, CAST("won_at" AS timestamp) AS e1 FROM "kpi_rows_snapshot" WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS kpi_total, CAST(NULL AS double precision) AS kpi_group, rec, ld, raw, t, e0, e1 FROM kpi_pop
  UNION ALL SELECT 0, kpi_g, rec, ld, raw, t, e0, e1 FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'won' THEN 1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT kpi_total, kpi_group, raw, kpi_rows FROM (
  SELECT kpi_total, kpi_group, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY kpi_total, kpi_group ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND k = -2
  GROUP BY kpi_total, kpi_group, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY kpi_total, kpi_group NULLS LAST, place;
;
