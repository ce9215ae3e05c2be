-- kpi sql --dialect spark
SET spark.sql.parser.escapedStringLiterals = false;

-- source stages
CREATE OR REPLACE TEMPORARY VIEW `kpi_scan_stages` (`column0` STRING, `column1` STRING, `column2` STRING, `column3` STRING, `column4` STRING, kpi_corrupt STRING) USING csv OPTIONS (path 'examples/lead-stages/giai-doan-khach.csv', header 'false', sep ',', quote '"', escape '"', multiLine 'true', mode 'PERMISSIVE', columnNameOfCorruptRecord 'kpi_corrupt', encoding 'UTF-8', ignoreLeadingWhiteSpace 'false', ignoreTrailingWhiteSpace 'false');
CREATE OR REPLACE TEMPORARY VIEW `kpi_rejects_stages` AS SELECT kpi_line, `column0`, `column1`, `column2`, `column3`, `column4`, kpi_corrupt FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_stages`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NOT NULL;
CREATE OR REPLACE TEMPORARY VIEW `kpi_typed_stages` AS SELECT kpi_record, kpi_empty, `lead_id`, `campaign`, `stage`, `at__text`, transform(array(`at__text`), s -> transform(array(named_struct('d', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 1), 'mo', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 2), 'y4', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 3), 'h', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 4), 'mi', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 5), 'y2', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 6), 's', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 7), 'f', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 8))), p -> CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL ELSE try_cast(concat(CASE WHEN p.y4 <> '' THEN p.y4 ELSE CAST(2000 + CAST(p.y2 AS INT) AS STRING) END, '-', lpad(CASE WHEN p.mo = '' THEN '1' ELSE p.mo END, 2, '0'), '-', lpad(CASE WHEN p.d = '' THEN '1' ELSE p.d END, 2, '0'), ' ', lpad(CASE WHEN p.h = '' THEN '0' ELSE p.h END, 2, '0'), ':', lpad(CASE WHEN p.mi = '' THEN '0' ELSE p.mi END, 2, '0'), ':', lpad(CASE WHEN p.s = '' THEN '0' ELSE p.s END, 2, '0'), '.', rpad(left(p.f, 3), 3, '0')) AS TIMESTAMP_NTZ) END)[0])[0] AS `at` FROM (SELECT kpi_record, kpi_empty, CASE WHEN `lead_id__raw` IS NULL OR `lead_id__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE CASE WHEN (`lead_id__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`lead_id__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `lead_id__raw` END END AS `lead_id`, CASE WHEN `campaign__raw` IS NULL OR `campaign__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE CASE WHEN (`campaign__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`campaign__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `campaign__raw` END END AS `campaign`, CASE WHEN `stage__raw` IS NULL OR `stage__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE CASE WHEN (`stage__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`stage__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `stage__raw` END END AS `stage`, CASE WHEN `at__raw` IS NULL OR `at__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `at__raw` END AS `at__text` FROM (SELECT kpi_line AS kpi_record, (`column0` IS NULL OR `column0` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column1` IS NULL OR `column1` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column2` IS NULL OR `column2` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column3` IS NULL OR `column3` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column4` IS NULL OR `column4` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AS kpi_empty, btrim(column0, ' 	') AS `lead_id__raw`, btrim(column1, ' 	') AS `campaign__raw`, btrim(column3, ' 	') AS `stage__raw`, btrim(column4, ' 	') AS `at__raw` FROM (SELECT * FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_stages`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NULL)) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMPORARY VIEW `kpi_rows_stages` AS SELECT * FROM `kpi_typed_stages` WHERE NOT kpi_empty AND `at` IS NOT NULL;

-- kpi lead_stages (funnel)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, * REPLACE (NULL::VARCHAR AS grp) FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT tot, grp, ld, k, t, lead(t) OVER w AS t_next, (max(k) OVER later) IS DISTINCT FROM k OR (min(k) OVER later) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
  WINDOW w AS (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec), later AS (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
), kpi_lead0 AS (
  SELECT tot, grp, ld, min(t) AS seen, min(t) FILTER (WHERE k >= 0) AS earliest,
    coalesce(max(t) FILTER (WHERE k = -1) >= coalesce(max(t) FILTER (WHERE k >= 0), '-infinity'::TIMESTAMP), FALSE) AS lost,
    min(t) FILTER (WHERE k = 0) AS f0,
    FALSE AS u0,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 0 AND closed) / 1000.0 AS ti0,
    min(t) FILTER (WHERE k = 1) AS f1,
    FALSE AS u1,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 1 AND closed) / 1000.0 AS ti1,
    min(t) FILTER (WHERE k = 2) AS f2,
    FALSE AS u2,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 2 AND closed) / 1000.0 AS ti2,
    min(t) FILTER (WHERE k = 3) AS f3,
    FALSE AS u3,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 3 AND closed) / 1000.0 AS ti3,
    min(t) FILTER (WHERE k = 4) AS f4,
    FALSE AS u4,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 4 AND closed) / 1000.0 AS ti4
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 WHEN f3 = earliest THEN 3 WHEN f4 = earliest THEN 4 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2, 3 >= st AND (f3 IS NOT NULL OR u3) AS kn3, CASE WHEN 3 >= st THEN f3 END AS a3, 4 >= st AND (f4 IS NOT NULL OR u4) AS kn4, CASE WHEN 4 >= st THEN f4 END AS a4 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) THEN least(a0, a1, a2, a3, a4) ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2 OR kn3 OR kn4)) AS kk1, CASE WHEN (1 >= st AND (kn2 OR kn3 OR kn4)) THEN least(a1, a2, a3, a4) ELSE a1 END AS at1, kn2 OR (2 >= st AND (kn3 OR kn4)) AS kk2, CASE WHEN (2 >= st AND (kn3 OR kn4)) THEN least(a2, a3, a4) ELSE a2 END AS at2, kn3 OR (3 >= st AND (kn4)) AS kk3, CASE WHEN (3 >= st AND (kn4)) THEN least(a3, a4) ELSE a3 END AS at3, kn4 OR (4 >= st AND FALSE) AS kk4, CASE WHEN (4 >= st AND FALSE) THEN a4 ELSE a4 END AS at4 FROM kpi_known1
), kpi_walk AS (
  SELECT *, least(at1, at2, at3, at4) AS nx0, least(at2, at3, at4) AS nx1, least(at3, at4) AS nx2, at4 AS nx3, NULL::TIMESTAMP AS nx4, TRUE AS go, FALSE AS sd, NULL::TIMESTAMP AS pv FROM kpi_filled
), kpi_walk0 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r0, FALSE) AS sd, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk0 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk)
), kpi_walk1 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r1, FALSE) AS sd, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk1 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0)
), kpi_walk2 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r2, FALSE) AS sd, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk2 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1)
), kpi_walk3 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk3 OR (kk3 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r3, FALSE) AS sd, CASE WHEN r3 AND at3 IS NOT NULL THEN at3 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk3 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r3 FROM kpi_walk2)
), kpi_walk4 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk4 OR (kk4 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r4, FALSE) AS sd, CASE WHEN r4 AND at4 IS NOT NULL THEN at4 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk4 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r4 FROM kpi_walk3)
), kpi_path AS (
  SELECT *, CASE WHEN r4 THEN 4 WHEN r3 THEN 3 WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2 OR r3 OR r4) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn0, r1 AND (r2 OR r3 OR r4) AS cv1, CASE WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn1, r2 AND (r3 OR r4) AS cv2, CASE WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn2, r3 AND (r4) AS cv3, CASE WHEN r4 THEN f4 END AS fn3, r4 AND FALSE AS cv4, CASE WHEN FALSE THEN NULL::TIMESTAMP END AS fn4 FROM kpi_walk4
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f4 IS NULL AND NOT u4 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 WHEN 3 THEN at3 WHEN 4 THEN at4 END AS at_furthest FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(*) FILTER (WHERE r0) AS e0,
  count(*) FILTER (WHERE r0 AND cv0) AS cv0,
  count(*) FILTER (WHERE r0 AND r0) AS ff0,
  count(*) FILTER (WHERE lost_at_furthest AND furthest = 0) AS ls0,
  count(CASE WHEN r0 AND cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CASE WHEN f0 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn0 AS DATE)) AS BIGINT) * 86400000 + hour(fn0) * 3600000 + minute(fn0) * 60000 + CAST(floor(date_part('SECOND', fn0) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f0 AS DATE)) AS BIGINT) * 86400000 + hour(f0) * 3600000 + minute(f0) * 60000 + CAST(floor(date_part('SECOND', f0) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END) AS tnn0,
  percentile(CAST(CASE WHEN r0 AND cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CASE WHEN f0 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn0 AS DATE)) AS BIGINT) * 86400000 + hour(fn0) * 3600000 + minute(fn0) * 60000 + CAST(floor(date_part('SECOND', fn0) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f0 AS DATE)) AS BIGINT) * 86400000 + hour(f0) * 3600000 + minute(f0) * 60000 + CAST(floor(date_part('SECOND', f0) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.5) AS tnm0,
  percentile(CAST(CASE WHEN r0 AND cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CASE WHEN f0 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn0 AS DATE)) AS BIGINT) * 86400000 + hour(fn0) * 3600000 + minute(fn0) * 60000 + CAST(floor(date_part('SECOND', fn0) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f0 AS DATE)) AS BIGINT) * 86400000 + hour(f0) * 3600000 + minute(f0) * 60000 + CAST(floor(date_part('SECOND', f0) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f0 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.9) AS tnp0,
  count(CASE WHEN r0 THEN ti0 / 86400.0 END) AS tin0,
  percentile(CAST(CASE WHEN r0 THEN ti0 / 86400.0 END AS DOUBLE), 0.5) AS tim0,
  count(*) FILTER (WHERE r1) AS e1,
  count(*) FILTER (WHERE r1 AND cv1) AS cv1,
  count(*) FILTER (WHERE r1 AND r0) AS ff1,
  count(*) FILTER (WHERE lost_at_furthest AND furthest = 1) AS ls1,
  count(CASE WHEN r1 AND cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CASE WHEN f1 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn1 AS DATE)) AS BIGINT) * 86400000 + hour(fn1) * 3600000 + minute(fn1) * 60000 + CAST(floor(date_part('SECOND', fn1) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f1 AS DATE)) AS BIGINT) * 86400000 + hour(f1) * 3600000 + minute(f1) * 60000 + CAST(floor(date_part('SECOND', f1) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END) AS tnn1,
  percentile(CAST(CASE WHEN r1 AND cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CASE WHEN f1 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn1 AS DATE)) AS BIGINT) * 86400000 + hour(fn1) * 3600000 + minute(fn1) * 60000 + CAST(floor(date_part('SECOND', fn1) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f1 AS DATE)) AS BIGINT) * 86400000 + hour(f1) * 3600000 + minute(f1) * 60000 + CAST(floor(date_part('SECOND', f1) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.5) AS tnm1,
  percentile(CAST(CASE WHEN r1 AND cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CASE WHEN f1 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn1 AS DATE)) AS BIGINT) * 86400000 + hour(fn1) * 3600000 + minute(fn1) * 60000 + CAST(floor(date_part('SECOND', fn1) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f1 AS DATE)) AS BIGINT) * 86400000 + hour(f1) * 3600000 + minute(f1) * 60000 + CAST(floor(date_part('SECOND', f1) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f1 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.9) AS tnp1,
  count(CASE WHEN r1 THEN ti1 / 86400.0 END) AS tin1,
  percentile(CAST(CASE WHEN r1 THEN ti1 / 86400.0 END AS DOUBLE), 0.5) AS tim1,
  count(*) FILTER (WHERE r2) AS e2,
  count(*) FILTER (WHERE r2 AND cv2) AS cv2,
  count(*) FILTER (WHERE r2 AND r0) AS ff2,
  count(*) FILTER (WHERE lost_at_furthest AND furthest = 2) AS ls2,
  count(CASE WHEN r2 AND cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CASE WHEN f2 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn2 AS DATE)) AS BIGINT) * 86400000 + hour(fn2) * 3600000 + minute(fn2) * 60000 + CAST(floor(date_part('SECOND', fn2) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f2 AS DATE)) AS BIGINT) * 86400000 + hour(f2) * 3600000 + minute(f2) * 60000 + CAST(floor(date_part('SECOND', f2) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END) AS tnn2,
  percentile(CAST(CASE WHEN r2 AND cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CASE WHEN f2 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn2 AS DATE)) AS BIGINT) * 86400000 + hour(fn2) * 3600000 + minute(fn2) * 60000 + CAST(floor(date_part('SECOND', fn2) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f2 AS DATE)) AS BIGINT) * 86400000 + hour(f2) * 3600000 + minute(f2) * 60000 + CAST(floor(date_part('SECOND', f2) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.5) AS tnm2,
  percentile(CAST(CASE WHEN r2 AND cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CASE WHEN f2 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn2 AS DATE)) AS BIGINT) * 86400000 + hour(fn2) * 3600000 + minute(fn2) * 60000 + CAST(floor(date_part('SECOND', fn2) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f2 AS DATE)) AS BIGINT) * 86400000 + hour(f2) * 3600000 + minute(f2) * 60000 + CAST(floor(date_part('SECOND', f2) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f2 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.9) AS tnp2,
  count(CASE WHEN r2 THEN ti2 / 86400.0 END) AS tin2,
  percentile(CAST(CASE WHEN r2 THEN ti2 / 86400.0 END AS DOUBLE), 0.5) AS tim2,
  count(*) FILTER (WHERE r3) AS e3,
  count(*) FILTER (WHERE r3 AND cv3) AS cv3,
  count(*) FILTER (WHERE r3 AND r0) AS ff3,
  count(*) FILTER (WHERE lost_at_furthest AND furthest = 3) AS ls3,
  count(CASE WHEN r3 AND cv3 AND f3 IS NOT NULL AND fn3 IS NOT NULL AND fn3 >= f3 THEN (CASE WHEN f3 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn3 AS DATE)) AS BIGINT) * 86400000 + hour(fn3) * 3600000 + minute(fn3) * 60000 + CAST(floor(date_part('SECOND', fn3) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f3 AS DATE)) AS BIGINT) * 86400000 + hour(f3) * 3600000 + minute(f3) * 60000 + CAST(floor(date_part('SECOND', f3) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END) AS tnn3,
  percentile(CAST(CASE WHEN r3 AND cv3 AND f3 IS NOT NULL AND fn3 IS NOT NULL AND fn3 >= f3 THEN (CASE WHEN f3 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn3 AS DATE)) AS BIGINT) * 86400000 + hour(fn3) * 3600000 + minute(fn3) * 60000 + CAST(floor(date_part('SECOND', fn3) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f3 AS DATE)) AS BIGINT) * 86400000 + hour(f3) * 3600000 + minute(f3) * 60000 + CAST(floor(date_part('SECOND', f3) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.5) AS tnm3,
  percentile(CAST(CASE WHEN r3 AND cv3 AND f3 IS NOT NULL AND fn3 IS NOT NULL AND fn3 >= f3 THEN (CASE WHEN f3 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn3 AS DATE)) AS BIGINT) * 86400000 + hour(fn3) * 3600000 + minute(fn3) * 60000 + CAST(floor(date_part('SECOND', fn3) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f3 AS DATE)) AS BIGINT) * 86400000 + hour(f3) * 3600000 + minute(f3) * 60000 + CAST(floor(date_part('SECOND', f3) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f3 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.9) AS tnp3,
  count(CASE WHEN r3 THEN ti3 / 86400.0 END) AS tin3,
  percentile(CAST(CASE WHEN r3 THEN ti3 / 86400.0 END AS DOUBLE), 0.5) AS tim3,
  count(*) FILTER (WHERE r4) AS e4,
  count(*) FILTER (WHERE r4 AND cv4) AS cv4,
  count(*) FILTER (WHERE r4 AND r0) AS ff4,
  count(*) FILTER (WHERE lost_at_furthest AND furthest = 4) AS ls4,
  count(CASE WHEN r4 AND cv4 AND f4 IS NOT NULL AND fn4 IS NOT NULL AND fn4 >= f4 THEN (CASE WHEN f4 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn4 AS DATE)) AS BIGINT) * 86400000 + hour(fn4) * 3600000 + minute(fn4) * 60000 + CAST(floor(date_part('SECOND', fn4) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f4 AS DATE)) AS BIGINT) * 86400000 + hour(f4) * 3600000 + minute(f4) * 60000 + CAST(floor(date_part('SECOND', f4) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END) AS tnn4,
  percentile(CAST(CASE WHEN r4 AND cv4 AND f4 IS NOT NULL AND fn4 IS NOT NULL AND fn4 >= f4 THEN (CASE WHEN f4 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn4 AS DATE)) AS BIGINT) * 86400000 + hour(fn4) * 3600000 + minute(fn4) * 60000 + CAST(floor(date_part('SECOND', fn4) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f4 AS DATE)) AS BIGINT) * 86400000 + hour(f4) * 3600000 + minute(f4) * 60000 + CAST(floor(date_part('SECOND', f4) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.5) AS tnm4,
  percentile(CAST(CASE WHEN r4 AND cv4 AND f4 IS NOT NULL AND fn4 IS NOT NULL AND fn4 >= f4 THEN (CASE WHEN f4 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN ((CAST(unix_date(CAST(fn4 AS DATE)) AS BIGINT) * 86400000 + hour(fn4) * 3600000 + minute(fn4) * 60000 + CAST(floor(date_part('SECOND', fn4) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f4 AS DATE)) AS BIGINT) * 86400000 + hour(f4) * 3600000 + minute(f4) * 60000 + CAST(floor(date_part('SECOND', f4) * 1000) AS BIGINT))) / 1000.0 ELSE ((CAST(unix_date(CAST((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT)) - (CAST(unix_date(CAST((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS DATE)) AS BIGINT) * 86400000 + hour((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 3600000 + minute((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 60000 + CAST(floor(date_part('SECOND', (f4 AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000) AS BIGINT))) / 1000.0 END) / 86400.0 END AS DOUBLE), 0.9) AS tnp4,
  count(CASE WHEN r4 THEN ti4 / 86400.0 END) AS tin4,
  percentile(CAST(CASE WHEN r4 THEN ti4 / 86400.0 END AS DOUBLE), 0.5) AS tim4,
  count(*) FILTER (WHERE midway AND (r0 OR r1 OR r2 OR r3 OR r4)) AS mw
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-07-01 00:00', TIMESTAMP_NTZ '2026-10-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, * REPLACE (NULL::VARCHAR AS grp) FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(*) FILTER (WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2) AS unmapped, count(*) FILTER (WHERE ld IS NULL) AS no_lead, count(*) FILTER (WHERE ld IS NOT NULL AND t IS NULL) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, * REPLACE (NULL::VARCHAR AS grp) FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) WHERE place <= 3 ORDER BY tot, grp, place;
;

-- kpi potential_to_trial (conversion)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, * REPLACE (NULL::VARCHAR AS grp) FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT tot, grp, ld, k, t, lead(t) OVER w AS t_next, (max(k) OVER later) IS DISTINCT FROM k OR (min(k) OVER later) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
  WINDOW w AS (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec), later AS (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
), kpi_lead0 AS (
  SELECT tot, grp, ld, min(t) AS seen, min(t) FILTER (WHERE k >= 0) AS earliest,
    coalesce(max(t) FILTER (WHERE k = -1) >= coalesce(max(t) FILTER (WHERE k >= 0), '-infinity'::TIMESTAMP), FALSE) AS lost,
    min(t) FILTER (WHERE k = 0) AS f0,
    FALSE AS u0,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 0 AND closed) / 1000.0 AS ti0,
    min(t) FILTER (WHERE k = 1) AS f1,
    FALSE AS u1,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 1 AND closed) / 1000.0 AS ti1,
    min(t) FILTER (WHERE k = 2) AS f2,
    FALSE AS u2,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 2 AND closed) / 1000.0 AS ti2,
    min(t) FILTER (WHERE k = 3) AS f3,
    FALSE AS u3,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 3 AND closed) / 1000.0 AS ti3,
    min(t) FILTER (WHERE k = 4) AS f4,
    FALSE AS u4,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 4 AND closed) / 1000.0 AS ti4
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 WHEN f3 = earliest THEN 3 WHEN f4 = earliest THEN 4 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2, 3 >= st AND (f3 IS NOT NULL OR u3) AS kn3, CASE WHEN 3 >= st THEN f3 END AS a3, 4 >= st AND (f4 IS NOT NULL OR u4) AS kn4, CASE WHEN 4 >= st THEN f4 END AS a4 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) THEN least(a0, a1, a2, a3, a4) ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2 OR kn3 OR kn4)) AS kk1, CASE WHEN (1 >= st AND (kn2 OR kn3 OR kn4)) THEN least(a1, a2, a3, a4) ELSE a1 END AS at1, kn2 OR (2 >= st AND (kn3 OR kn4)) AS kk2, CASE WHEN (2 >= st AND (kn3 OR kn4)) THEN least(a2, a3, a4) ELSE a2 END AS at2, kn3 OR (3 >= st AND (kn4)) AS kk3, CASE WHEN (3 >= st AND (kn4)) THEN least(a3, a4) ELSE a3 END AS at3, kn4 OR (4 >= st AND FALSE) AS kk4, CASE WHEN (4 >= st AND FALSE) THEN a4 ELSE a4 END AS at4 FROM kpi_known1
), kpi_walk AS (
  SELECT *, least(at1, at2, at3, at4) AS nx0, least(at2, at3, at4) AS nx1, least(at3, at4) AS nx2, at4 AS nx3, NULL::TIMESTAMP AS nx4, TRUE AS go, FALSE AS sd, NULL::TIMESTAMP AS pv FROM kpi_filled
), kpi_walk0 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r0, FALSE) AS sd, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk0 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk)
), kpi_walk1 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r1, FALSE) AS sd, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk1 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0)
), kpi_walk2 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r2, FALSE) AS sd, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk2 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1)
), kpi_walk3 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk3 OR (kk3 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r3, FALSE) AS sd, CASE WHEN r3 AND at3 IS NOT NULL THEN at3 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk3 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r3 FROM kpi_walk2)
), kpi_walk4 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk4 OR (kk4 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r4, FALSE) AS sd, CASE WHEN r4 AND at4 IS NOT NULL THEN at4 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk4 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r4 FROM kpi_walk3)
), kpi_path AS (
  SELECT *, CASE WHEN r4 THEN 4 WHEN r3 THEN 3 WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2 OR r3 OR r4) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn0, r1 AND (r2 OR r3 OR r4) AS cv1, CASE WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn1, r2 AND (r3 OR r4) AS cv2, CASE WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn2, r3 AND (r4) AS cv3, CASE WHEN r4 THEN f4 END AS fn3, r4 AND FALSE AS cv4, CASE WHEN FALSE THEN NULL::TIMESTAMP END AS fn4 FROM kpi_walk4
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f4 IS NULL AND NOT u4 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 WHEN 3 THEN at3 WHEN 4 THEN at4 END AS at_furthest FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(*) FILTER (WHERE r2) AS den,
  count(*) FILTER (WHERE r2 AND r3) AS num
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-07-01 00:00', TIMESTAMP_NTZ '2026-10-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, * REPLACE (NULL::VARCHAR AS grp) FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(*) FILTER (WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2) AS unmapped, count(*) FILTER (WHERE ld IS NULL) AS no_lead, count(*) FILTER (WHERE ld IS NOT NULL AND t IS NULL) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, * REPLACE (NULL::VARCHAR AS grp) FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) WHERE place <= 3 ORDER BY tot, grp, place;
;

-- kpi trial_to_bought (conversion)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, NULL::VARCHAR AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS tot, * FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT tot, grp, ld, k, t, lead(t) OVER w AS t_next, (max(k) OVER later) IS DISTINCT FROM k OR (min(k) OVER later) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
  WINDOW w AS (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec), later AS (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
), kpi_lead0 AS (
  SELECT tot, grp, ld, min(t) AS seen, min(t) FILTER (WHERE k >= 0) AS earliest,
    coalesce(max(t) FILTER (WHERE k = -1) >= coalesce(max(t) FILTER (WHERE k >= 0), '-infinity'::TIMESTAMP), FALSE) AS lost,
    min(t) FILTER (WHERE k = 0) AS f0,
    FALSE AS u0,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 0 AND closed) / 1000.0 AS ti0,
    min(t) FILTER (WHERE k = 1) AS f1,
    FALSE AS u1,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 1 AND closed) / 1000.0 AS ti1,
    min(t) FILTER (WHERE k = 2) AS f2,
    FALSE AS u2,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 2 AND closed) / 1000.0 AS ti2,
    min(t) FILTER (WHERE k = 3) AS f3,
    FALSE AS u3,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 3 AND closed) / 1000.0 AS ti3,
    min(t) FILTER (WHERE k = 4) AS f4,
    FALSE AS u4,
    sum((CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT))) FILTER (WHERE k = 4 AND closed) / 1000.0 AS ti4
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 WHEN f3 = earliest THEN 3 WHEN f4 = earliest THEN 4 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2, 3 >= st AND (f3 IS NOT NULL OR u3) AS kn3, CASE WHEN 3 >= st THEN f3 END AS a3, 4 >= st AND (f4 IS NOT NULL OR u4) AS kn4, CASE WHEN 4 >= st THEN f4 END AS a4 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) THEN least(a0, a1, a2, a3, a4) ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2 OR kn3 OR kn4)) AS kk1, CASE WHEN (1 >= st AND (kn2 OR kn3 OR kn4)) THEN least(a1, a2, a3, a4) ELSE a1 END AS at1, kn2 OR (2 >= st AND (kn3 OR kn4)) AS kk2, CASE WHEN (2 >= st AND (kn3 OR kn4)) THEN least(a2, a3, a4) ELSE a2 END AS at2, kn3 OR (3 >= st AND (kn4)) AS kk3, CASE WHEN (3 >= st AND (kn4)) THEN least(a3, a4) ELSE a3 END AS at3, kn4 OR (4 >= st AND FALSE) AS kk4, CASE WHEN (4 >= st AND FALSE) THEN a4 ELSE a4 END AS at4 FROM kpi_known1
), kpi_walk AS (
  SELECT *, least(at1, at2, at3, at4) AS nx0, least(at2, at3, at4) AS nx1, least(at3, at4) AS nx2, at4 AS nx3, NULL::TIMESTAMP AS nx4, TRUE AS go, FALSE AS sd, NULL::TIMESTAMP AS pv FROM kpi_filled
), kpi_walk0 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r0, FALSE) AS sd, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk0 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk)
), kpi_walk1 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r1, FALSE) AS sd, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk1 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0)
), kpi_walk2 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r2, FALSE) AS sd, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk2 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1)
), kpi_walk3 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk3 OR (kk3 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r3, FALSE) AS sd, CASE WHEN r3 AND at3 IS NOT NULL THEN at3 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk3 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r3 FROM kpi_walk2)
), kpi_walk4 AS (
  SELECT * REPLACE (go AND NOT coalesce((go AND sd AND (NOT kk4 OR (kk4 AND NOT FALSE AND NOT (CASE WHEN pv IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS go, sd OR coalesce(r4, FALSE) AS sd, CASE WHEN r4 AND at4 IS NOT NULL THEN at4 ELSE pv END AS pv) FROM (SELECT *, coalesce((go AND kk4 AND (NOT sd OR (NOT FALSE AND (CASE WHEN pv IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv THEN FALSE ELSE TRUE END)))), FALSE) AS r4 FROM kpi_walk3)
), kpi_path AS (
  SELECT *, CASE WHEN r4 THEN 4 WHEN r3 THEN 3 WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2 OR r3 OR r4) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn0, r1 AND (r2 OR r3 OR r4) AS cv1, CASE WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn1, r2 AND (r3 OR r4) AS cv2, CASE WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn2, r3 AND (r4) AS cv3, CASE WHEN r4 THEN f4 END AS fn3, r4 AND FALSE AS cv4, CASE WHEN FALSE THEN NULL::TIMESTAMP END AS fn4 FROM kpi_walk4
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f4 IS NULL AND NOT u4 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 WHEN 3 THEN at3 WHEN 4 THEN at4 END AS at_furthest FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(*) FILTER (WHERE r3) AS den,
  count(*) FILTER (WHERE r3 AND r4) AS num
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-07-01 00:00', TIMESTAMP_NTZ '2026-10-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, NULL::VARCHAR AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS tot, * FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(*) FILTER (WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2) AS unmapped, count(*) FILTER (WHERE ld IS NULL) AS no_lead, count(*) FILTER (WHERE ld IS NOT NULL AND t IS NULL) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP) AS t, NULL::VARCHAR AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS tot, * FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop)
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) WHERE place <= 3 ORDER BY tot, grp, place;
;
