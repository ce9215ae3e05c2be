-- kpi sql --dialect spark
SET spark.sql.parser.escapedStringLiterals = false;

-- source stages
CREATE OR REPLACE TEMPORARY VIEW `kpi_scan_stages` (`column0` STRING, `column1` STRING, `column2` STRING, `column3` STRING, `column4` STRING, kpi_corrupt STRING) USING csv OPTIONS (path 'examples/lead-stages/giai-doan-khach.csv', header 'false', sep ',', quote '"', escape '"', multiLine 'true', mode 'PERMISSIVE', columnNameOfCorruptRecord 'kpi_corrupt', encoding 'UTF-8', ignoreLeadingWhiteSpace 'false', ignoreTrailingWhiteSpace 'false');
CREATE OR REPLACE TEMPORARY VIEW `kpi_rejects_stages` AS SELECT kpi_line, `column0`, `column1`, `column2`, `column3`, `column4`, kpi_corrupt, `column0` AS kpi_first_field, kpi_line + 1 AS kpi_file_record, CASE WHEN instr(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '"') = 0 THEN size(split(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '\\Q,\\E', -1)) END AS kpi_found FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_stages`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NOT NULL;
CREATE OR REPLACE TEMPORARY VIEW `kpi_typed_stages` AS /* a table elsewhere: CACHE TABLE it */ SELECT kpi_record, kpi_empty, `lead_id__cleaned`, `lead_id`, `campaign__cleaned`, `campaign`, `stage__cleaned`, `stage`, `at__text`, transform(array(`at__text`), s -> transform(array(named_struct('d', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 1), 'mo', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 2), 'y4', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 3), 'h', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 4), 'mi', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 5), 'y2', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 6), 's', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 7), 'f', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 8))), p -> CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL ELSE try_cast(concat(CASE WHEN p.y4 <> '' THEN p.y4 ELSE CAST(2000 + CAST(p.y2 AS INT) AS STRING) END, '-', lpad(CASE WHEN p.mo = '' THEN '1' ELSE p.mo END, 2, '0'), '-', lpad(CASE WHEN p.d = '' THEN '1' ELSE p.d END, 2, '0'), ' ', lpad(CASE WHEN p.h = '' THEN '0' ELSE p.h END, 2, '0'), ':', lpad(CASE WHEN p.mi = '' THEN '0' ELSE p.mi END, 2, '0'), ':', lpad(CASE WHEN p.s = '' THEN '0' ELSE p.s END, 2, '0'), '.', rpad(left(p.f, 3), 3, '0')) AS TIMESTAMP_NTZ) END)[0])[0] AS `at` FROM (SELECT kpi_record, kpi_empty, CASE WHEN `lead_id__raw` IS NULL OR `lead_id__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`lead_id__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`lead_id__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `lead_id__raw` END, '') END AS `lead_id`, `lead_id__cleaned`, CASE WHEN `campaign__raw` IS NULL OR `campaign__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`campaign__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`campaign__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `campaign__raw` END, '') END AS `campaign`, `campaign__cleaned`, CASE WHEN `stage__raw` IS NULL OR `stage__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`stage__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`stage__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `stage__raw` END, '') END AS `stage`, `stage__cleaned`, CASE WHEN `at__raw` IS NULL OR `at__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `at__raw` END AS `at__text` FROM (SELECT kpi_line AS kpi_record, (`column0` IS NULL OR `column0` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column1` IS NULL OR `column1` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column2` IS NULL OR `column2` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column3` IS NULL OR `column3` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column4` IS NULL OR `column4` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AS kpi_empty, btrim(column0, ' 	') AS `lead_id__raw`, CASE WHEN (column0 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column0 END AS `lead_id__cleaned`, btrim(column1, ' 	') AS `campaign__raw`, CASE WHEN (column1 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column1 END AS `campaign__cleaned`, btrim(column3, ' 	') AS `stage__raw`, CASE WHEN (column3 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column3 END AS `stage__cleaned`, btrim(column4, ' 	') AS `at__raw` FROM (SELECT * FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_stages`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NULL)) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMPORARY VIEW `kpi_rows_stages` AS SELECT * FROM `kpi_typed_stages` WHERE NOT kpi_empty AND `at` IS NOT NULL;

-- kpi lead_stages (funnel)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS STRING) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT tot, grp, ld, k, t, lead(t) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec) AS t_next,
    (max(k) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k OR (min(k) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
), kpi_lead0 AS (
  SELECT tot, grp, ld, min(t) AS seen, min(CASE WHEN k >= 0 THEN t END) AS earliest,
    coalesce(max(CASE WHEN k = -1 THEN t END) >= max(CASE WHEN k >= 0 THEN t END), max(CASE WHEN k = -1 THEN t END) IS NOT NULL) AS lost,
    min(CASE WHEN k = 0 THEN t END) AS f0,
    FALSE AS u0,
    CAST(sum(CASE WHEN k = 0 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti2,
    min(CASE WHEN k = 3 THEN t END) AS f3,
    FALSE AS u3,
    CAST(sum(CASE WHEN k = 3 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti3,
    min(CASE WHEN k = 4 THEN t END) AS f4,
    FALSE AS u4,
    CAST(sum(CASE WHEN k = 4 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti4
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 WHEN f3 = earliest THEN 3 WHEN f4 = earliest THEN 4 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2, 3 >= st AND (f3 IS NOT NULL OR u3) AS kn3, CASE WHEN 3 >= st THEN f3 END AS a3, 4 >= st AND (f4 IS NOT NULL OR u4) AS kn4, CASE WHEN 4 >= st THEN f4 END AS a4 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) AND (a2 IS NULL OR a0 <= a2) AND (a3 IS NULL OR a0 <= a3) AND (a4 IS NULL OR a0 <= a4) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) AND (a2 IS NULL OR a1 <= a2) AND (a3 IS NULL OR a1 <= a3) AND (a4 IS NULL OR a1 <= a4) THEN a1 WHEN a2 IS NOT NULL AND (a0 IS NULL OR a2 <= a0) AND (a1 IS NULL OR a2 <= a1) AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a0 IS NULL OR a3 <= a0) AND (a1 IS NULL OR a3 <= a1) AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a0 IS NULL OR a4 <= a0) AND (a1 IS NULL OR a4 <= a1) AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2 OR kn3 OR kn4)) AS kk1, CASE WHEN (1 >= st AND (kn2 OR kn3 OR kn4)) THEN CASE WHEN a1 IS NOT NULL AND (a2 IS NULL OR a1 <= a2) AND (a3 IS NULL OR a1 <= a3) AND (a4 IS NULL OR a1 <= a4) THEN a1 WHEN a2 IS NOT NULL AND (a1 IS NULL OR a2 <= a1) AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a1 IS NULL OR a3 <= a1) AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a1 IS NULL OR a4 <= a1) AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a1 END AS at1, kn2 OR (2 >= st AND (kn3 OR kn4)) AS kk2, CASE WHEN (2 >= st AND (kn3 OR kn4)) THEN CASE WHEN a2 IS NOT NULL AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a2 END AS at2, kn3 OR (3 >= st AND (kn4)) AS kk3, CASE WHEN (3 >= st AND (kn4)) THEN CASE WHEN a3 IS NOT NULL AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a3 END AS at3, kn4 OR (4 >= st AND FALSE) AS kk4, CASE WHEN (4 >= st AND FALSE) THEN a4 ELSE a4 END AS at4 FROM kpi_known1
), kpi_walk AS (
  SELECT *, CASE WHEN at1 IS NOT NULL AND (at2 IS NULL OR at1 <= at2) AND (at3 IS NULL OR at1 <= at3) AND (at4 IS NULL OR at1 <= at4) THEN at1 WHEN at2 IS NOT NULL AND (at1 IS NULL OR at2 <= at1) AND (at3 IS NULL OR at2 <= at3) AND (at4 IS NULL OR at2 <= at4) THEN at2 WHEN at3 IS NOT NULL AND (at1 IS NULL OR at3 <= at1) AND (at2 IS NULL OR at3 <= at2) AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at1 IS NULL OR at4 <= at1) AND (at2 IS NULL OR at4 <= at2) AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx0, CASE WHEN at2 IS NOT NULL AND (at3 IS NULL OR at2 <= at3) AND (at4 IS NULL OR at2 <= at4) THEN at2 WHEN at3 IS NOT NULL AND (at2 IS NULL OR at3 <= at2) AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at2 IS NULL OR at4 <= at2) AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx1, CASE WHEN at3 IS NOT NULL AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx2, at4 AS nx3, CAST(NULL AS TIMESTAMP_NTZ) AS nx4, TRUE AS go0, FALSE AS sd0, CAST(NULL AS TIMESTAMP_NTZ) AS pv0 FROM kpi_filled
), kpi_walk0 AS (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_walk2 AS (
  SELECT *, go2 AND NOT coalesce((go2 AND sd2 AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS go3, sd2 OR coalesce(r2, FALSE) AS sd3, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv2 END AS pv3 FROM (SELECT *, coalesce((go2 AND kk2 AND (NOT sd2 OR (NOT FALSE AND (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1) AS kpi_step2
), kpi_walk3 AS (
  SELECT *, go3 AND NOT coalesce((go3 AND sd3 AND (NOT kk3 OR (kk3 AND NOT FALSE AND NOT (CASE WHEN pv3 IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv3 THEN FALSE ELSE TRUE END)))), FALSE) AS go4, sd3 OR coalesce(r3, FALSE) AS sd4, CASE WHEN r3 AND at3 IS NOT NULL THEN at3 ELSE pv3 END AS pv4 FROM (SELECT *, coalesce((go3 AND kk3 AND (NOT sd3 OR (NOT FALSE AND (CASE WHEN pv3 IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv3 THEN FALSE ELSE TRUE END)))), FALSE) AS r3 FROM kpi_walk2) AS kpi_step3
), kpi_walk4 AS (
  SELECT *, go4 AND NOT coalesce((go4 AND sd4 AND (NOT kk4 OR (kk4 AND NOT FALSE AND NOT (CASE WHEN pv4 IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv4 THEN FALSE ELSE TRUE END)))), FALSE) AS go5, sd4 OR coalesce(r4, FALSE) AS sd5, CASE WHEN r4 AND at4 IS NOT NULL THEN at4 ELSE pv4 END AS pv5 FROM (SELECT *, coalesce((go4 AND kk4 AND (NOT sd4 OR (NOT FALSE AND (CASE WHEN pv4 IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv4 THEN FALSE ELSE TRUE END)))), FALSE) AS r4 FROM kpi_walk3) AS kpi_step4
), kpi_path AS (
  SELECT *, CASE WHEN r4 THEN 4 WHEN r3 THEN 3 WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2 OR r3 OR r4) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn0, r1 AND (r2 OR r3 OR r4) AS cv1, CASE WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn1, r2 AND (r3 OR r4) AS cv2, CASE WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn2, r3 AND (r4) AS cv3, CASE WHEN r4 THEN f4 END AS fn3, r4 AND FALSE AS cv4, CASE WHEN FALSE THEN CAST(NULL AS TIMESTAMP_NTZ) END AS fn4 FROM kpi_walk4
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f4 IS NULL AND NOT u4 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 WHEN 3 THEN at3 WHEN 4 THEN at4 END AS at_furthest, CASE WHEN cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CASE WHEN f0 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN CAST((CAST(unix_date(CAST(fn0 AS DATE)) AS BIGINT) * 86400000 + hour(fn0) * 3600000 + minute(fn0) * 60000 + CAST(floor(date_part('SECOND', fn0) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f0 AS DATE)) AS BIGINT) * 86400000 + hour(f0) * 3600000 + minute(f0) * 60000 + CAST(floor(date_part('SECOND', f0) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 ELSE CAST((CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn0) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn0)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn0)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn0)) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f0) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f0)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f0)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f0)) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn0, CASE WHEN cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CASE WHEN f1 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN CAST((CAST(unix_date(CAST(fn1 AS DATE)) AS BIGINT) * 86400000 + hour(fn1) * 3600000 + minute(fn1) * 60000 + CAST(floor(date_part('SECOND', fn1) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f1 AS DATE)) AS BIGINT) * 86400000 + hour(f1) * 3600000 + minute(f1) * 60000 + CAST(floor(date_part('SECOND', f1) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 ELSE CAST((CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn1) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn1)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn1)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn1)) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f1) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f1)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f1)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f1)) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn1, CASE WHEN cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CASE WHEN f2 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN CAST((CAST(unix_date(CAST(fn2 AS DATE)) AS BIGINT) * 86400000 + hour(fn2) * 3600000 + minute(fn2) * 60000 + CAST(floor(date_part('SECOND', fn2) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f2 AS DATE)) AS BIGINT) * 86400000 + hour(f2) * 3600000 + minute(f2) * 60000 + CAST(floor(date_part('SECOND', f2) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 ELSE CAST((CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn2) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn2)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn2)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn2)) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f2) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f2)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f2)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f2)) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn2, CASE WHEN cv3 AND f3 IS NOT NULL AND fn3 IS NOT NULL AND fn3 >= f3 THEN (CASE WHEN f3 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN CAST((CAST(unix_date(CAST(fn3 AS DATE)) AS BIGINT) * 86400000 + hour(fn3) * 3600000 + minute(fn3) * 60000 + CAST(floor(date_part('SECOND', fn3) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f3 AS DATE)) AS BIGINT) * 86400000 + hour(f3) * 3600000 + minute(f3) * 60000 + CAST(floor(date_part('SECOND', f3) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 ELSE CAST((CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn3) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn3)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn3)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn3)) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f3) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f3)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f3)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f3)) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn3, CASE WHEN cv4 AND f4 IS NOT NULL AND fn4 IS NOT NULL AND fn4 >= f4 THEN (CASE WHEN f4 >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN CAST((CAST(unix_date(CAST(fn4 AS DATE)) AS BIGINT) * 86400000 + hour(fn4) * 3600000 + minute(fn4) * 60000 + CAST(floor(date_part('SECOND', fn4) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(f4 AS DATE)) AS BIGINT) * 86400000 + hour(f4) * 3600000 + minute(f4) * 60000 + CAST(floor(date_part('SECOND', f4) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 ELSE CAST((CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn4) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn4)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn4)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', fn4)) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f4) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f4)) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f4)) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', f4)) * 1000) AS BIGINT)) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn4 FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(CASE WHEN r0 THEN 1 END) AS e0,
  count(CASE WHEN r0 AND cv0 THEN 1 END) AS cv0,
  count(CASE WHEN r0 AND r0 THEN 1 END) AS ff0,
  count(CASE WHEN lost_at_furthest AND furthest = 0 THEN 1 END) AS ls0,
  count(CASE WHEN r0 THEN tn0 END) AS tnn0,
  percentile(CAST(CASE WHEN r0 THEN tn0 END AS DOUBLE), 0.5) AS tnm0,
  percentile(CAST(CASE WHEN r0 THEN tn0 END AS DOUBLE), 0.9) AS tnp0,
  count(CASE WHEN r0 THEN ti0 / 86400.0 END) AS tin0,
  percentile(CAST(CASE WHEN r0 THEN ti0 / 86400.0 END AS DOUBLE), 0.5) AS tim0,
  count(CASE WHEN r1 THEN 1 END) AS e1,
  count(CASE WHEN r1 AND cv1 THEN 1 END) AS cv1,
  count(CASE WHEN r1 AND r0 THEN 1 END) AS ff1,
  count(CASE WHEN lost_at_furthest AND furthest = 1 THEN 1 END) AS ls1,
  count(CASE WHEN r1 THEN tn1 END) AS tnn1,
  percentile(CAST(CASE WHEN r1 THEN tn1 END AS DOUBLE), 0.5) AS tnm1,
  percentile(CAST(CASE WHEN r1 THEN tn1 END AS DOUBLE), 0.9) AS tnp1,
  count(CASE WHEN r1 THEN ti1 / 86400.0 END) AS tin1,
  percentile(CAST(CASE WHEN r1 THEN ti1 / 86400.0 END AS DOUBLE), 0.5) AS tim1,
  count(CASE WHEN r2 THEN 1 END) AS e2,
  count(CASE WHEN r2 AND cv2 THEN 1 END) AS cv2,
  count(CASE WHEN r2 AND r0 THEN 1 END) AS ff2,
  count(CASE WHEN lost_at_furthest AND furthest = 2 THEN 1 END) AS ls2,
  count(CASE WHEN r2 THEN tn2 END) AS tnn2,
  percentile(CAST(CASE WHEN r2 THEN tn2 END AS DOUBLE), 0.5) AS tnm2,
  percentile(CAST(CASE WHEN r2 THEN tn2 END AS DOUBLE), 0.9) AS tnp2,
  count(CASE WHEN r2 THEN ti2 / 86400.0 END) AS tin2,
  percentile(CAST(CASE WHEN r2 THEN ti2 / 86400.0 END AS DOUBLE), 0.5) AS tim2,
  count(CASE WHEN r3 THEN 1 END) AS e3,
  count(CASE WHEN r3 AND cv3 THEN 1 END) AS cv3,
  count(CASE WHEN r3 AND r0 THEN 1 END) AS ff3,
  count(CASE WHEN lost_at_furthest AND furthest = 3 THEN 1 END) AS ls3,
  count(CASE WHEN r3 THEN tn3 END) AS tnn3,
  percentile(CAST(CASE WHEN r3 THEN tn3 END AS DOUBLE), 0.5) AS tnm3,
  percentile(CAST(CASE WHEN r3 THEN tn3 END AS DOUBLE), 0.9) AS tnp3,
  count(CASE WHEN r3 THEN ti3 / 86400.0 END) AS tin3,
  percentile(CAST(CASE WHEN r3 THEN ti3 / 86400.0 END AS DOUBLE), 0.5) AS tim3,
  count(CASE WHEN r4 THEN 1 END) AS e4,
  count(CASE WHEN r4 AND cv4 THEN 1 END) AS cv4,
  count(CASE WHEN r4 AND r0 THEN 1 END) AS ff4,
  count(CASE WHEN lost_at_furthest AND furthest = 4 THEN 1 END) AS ls4,
  count(CASE WHEN r4 THEN tn4 END) AS tnn4,
  percentile(CAST(CASE WHEN r4 THEN tn4 END AS DOUBLE), 0.5) AS tnm4,
  percentile(CAST(CASE WHEN r4 THEN tn4 END AS DOUBLE), 0.9) AS tnp4,
  count(CASE WHEN r4 THEN ti4 / 86400.0 END) AS tin4,
  percentile(CAST(CASE WHEN r4 THEN ti4 / 86400.0 END AS DOUBLE), 0.5) AS tim4,
  count(CASE WHEN midway AND (r0 OR r1 OR r2 OR r3 OR r4) THEN 1 END) AS mw
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-07-01 00:00', TIMESTAMP_NTZ '2026-10-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS STRING) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS STRING) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, kpi_rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY tot, grp NULLS LAST, place;
;

-- kpi potential_to_trial (conversion)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS STRING) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT tot, grp, ld, k, t, lead(t) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec) AS t_next,
    (max(k) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k OR (min(k) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
), kpi_lead0 AS (
  SELECT tot, grp, ld, min(t) AS seen, min(CASE WHEN k >= 0 THEN t END) AS earliest,
    coalesce(max(CASE WHEN k = -1 THEN t END) >= max(CASE WHEN k >= 0 THEN t END), max(CASE WHEN k = -1 THEN t END) IS NOT NULL) AS lost,
    min(CASE WHEN k = 0 THEN t END) AS f0,
    FALSE AS u0,
    CAST(sum(CASE WHEN k = 0 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti2,
    min(CASE WHEN k = 3 THEN t END) AS f3,
    FALSE AS u3,
    CAST(sum(CASE WHEN k = 3 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti3,
    min(CASE WHEN k = 4 THEN t END) AS f4,
    FALSE AS u4,
    CAST(sum(CASE WHEN k = 4 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti4
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 WHEN f3 = earliest THEN 3 WHEN f4 = earliest THEN 4 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2, 3 >= st AND (f3 IS NOT NULL OR u3) AS kn3, CASE WHEN 3 >= st THEN f3 END AS a3, 4 >= st AND (f4 IS NOT NULL OR u4) AS kn4, CASE WHEN 4 >= st THEN f4 END AS a4 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) AND (a2 IS NULL OR a0 <= a2) AND (a3 IS NULL OR a0 <= a3) AND (a4 IS NULL OR a0 <= a4) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) AND (a2 IS NULL OR a1 <= a2) AND (a3 IS NULL OR a1 <= a3) AND (a4 IS NULL OR a1 <= a4) THEN a1 WHEN a2 IS NOT NULL AND (a0 IS NULL OR a2 <= a0) AND (a1 IS NULL OR a2 <= a1) AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a0 IS NULL OR a3 <= a0) AND (a1 IS NULL OR a3 <= a1) AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a0 IS NULL OR a4 <= a0) AND (a1 IS NULL OR a4 <= a1) AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2 OR kn3 OR kn4)) AS kk1, CASE WHEN (1 >= st AND (kn2 OR kn3 OR kn4)) THEN CASE WHEN a1 IS NOT NULL AND (a2 IS NULL OR a1 <= a2) AND (a3 IS NULL OR a1 <= a3) AND (a4 IS NULL OR a1 <= a4) THEN a1 WHEN a2 IS NOT NULL AND (a1 IS NULL OR a2 <= a1) AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a1 IS NULL OR a3 <= a1) AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a1 IS NULL OR a4 <= a1) AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a1 END AS at1, kn2 OR (2 >= st AND (kn3 OR kn4)) AS kk2, CASE WHEN (2 >= st AND (kn3 OR kn4)) THEN CASE WHEN a2 IS NOT NULL AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a2 END AS at2, kn3 OR (3 >= st AND (kn4)) AS kk3, CASE WHEN (3 >= st AND (kn4)) THEN CASE WHEN a3 IS NOT NULL AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a3 END AS at3, kn4 OR (4 >= st AND FALSE) AS kk4, CASE WHEN (4 >= st AND FALSE) THEN a4 ELSE a4 END AS at4 FROM kpi_known1
), kpi_walk AS (
  SELECT *, CASE WHEN at1 IS NOT NULL AND (at2 IS NULL OR at1 <= at2) AND (at3 IS NULL OR at1 <= at3) AND (at4 IS NULL OR at1 <= at4) THEN at1 WHEN at2 IS NOT NULL AND (at1 IS NULL OR at2 <= at1) AND (at3 IS NULL OR at2 <= at3) AND (at4 IS NULL OR at2 <= at4) THEN at2 WHEN at3 IS NOT NULL AND (at1 IS NULL OR at3 <= at1) AND (at2 IS NULL OR at3 <= at2) AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at1 IS NULL OR at4 <= at1) AND (at2 IS NULL OR at4 <= at2) AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx0, CASE WHEN at2 IS NOT NULL AND (at3 IS NULL OR at2 <= at3) AND (at4 IS NULL OR at2 <= at4) THEN at2 WHEN at3 IS NOT NULL AND (at2 IS NULL OR at3 <= at2) AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at2 IS NULL OR at4 <= at2) AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx1, CASE WHEN at3 IS NOT NULL AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx2, at4 AS nx3, CAST(NULL AS TIMESTAMP_NTZ) AS nx4, TRUE AS go0, FALSE AS sd0, CAST(NULL AS TIMESTAMP_NTZ) AS pv0 FROM kpi_filled
), kpi_walk0 AS (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_walk2 AS (
  SELECT *, go2 AND NOT coalesce((go2 AND sd2 AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS go3, sd2 OR coalesce(r2, FALSE) AS sd3, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv2 END AS pv3 FROM (SELECT *, coalesce((go2 AND kk2 AND (NOT sd2 OR (NOT FALSE AND (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1) AS kpi_step2
), kpi_walk3 AS (
  SELECT *, go3 AND NOT coalesce((go3 AND sd3 AND (NOT kk3 OR (kk3 AND NOT FALSE AND NOT (CASE WHEN pv3 IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv3 THEN FALSE ELSE TRUE END)))), FALSE) AS go4, sd3 OR coalesce(r3, FALSE) AS sd4, CASE WHEN r3 AND at3 IS NOT NULL THEN at3 ELSE pv3 END AS pv4 FROM (SELECT *, coalesce((go3 AND kk3 AND (NOT sd3 OR (NOT FALSE AND (CASE WHEN pv3 IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv3 THEN FALSE ELSE TRUE END)))), FALSE) AS r3 FROM kpi_walk2) AS kpi_step3
), kpi_walk4 AS (
  SELECT *, go4 AND NOT coalesce((go4 AND sd4 AND (NOT kk4 OR (kk4 AND NOT FALSE AND NOT (CASE WHEN pv4 IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv4 THEN FALSE ELSE TRUE END)))), FALSE) AS go5, sd4 OR coalesce(r4, FALSE) AS sd5, CASE WHEN r4 AND at4 IS NOT NULL THEN at4 ELSE pv4 END AS pv5 FROM (SELECT *, coalesce((go4 AND kk4 AND (NOT sd4 OR (NOT FALSE AND (CASE WHEN pv4 IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv4 THEN FALSE ELSE TRUE END)))), FALSE) AS r4 FROM kpi_walk3) AS kpi_step4
), kpi_path AS (
  SELECT *, CASE WHEN r4 THEN 4 WHEN r3 THEN 3 WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2 OR r3 OR r4) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn0, r1 AND (r2 OR r3 OR r4) AS cv1, CASE WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn1, r2 AND (r3 OR r4) AS cv2, CASE WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn2, r3 AND (r4) AS cv3, CASE WHEN r4 THEN f4 END AS fn3, r4 AND FALSE AS cv4, CASE WHEN FALSE THEN CAST(NULL AS TIMESTAMP_NTZ) END AS fn4 FROM kpi_walk4
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f4 IS NULL AND NOT u4 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 WHEN 3 THEN at3 WHEN 4 THEN at4 END AS at_furthest FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(CASE WHEN r2 THEN 1 END) AS den,
  count(CASE WHEN r2 AND r3 THEN 1 END) AS num
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-07-01 00:00', TIMESTAMP_NTZ '2026-10-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS STRING) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, `campaign` AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS STRING) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, kpi_rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY tot, grp NULLS LAST, place;
;

-- kpi trial_to_bought (conversion)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, CAST(NULL AS STRING) AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS tot, * FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_ev AS (
  SELECT tot, grp, ld, k, t, lead(t) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec) AS t_next,
    (max(k) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k OR (min(k) OVER (PARTITION BY tot, grp, ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) IS DISTINCT FROM k AS moved
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1
), kpi_lead0 AS (
  SELECT tot, grp, ld, min(t) AS seen, min(CASE WHEN k >= 0 THEN t END) AS earliest,
    coalesce(max(CASE WHEN k = -1 THEN t END) >= max(CASE WHEN k >= 0 THEN t END), max(CASE WHEN k = -1 THEN t END) IS NOT NULL) AS lost,
    min(CASE WHEN k = 0 THEN t END) AS f0,
    FALSE AS u0,
    CAST(sum(CASE WHEN k = 0 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti2,
    min(CASE WHEN k = 3 THEN t END) AS f3,
    FALSE AS u3,
    CAST(sum(CASE WHEN k = 3 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti3,
    min(CASE WHEN k = 4 THEN t END) AS f4,
    FALSE AS u4,
    CAST(sum(CASE WHEN k = 4 AND closed THEN (CAST(unix_date(CAST(t_next AS DATE)) AS BIGINT) * 86400000 + hour(t_next) * 3600000 + minute(t_next) * 60000 + CAST(floor(date_part('SECOND', t_next) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(t AS DATE)) AS BIGINT) * 86400000 + hour(t) * 3600000 + minute(t) * 60000 + CAST(floor(date_part('SECOND', t) * 1000) AS BIGINT)) END) AS DOUBLE) / 1000.0 AS ti4
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 WHEN f3 = earliest THEN 3 WHEN f4 = earliest THEN 4 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2, 3 >= st AND (f3 IS NOT NULL OR u3) AS kn3, CASE WHEN 3 >= st THEN f3 END AS a3, 4 >= st AND (f4 IS NOT NULL OR u4) AS kn4, CASE WHEN 4 >= st THEN f4 END AS a4 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2 OR kn3 OR kn4)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) AND (a2 IS NULL OR a0 <= a2) AND (a3 IS NULL OR a0 <= a3) AND (a4 IS NULL OR a0 <= a4) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) AND (a2 IS NULL OR a1 <= a2) AND (a3 IS NULL OR a1 <= a3) AND (a4 IS NULL OR a1 <= a4) THEN a1 WHEN a2 IS NOT NULL AND (a0 IS NULL OR a2 <= a0) AND (a1 IS NULL OR a2 <= a1) AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a0 IS NULL OR a3 <= a0) AND (a1 IS NULL OR a3 <= a1) AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a0 IS NULL OR a4 <= a0) AND (a1 IS NULL OR a4 <= a1) AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2 OR kn3 OR kn4)) AS kk1, CASE WHEN (1 >= st AND (kn2 OR kn3 OR kn4)) THEN CASE WHEN a1 IS NOT NULL AND (a2 IS NULL OR a1 <= a2) AND (a3 IS NULL OR a1 <= a3) AND (a4 IS NULL OR a1 <= a4) THEN a1 WHEN a2 IS NOT NULL AND (a1 IS NULL OR a2 <= a1) AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a1 IS NULL OR a3 <= a1) AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a1 IS NULL OR a4 <= a1) AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a1 END AS at1, kn2 OR (2 >= st AND (kn3 OR kn4)) AS kk2, CASE WHEN (2 >= st AND (kn3 OR kn4)) THEN CASE WHEN a2 IS NOT NULL AND (a3 IS NULL OR a2 <= a3) AND (a4 IS NULL OR a2 <= a4) THEN a2 WHEN a3 IS NOT NULL AND (a2 IS NULL OR a3 <= a2) AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a2 IS NULL OR a4 <= a2) AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a2 END AS at2, kn3 OR (3 >= st AND (kn4)) AS kk3, CASE WHEN (3 >= st AND (kn4)) THEN CASE WHEN a3 IS NOT NULL AND (a4 IS NULL OR a3 <= a4) THEN a3 WHEN a4 IS NOT NULL AND (a3 IS NULL OR a4 <= a3) THEN a4 END ELSE a3 END AS at3, kn4 OR (4 >= st AND FALSE) AS kk4, CASE WHEN (4 >= st AND FALSE) THEN a4 ELSE a4 END AS at4 FROM kpi_known1
), kpi_walk AS (
  SELECT *, CASE WHEN at1 IS NOT NULL AND (at2 IS NULL OR at1 <= at2) AND (at3 IS NULL OR at1 <= at3) AND (at4 IS NULL OR at1 <= at4) THEN at1 WHEN at2 IS NOT NULL AND (at1 IS NULL OR at2 <= at1) AND (at3 IS NULL OR at2 <= at3) AND (at4 IS NULL OR at2 <= at4) THEN at2 WHEN at3 IS NOT NULL AND (at1 IS NULL OR at3 <= at1) AND (at2 IS NULL OR at3 <= at2) AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at1 IS NULL OR at4 <= at1) AND (at2 IS NULL OR at4 <= at2) AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx0, CASE WHEN at2 IS NOT NULL AND (at3 IS NULL OR at2 <= at3) AND (at4 IS NULL OR at2 <= at4) THEN at2 WHEN at3 IS NOT NULL AND (at2 IS NULL OR at3 <= at2) AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at2 IS NULL OR at4 <= at2) AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx1, CASE WHEN at3 IS NOT NULL AND (at4 IS NULL OR at3 <= at4) THEN at3 WHEN at4 IS NOT NULL AND (at3 IS NULL OR at4 <= at3) THEN at4 END AS nx2, at4 AS nx3, CAST(NULL AS TIMESTAMP_NTZ) AS nx4, TRUE AS go0, FALSE AS sd0, CAST(NULL AS TIMESTAMP_NTZ) AS pv0 FROM kpi_filled
), kpi_walk0 AS (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN TRUE WHEN at0 < pv0 THEN FALSE ELSE TRUE END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN TRUE WHEN at1 < pv1 THEN FALSE ELSE TRUE END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_walk2 AS (
  SELECT *, go2 AND NOT coalesce((go2 AND sd2 AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS go3, sd2 OR coalesce(r2, FALSE) AS sd3, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv2 END AS pv3 FROM (SELECT *, coalesce((go2 AND kk2 AND (NOT sd2 OR (NOT FALSE AND (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN TRUE WHEN at2 < pv2 THEN FALSE ELSE TRUE END)))), FALSE) AS r2 FROM kpi_walk1) AS kpi_step2
), kpi_walk3 AS (
  SELECT *, go3 AND NOT coalesce((go3 AND sd3 AND (NOT kk3 OR (kk3 AND NOT FALSE AND NOT (CASE WHEN pv3 IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv3 THEN FALSE ELSE TRUE END)))), FALSE) AS go4, sd3 OR coalesce(r3, FALSE) AS sd4, CASE WHEN r3 AND at3 IS NOT NULL THEN at3 ELSE pv3 END AS pv4 FROM (SELECT *, coalesce((go3 AND kk3 AND (NOT sd3 OR (NOT FALSE AND (CASE WHEN pv3 IS NULL OR at3 IS NULL THEN TRUE WHEN at3 < pv3 THEN FALSE ELSE TRUE END)))), FALSE) AS r3 FROM kpi_walk2) AS kpi_step3
), kpi_walk4 AS (
  SELECT *, go4 AND NOT coalesce((go4 AND sd4 AND (NOT kk4 OR (kk4 AND NOT FALSE AND NOT (CASE WHEN pv4 IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv4 THEN FALSE ELSE TRUE END)))), FALSE) AS go5, sd4 OR coalesce(r4, FALSE) AS sd5, CASE WHEN r4 AND at4 IS NOT NULL THEN at4 ELSE pv4 END AS pv5 FROM (SELECT *, coalesce((go4 AND kk4 AND (NOT sd4 OR (NOT FALSE AND (CASE WHEN pv4 IS NULL OR at4 IS NULL THEN TRUE WHEN at4 < pv4 THEN FALSE ELSE TRUE END)))), FALSE) AS r4 FROM kpi_walk3) AS kpi_step4
), kpi_path AS (
  SELECT *, CASE WHEN r4 THEN 4 WHEN r3 THEN 3 WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2 OR r3 OR r4) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn0, r1 AND (r2 OR r3 OR r4) AS cv1, CASE WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn1, r2 AND (r3 OR r4) AS cv2, CASE WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn2, r3 AND (r4) AS cv3, CASE WHEN r4 THEN f4 END AS fn3, r4 AND FALSE AS cv4, CASE WHEN FALSE THEN CAST(NULL AS TIMESTAMP_NTZ) END AS fn4 FROM kpi_walk4
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f4 IS NULL AND NOT u4 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 WHEN 3 THEN at3 WHEN 4 THEN at4 END AS at_furthest FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(CASE WHEN r3 THEN 1 END) AS den,
  count(CASE WHEN r3 AND r4 THEN 1 END) AS num
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-07-01 00:00', TIMESTAMP_NTZ '2026-10-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, CAST(NULL AS STRING) AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS tot, * FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, `lead_id` AS ld, `stage` AS raw, CAST(`at` AS TIMESTAMP_NTZ) AS t, CAST(NULL AS STRING) AS grp FROM `kpi_rows_stages` WHERE TRUE
), kpi_sets AS (
  SELECT 1 AS tot, * FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, kpi_rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY tot, grp NULLS LAST, place;
;
