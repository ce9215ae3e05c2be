-- kpi sql --dialect duckdb
CREATE OR REPLACE TEMP MACRO kpi_number(s, p, mark) AS CASE WHEN NOT regexp_full_match(p.lead, '[+\-−(\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.lead, '[^+\-−]', '', 'g')) > 1 OR regexp_replace(p.lead, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '', 'g')) >= 19 THEN TRY_CAST(replace(regexp_replace(s, '[^0-9\-' || mark || ']', '', 'g'), mark, '.') AS DOUBLE) WHEN NOT regexp_full_match(p.rest, '[%)\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.rest, '[^%]', '', 'g')) > 1 OR regexp_replace(p.rest, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\-−])[^(+\-−]*$', 1) IN ('(', '-', '−') THEN -1.0 ELSE 1.0 END) * (CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '', 'g') END AS BIGINT)::DOUBLE + CASE WHEN length(p.frac) < 2 THEN 0.0 ELSE CAST(left(substr(p.frac, 2), 15) AS BIGINT)::DOUBLE / pow(10.0, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN contains(p.rest, '%') THEN 100.0 ELSE 1.0 END) END;
CREATE OR REPLACE TEMP MACRO kpi_datetime(p) AS CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL WHEN (p.h <> '' AND CAST(p.h AS INT) > 23) OR (p.mi <> '' AND CAST(p.mi AS INT) > 59) OR (p.s <> '' AND CAST(p.s AS INT) > 59) THEN NULL ELSE try(make_timestamp(CASE WHEN p.y4 <> '' THEN CAST(p.y4 AS BIGINT) ELSE 2000 + CAST(p.y2 AS BIGINT) END, CASE WHEN p.mo = '' THEN 1 ELSE CAST(p.mo AS BIGINT) END, CASE WHEN p.d = '' THEN 1 ELSE CAST(p.d AS BIGINT) END, CASE WHEN p.h = '' THEN 0 ELSE CAST(p.h AS BIGINT) END, CASE WHEN p.mi = '' THEN 0 ELSE CAST(p.mi AS BIGINT) END, CASE WHEN p.s = '' THEN 0 ELSE CAST(p.s AS BIGINT) END) + to_milliseconds(CASE WHEN p.f = '' THEN 0 ELSE CAST(rpad(left(p.f, 3), 3, '0') AS BIGINT) END)) END;
CREATE OR REPLACE TEMP MACRO kpi_number_dot(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9\.]*)([0-9][0-9, \x{a0}'']*)?(\.[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, '.'))[1] END;
CREATE OR REPLACE TEMP MACRO kpi_number_comma(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9,]*)([0-9][0-9\. \x{a0}'']*)?(,[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, ','))[1] END;

-- source stages
CREATE OR REPLACE TEMP TABLE "kpi_typed_stages" AS SELECT kpi_record, kpi_empty, "lead_id__cleaned", "lead_id", "campaign__cleaned", "campaign", "stage__cleaned", "stage", "at__text", CASE WHEN regexp_full_match("at__text", '[0-9]{2}\/[0-9]{2}\/[0-9]{4} [0-9]{2}\:[0-9]{2}') THEN try_strptime("at__text", '%d/%m/%Y %H:%M') END AS "at" FROM (SELECT kpi_record, kpi_empty, CASE WHEN "lead_id__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "lead_id__raw") IS NOT NULL THEN NULL ELSE CASE WHEN "lead_id__raw" = '' THEN NULL WHEN ("lead_id__raw" GLOB ('*[' || chr(0) || '-' || chr(8) || chr(11) || chr(12) || chr(14) || '-' || chr(31) || chr(127) || ']*') OR (strlen("lead_id__raw") <> length("lead_id__raw") AND (contains(CAST(encode("lead_id__raw") AS VARCHAR), '\xC2\x8') OR contains(CAST(encode("lead_id__raw") AS VARCHAR), '\xC2\x9')))) THEN NULLIF(nfc_normalize(trim(regexp_replace("lead_id__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')), '') ELSE nfc_normalize("lead_id__raw") END END AS "lead_id", "lead_id__cleaned", CASE WHEN "campaign__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "campaign__raw") IS NOT NULL THEN NULL ELSE CASE WHEN "campaign__raw" = '' THEN NULL WHEN ("campaign__raw" GLOB ('*[' || chr(0) || '-' || chr(8) || chr(11) || chr(12) || chr(14) || '-' || chr(31) || chr(127) || ']*') OR (strlen("campaign__raw") <> length("campaign__raw") AND (contains(CAST(encode("campaign__raw") AS VARCHAR), '\xC2\x8') OR contains(CAST(encode("campaign__raw") AS VARCHAR), '\xC2\x9')))) THEN NULLIF(nfc_normalize(trim(regexp_replace("campaign__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')), '') ELSE nfc_normalize("campaign__raw") END END AS "campaign", "campaign__cleaned", CASE WHEN "stage__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "stage__raw") IS NOT NULL THEN NULL ELSE CASE WHEN "stage__raw" = '' THEN NULL WHEN ("stage__raw" GLOB ('*[' || chr(0) || '-' || chr(8) || chr(11) || chr(12) || chr(14) || '-' || chr(31) || chr(127) || ']*') OR (strlen("stage__raw") <> length("stage__raw") AND (contains(CAST(encode("stage__raw") AS VARCHAR), '\xC2\x8') OR contains(CAST(encode("stage__raw") AS VARCHAR), '\xC2\x9')))) THEN NULLIF(nfc_normalize(trim(regexp_replace("stage__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')), '') ELSE nfc_normalize("stage__raw") END END AS "stage", "stage__cleaned", CASE WHEN "at__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "at__raw") IS NOT NULL THEN NULL ELSE "at__raw" END AS "at__text" FROM (SELECT row_number() OVER () AS kpi_record, ("column0" IS NULL OR regexp_full_match("column0", '[\t-\r\x1c-\x20]*')) AND ("column1" IS NULL OR regexp_full_match("column1", '[\t-\r\x1c-\x20]*')) AND ("column2" IS NULL OR regexp_full_match("column2", '[\t-\r\x1c-\x20]*')) AND ("column3" IS NULL OR regexp_full_match("column3", '[\t-\r\x1c-\x20]*')) AND ("column4" IS NULL OR regexp_full_match("column4", '[\t-\r\x1c-\x20]*')) AS kpi_empty, CASE WHEN starts_with(column0, ' ') OR starts_with(column0, '	') OR ends_with(column0, ' ') OR ends_with(column0, '	') THEN trim(column0, ' 	') ELSE column0 END AS "lead_id__raw", CASE WHEN (column0 GLOB ('*[' || chr(0) || '-' || chr(8) || chr(11) || chr(12) || chr(14) || '-' || chr(31) || chr(127) || ']*') OR (strlen(column0) <> length(column0) AND (contains(CAST(encode(column0) AS VARCHAR), '\xC2\x8') OR contains(CAST(encode(column0) AS VARCHAR), '\xC2\x9')))) THEN column0 END AS "lead_id__cleaned", CASE WHEN starts_with(column1, ' ') OR starts_with(column1, '	') OR ends_with(column1, ' ') OR ends_with(column1, '	') THEN trim(column1, ' 	') ELSE column1 END AS "campaign__raw", CASE WHEN (column1 GLOB ('*[' || chr(0) || '-' || chr(8) || chr(11) || chr(12) || chr(14) || '-' || chr(31) || chr(127) || ']*') OR (strlen(column1) <> length(column1) AND (contains(CAST(encode(column1) AS VARCHAR), '\xC2\x8') OR contains(CAST(encode(column1) AS VARCHAR), '\xC2\x9')))) THEN column1 END AS "campaign__cleaned", CASE WHEN starts_with(column3, ' ') OR starts_with(column3, '	') OR ends_with(column3, ' ') OR ends_with(column3, '	') THEN trim(column3, ' 	') ELSE column3 END AS "stage__raw", CASE WHEN (column3 GLOB ('*[' || chr(0) || '-' || chr(8) || chr(11) || chr(12) || chr(14) || '-' || chr(31) || chr(127) || ']*') OR (strlen(column3) <> length(column3) AND (contains(CAST(encode(column3) AS VARCHAR), '\xC2\x8') OR contains(CAST(encode(column3) AS VARCHAR), '\xC2\x9')))) THEN column3 END AS "stage__cleaned", CASE WHEN starts_with(column4, ' ') OR starts_with(column4, '	') OR ends_with(column4, ' ') OR ends_with(column4, '	') THEN trim(column4, ' 	') ELSE column4 END AS "at__raw" FROM read_csv('examples/lead-stages/giai-doan-khach.csv', header = false, skip = 1, auto_detect = false, all_varchar = true, delim = ',', quote = '"', escape = '"', columns = {'column0': 'VARCHAR', 'column1': 'VARCHAR', 'column2': 'VARCHAR', 'column3': 'VARCHAR', 'column4': 'VARCHAR'}, store_rejects = true, rejects_table = 'kpi_rejects_stages', rejects_scan = 'kpi_scan_stages')) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMP VIEW "kpi_rows_stages" AS SELECT * FROM "kpi_typed_stages" WHERE NOT kpi_empty AND "at" IS NOT NULL;

-- kpi lead_stages (funnel)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead_id" AS ld, "stage" AS raw, CAST("at" AS TIMESTAMP) AS t, "campaign" AS grp FROM "kpi_rows_stages" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS VARCHAR) AS grp FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(nfc_normalize(raw)) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
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
    CAST(sum(CASE WHEN k = 0 AND closed THEN epoch_ms(t_next) - epoch_ms(t) END) AS DOUBLE) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN epoch_ms(t_next) - epoch_ms(t) END) AS DOUBLE) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN epoch_ms(t_next) - epoch_ms(t) END) AS DOUBLE) / 1000.0 AS ti2,
    min(CASE WHEN k = 3 THEN t END) AS f3,
    FALSE AS u3,
    CAST(sum(CASE WHEN k = 3 AND closed THEN epoch_ms(t_next) - epoch_ms(t) END) AS DOUBLE) / 1000.0 AS ti3,
    min(CASE WHEN k = 4 THEN t END) AS f4,
    FALSE AS u4,
    CAST(sum(CASE WHEN k = 4 AND closed THEN epoch_ms(t_next) - epoch_ms(t) END) AS DOUBLE) / 1000.0 AS ti4
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY tot, grp, ld
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
  SELECT *, least(at1, at2, at3, at4) AS nx0, least(at2, at3, at4) AS nx1, least(at3, at4) AS nx2, at4 AS nx3, CAST(NULL AS TIMESTAMP) AS nx4, TRUE AS go0, FALSE AS sd0, CAST(NULL AS TIMESTAMP) AS pv0 FROM kpi_filled
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
  SELECT *, CASE WHEN r4 THEN 4 WHEN r3 THEN 3 WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2 OR r3 OR r4) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn0, r1 AND (r2 OR r3 OR r4) AS cv1, CASE WHEN r2 THEN f2 WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn1, r2 AND (r3 OR r4) AS cv2, CASE WHEN r3 THEN f3 WHEN r4 THEN f4 END AS fn2, r3 AND (r4) AS cv3, CASE WHEN r4 THEN f4 END AS fn3, r4 AND FALSE AS cv4, CASE WHEN FALSE THEN CAST(NULL AS TIMESTAMP) END AS fn4 FROM kpi_walk4
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f4 IS NULL AND NOT u4 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 WHEN 3 THEN at3 WHEN 4 THEN at4 END AS at_furthest, CASE WHEN cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CASE WHEN f0 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(epoch_ms(fn0) - epoch_ms(f0) AS DOUBLE) / 1000.0 ELSE CAST(epoch_ms(CASE WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn0 THEN ((fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (fn0 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) - epoch_ms(CASE WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f0 THEN ((f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (f0 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn0, CASE WHEN cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CASE WHEN f1 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(epoch_ms(fn1) - epoch_ms(f1) AS DOUBLE) / 1000.0 ELSE CAST(epoch_ms(CASE WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn1 THEN ((fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (fn1 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) - epoch_ms(CASE WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f1 THEN ((f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (f1 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn1, CASE WHEN cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CASE WHEN f2 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(epoch_ms(fn2) - epoch_ms(f2) AS DOUBLE) / 1000.0 ELSE CAST(epoch_ms(CASE WHEN (((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn2 THEN ((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn2 THEN ((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn2 THEN ((fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (fn2 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) - epoch_ms(CASE WHEN (((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f2 THEN ((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f2 THEN ((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f2 THEN ((f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (f2 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn2, CASE WHEN cv3 AND f3 IS NOT NULL AND fn3 IS NOT NULL AND fn3 >= f3 THEN (CASE WHEN f3 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(epoch_ms(fn3) - epoch_ms(f3) AS DOUBLE) / 1000.0 ELSE CAST(epoch_ms(CASE WHEN (((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn3 THEN ((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn3 THEN ((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn3 THEN ((fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (fn3 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) - epoch_ms(CASE WHEN (((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f3 THEN ((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f3 THEN ((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f3 THEN ((f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (f3 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn3, CASE WHEN cv4 AND f4 IS NOT NULL AND fn4 IS NOT NULL AND fn4 >= f4 THEN (CASE WHEN f4 >= TIMESTAMP '1975-06-13 00:00' THEN CAST(epoch_ms(fn4) - epoch_ms(f4) AS DOUBLE) / 1000.0 ELSE CAST(epoch_ms(CASE WHEN (((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn4 THEN ((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn4 THEN ((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = fn4 THEN ((fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (fn4 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) - epoch_ms(CASE WHEN (((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f4 THEN ((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 390 SECOND) WHEN (((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f4 THEN ((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 3600 SECOND) WHEN (((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) AT TIME ZONE 'Asia/Ho_Chi_Minh') = f4 THEN ((f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL 7200 SECOND) ELSE (f4 AT TIME ZONE 'Asia/Ho_Chi_Minh') END) AS DOUBLE) / 1000.0 END) / 86400.0 END AS tn4 FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(CASE WHEN r0 THEN 1 END) AS e0,
  count(CASE WHEN r0 AND cv0 THEN 1 END) AS cv0,
  count(CASE WHEN r0 AND r0 THEN 1 END) AS ff0,
  count(CASE WHEN lost_at_furthest AND furthest = 0 THEN 1 END) AS ls0,
  count(CASE WHEN r0 THEN tn0 END) AS tnn0,
  quantile_cont(CAST(CASE WHEN r0 THEN tn0 END AS DOUBLE), 0.5) AS tnm0,
  quantile_cont(CAST(CASE WHEN r0 THEN tn0 END AS DOUBLE), 0.9) AS tnp0,
  count(CASE WHEN r0 THEN ti0 / 86400.0 END) AS tin0,
  quantile_cont(CAST(CASE WHEN r0 THEN ti0 / 86400.0 END AS DOUBLE), 0.5) AS tim0,
  count(CASE WHEN r1 THEN 1 END) AS e1,
  count(CASE WHEN r1 AND cv1 THEN 1 END) AS cv1,
  count(CASE WHEN r1 AND r0 THEN 1 END) AS ff1,
  count(CASE WHEN lost_at_furthest AND furthest = 1 THEN 1 END) AS ls1,
  count(CASE WHEN r1 THEN tn1 END) AS tnn1,
  quantile_cont(CAST(CASE WHEN r1 THEN tn1 END AS DOUBLE), 0.5) AS tnm1,
  quantile_cont(CAST(CASE WHEN r1 THEN tn1 END AS DOUBLE), 0.9) AS tnp1,
  count(CASE WHEN r1 THEN ti1 / 86400.0 END) AS tin1,
  quantile_cont(CAST(CASE WHEN r1 THEN ti1 / 86400.0 END AS DOUBLE), 0.5) AS tim1,
  count(CASE WHEN r2 THEN 1 END) AS e2,
  count(CASE WHEN r2 AND cv2 THEN 1 END) AS cv2,
  count(CASE WHEN r2 AND r0 THEN 1 END) AS ff2,
  count(CASE WHEN lost_at_furthest AND furthest = 2 THEN 1 END) AS ls2,
  count(CASE WHEN r2 THEN tn2 END) AS tnn2,
  quantile_cont(CAST(CASE WHEN r2 THEN tn2 END AS DOUBLE), 0.5) AS tnm2,
  quantile_cont(CAST(CASE WHEN r2 THEN tn2 END AS DOUBLE), 0.9) AS tnp2,
  count(CASE WHEN r2 THEN ti2 / 86400.0 END) AS tin2,
  quantile_cont(CAST(CASE WHEN r2 THEN ti2 / 86400.0 END AS DOUBLE), 0.5) AS tim2,
  count(CASE WHEN r3 THEN 1 END) AS e3,
  count(CASE WHEN r3 AND cv3 THEN 1 END) AS cv3,
  count(CASE WHEN r3 AND r0 THEN 1 END) AS ff3,
  count(CASE WHEN lost_at_furthest AND furthest = 3 THEN 1 END) AS ls3,
  count(CASE WHEN r3 THEN tn3 END) AS tnn3,
  quantile_cont(CAST(CASE WHEN r3 THEN tn3 END AS DOUBLE), 0.5) AS tnm3,
  quantile_cont(CAST(CASE WHEN r3 THEN tn3 END AS DOUBLE), 0.9) AS tnp3,
  count(CASE WHEN r3 THEN ti3 / 86400.0 END) AS tin3,
  quantile_cont(CAST(CASE WHEN r3 THEN ti3 / 86400.0 END AS DOUBLE), 0.5) AS tim3,
  count(CASE WHEN r4 THEN 1 END) AS e4,
  count(CASE WHEN r4 AND cv4 THEN 1 END) AS cv4,
  count(CASE WHEN r4 AND r0 THEN 1 END) AS ff4,
  count(CASE WHEN lost_at_furthest AND furthest = 4 THEN 1 END) AS ls4,
  count(CASE WHEN r4 THEN tn4 END) AS tnn4,
  quantile_cont(CAST(CASE WHEN r4 THEN tn4 END AS DOUBLE), 0.5) AS tnm4,
  quantile_cont(CAST(CASE WHEN r4 THEN tn4 END AS DOUBLE), 0.9) AS tnp4,
  count(CASE WHEN r4 THEN ti4 / 86400.0 END) AS tin4,
  quantile_cont(CAST(CASE WHEN r4 THEN ti4 / 86400.0 END AS DOUBLE), 0.5) AS tim4,
  count(CASE WHEN midway AND (r0 OR r1 OR r2 OR r3 OR r4) THEN 1 END) AS mw
FROM kpi_paths JOIN (VALUES (0, FALSE, TIMESTAMP '2026-07-01 00:00', TIMESTAMP '2026-10-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead_id" AS ld, "stage" AS raw, CAST("at" AS TIMESTAMP) AS t, "campaign" AS grp FROM "kpi_rows_stages" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS VARCHAR) AS grp FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(nfc_normalize(raw)) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead_id" AS ld, "stage" AS raw, CAST("at" AS TIMESTAMP) AS t, "campaign" AS grp FROM "kpi_rows_stages" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS VARCHAR) AS grp FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(nfc_normalize(raw)) WHEN 'mới' THEN 0 WHEN 'new' THEN 0 WHEN 'có hứng thú' THEN 1 WHEN 'interested' THEN 1 WHEN 'potential' THEN 2 WHEN 'tiềm năng' THEN 2 WHEN 'dùng thử 7 ngày' THEN 3 WHEN 'trial' THEN 3 WHEN 'bought' THEN 4 WHEN 'mua hàng' THEN 4 WHEN 'không mua' THEN -1 WHEN 'not_bought' THEN -1 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, kpi_rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY tot, grp NULLS LAST, place;
;
