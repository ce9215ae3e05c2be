-- kpi sql --dialect postgres
CREATE OR REPLACE FUNCTION pg_temp.kpi_number(s text, mark text) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS $kpi$ SELECT CASE WHEN s ~ '^[0-9]{1,15}$' THEN CAST(CAST(s AS bigint) AS double precision) ELSE (SELECT CASE WHEN length(regexp_replace(lead, '[^-+−]', '', 'g')) > 1 OR regexp_replace(lead, '[-+−( \u00a0\u0024\u00a2-\u00a5\u058f\u060b\u07fe-\u07ff\u09f2-\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\u20a0-\u20bf\ua838\ufdfc\ufe69\uff04\uffe0-\uffe1\uffe5-\uffe6]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(whole, '[^0-9]', '', 'g')) >= 19 THEN (SELECT CASE WHEN t ~ '^-?[0-9]+(\.[0-9]*)?$' THEN CAST(t AS double precision) END FROM (SELECT replace(regexp_replace(s, '[^-0-9' || mark || ']', '', 'g'), mark, '.') AS t) AS kpi_t) WHEN length(regexp_replace(rest, '[^%]', '', 'g')) > 1 OR regexp_replace(rest, '[%) \u00a0\u0024\u00a2-\u00a5\u058f\u060b\u07fe-\u07ff\u09f2-\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\u20a0-\u20bf\ua838\ufdfc\ufe69\uff04\uffe0-\uffe1\uffe5-\uffe6]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (whole = '' AND length(frac) < 2) THEN NULL ELSE (CASE WHEN substring(lead FROM '([(+\-−])[^(+\-−]*$') IN ('(', '-', '−') THEN CAST(-1 AS double precision) ELSE CAST(1 AS double precision) END) * (CAST(CAST(CASE WHEN whole = '' THEN '0' ELSE regexp_replace(whole, '[^0-9]', '', 'g') END AS bigint) AS double precision) + CASE WHEN length(frac) < 2 THEN CAST(0 AS double precision) ELSE CAST(CAST(left(substr(frac, 2), 15) AS bigint) AS double precision) / power(CAST(10 AS double precision), length(left(substr(frac, 2), 15))) END) / (CASE WHEN strpos(rest, '%') > 0 THEN CAST(100 AS double precision) ELSE CAST(1 AS double precision) END) END FROM (SELECT coalesce(m[1], '') AS lead, coalesce(m[2], '') AS whole, coalesce(m[3], '') AS frac, coalesce(m[4], '') AS rest FROM (SELECT regexp_match(s, CASE WHEN mark = '.' THEN '^([^0-9.]*)([0-9][0-9, \u00a0'']*)?(\.[0-9]*)?(.*)$' ELSE '^([^0-9,]*)([0-9][0-9. \u00a0'']*)?(,[0-9]*)?(.*)$' END) AS m) AS kpi_m) AS p) END $kpi$;
CREATE OR REPLACE FUNCTION pg_temp.kpi_datetime(m text[], iy4 integer, iy2 integer, imo integer, id integer, ih integer, imi integer, isec integer, ifr integer) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $kpi$ SELECT CASE WHEN y IS NULL THEN NULL WHEN mo < 1 OR mo > 12 OR d < 1 OR h > 23 OR mi > 59 OR s > 59 THEN NULL WHEN d > CAST(extract(day FROM make_date(CASE WHEN y = 0 THEN -1 ELSE y END, mo, 1) + INTERVAL '1 month' - INTERVAL '1 day') AS integer) THEN NULL ELSE make_timestamp(CASE WHEN y = 0 THEN -1 ELSE y END, mo, d, h, mi, s) + fr * INTERVAL '1 millisecond' END FROM (SELECT CASE WHEN m[iy4] <> '' THEN CAST(m[iy4] AS integer) WHEN m[iy2] <> '' THEN 2000 + CAST(m[iy2] AS integer) END AS y, CASE WHEN m[imo] = '' THEN 1 ELSE CAST(m[imo] AS integer) END AS mo, CASE WHEN m[id] = '' THEN 1 ELSE CAST(m[id] AS integer) END AS d, CASE WHEN m[ih] = '' THEN 0 ELSE CAST(m[ih] AS integer) END AS h, CASE WHEN m[imi] = '' THEN 0 ELSE CAST(m[imi] AS integer) END AS mi, CASE WHEN m[isec] = '' THEN 0 ELSE CAST(m[isec] AS integer) END AS s, CASE WHEN m[ifr] = '' THEN 0 ELSE CAST(rpad(left(m[ifr], 3), 3, '0') AS integer) END AS fr) AS f $kpi$;

-- source h
DROP TABLE IF EXISTS pg_temp."kpi_scan_h_lines" CASCADE;
CREATE TEMP TABLE "kpi_scan_h_lines" (kpi_line bigint GENERATED ALWAYS AS IDENTITY, kpi_text text);
COPY "kpi_scan_h_lines" (kpi_text) FROM 'src/test/resources/sql-gaps/funnel-business.csv' (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02', ENCODING 'UTF8');
DROP TABLE IF EXISTS pg_temp."kpi_scan_h_records" CASCADE;
CREATE TEMP TABLE "kpi_scan_h_records" AS SELECT kpi_line, CASE WHEN kpi_text ~ '^([^"\u002c]*|"[^"\u002c]+")(\u002c([^"\u002c]*|"[^"\u002c]+"))*$' THEN string_to_array(replace(kpi_text, '"', ''), ',', '') ELSE ARRAY(SELECT CASE WHEN f[1] LIKE '"%' THEN replace(substr(f[1], 2, length(f[1]) - 2), '""', '"') ELSE nullif(f[1], '') END FROM regexp_matches(',' || kpi_text, '\u002c("(?:[^"]|"")*"|[^\u002c]*)', 'g') WITH ORDINALITY AS kpi_f(f, i) ORDER BY i) END AS kpi_fields FROM (WITH kpi_o AS (SELECT kpi_line, kpi_text, kpi_q, coalesce(sum(kpi_q) OVER (ORDER BY kpi_line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) % 2 AS kpi_open FROM (SELECT kpi_line, kpi_text, (length(coalesce(kpi_text, '')) - length(replace(coalesce(kpi_text, ''), '"', ''))) % 2 AS kpi_q FROM "kpi_scan_h_lines" WHERE kpi_line > 1) AS kpi_l) SELECT kpi_line, kpi_text FROM kpi_o WHERE kpi_open = 0 AND kpi_q = 0 UNION ALL SELECT min(kpi_line), string_agg(coalesce(kpi_text, ''), E'\n' ORDER BY kpi_line) FROM (SELECT kpi_line, kpi_text, sum(CASE WHEN kpi_open = 0 THEN 1 ELSE 0 END) OVER (ORDER BY kpi_line) AS kpi_rec FROM kpi_o WHERE kpi_open = 1 OR kpi_q = 1) AS kpi_r GROUP BY kpi_rec) AS kpi_j WHERE kpi_text <> '';
ANALYZE "kpi_scan_h_records";
DROP TABLE IF EXISTS pg_temp."kpi_rejects_h" CASCADE;
CREATE TEMP TABLE "kpi_rejects_h" AS SELECT kpi_r.kpi_line AS line, kpi_r.kpi_k AS fields, string_agg(coalesce(kpi_t.kpi_text, ''), E'\n' ORDER BY kpi_t.kpi_line) AS csv_line FROM (SELECT kpi_line, kpi_k, kpi_next FROM (SELECT kpi_line, cardinality(kpi_fields) AS kpi_k, lead(kpi_line) OVER (ORDER BY kpi_line) AS kpi_next FROM "kpi_scan_h_records") AS kpi_a WHERE kpi_k <> 4) AS kpi_r CROSS JOIN LATERAL generate_series(kpi_r.kpi_line, coalesce(kpi_r.kpi_next - 1, (SELECT max(kpi_line) FROM "kpi_scan_h_lines"))) AS kpi_g(kpi_n) JOIN "kpi_scan_h_lines" AS kpi_t ON kpi_t.kpi_line = kpi_g.kpi_n GROUP BY kpi_r.kpi_line, kpi_r.kpi_k;
ANALYZE "kpi_rejects_h";
DROP TABLE IF EXISTS pg_temp."kpi_typed_h" CASCADE;
CREATE TEMP TABLE "kpi_typed_h" AS SELECT kpi_record, kpi_empty, "lead__cleaned", "lead", "campaign__cleaned", "campaign", "stage__cleaned", "stage", "at__text", pg_temp.kpi_datetime(regexp_match("at__text", '^ *([0-9]{2,2})\/([0-9]{2,2})\/([0-9]{4,4}) ([0-9]{2,2})\:([0-9]{2,2}) *$()()()'), 3, 6, 2, 1, 4, 5, 7, 8) AS "at" FROM (SELECT kpi_record, kpi_empty, CASE WHEN "lead__raw" IS NULL OR "lead__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(normalize(CASE WHEN ("lead__raw" ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN btrim(regexp_replace("lead__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', '', 'g'), E' \t') ELSE "lead__raw" END, NFC), '') END AS "lead", "lead__cleaned", CASE WHEN "campaign__raw" IS NULL OR "campaign__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(normalize(CASE WHEN ("campaign__raw" ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN btrim(regexp_replace("campaign__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', '', 'g'), E' \t') ELSE "campaign__raw" END, NFC), '') END AS "campaign", "campaign__cleaned", CASE WHEN "stage__raw" IS NULL OR "stage__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(normalize(CASE WHEN ("stage__raw" ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN btrim(regexp_replace("stage__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', '', 'g'), E' \t') ELSE "stage__raw" END, NFC), '') END AS "stage", "stage__cleaned", CASE WHEN "at__raw" IS NULL OR "at__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE "at__raw" END AS "at__text" FROM (SELECT kpi_n AS kpi_record, ("column0" IS NULL OR "column0" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column1" IS NULL OR "column1" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column2" IS NULL OR "column2" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column3" IS NULL OR "column3" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AS kpi_empty, btrim(column0, E' \t') AS "lead__raw", CASE WHEN (column0 ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN column0 END AS "lead__cleaned", btrim(column1, E' \t') AS "campaign__raw", CASE WHEN (column1 ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN column1 END AS "campaign__cleaned", btrim(column2, E' \t') AS "stage__raw", CASE WHEN (column2 ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN column2 END AS "stage__cleaned", btrim(column3, E' \t') AS "at__raw" FROM (SELECT row_number() OVER (ORDER BY kpi_line) AS kpi_n, kpi_fields[1] AS "column0", kpi_fields[2] AS "column1", kpi_fields[3] AS "column2", kpi_fields[4] AS "column3" FROM "kpi_scan_h_records" WHERE cardinality(kpi_fields) = 4) AS kpi_csv) AS kpi_fields) AS kpi_texts;
ANALYZE "kpi_typed_h";
DROP VIEW IF EXISTS pg_temp."kpi_rows_h" CASCADE;
CREATE TEMP VIEW "kpi_rows_h" AS SELECT * FROM "kpi_typed_h" WHERE NOT kpi_empty;

-- kpi biz_wd2 (funnel)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS grp FROM "kpi_rows_h" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS text) AS grp FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'won' THEN 2 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_calendar AS (SELECT kpi_day, CAST(coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS bigint) AS kpi_cum, kpi_s1, kpi_e1, kpi_working, CAST(sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bigint) AS kpi_wdn
  FROM (SELECT kpi_day, kpi_dow, kpi_working, coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working
    FROM (SELECT kpi_day, CAST(extract(isodow FROM kpi_day) AS bigint) AS kpi_dow, (CAST(extract(isodow FROM kpi_day) AS bigint) IN (1, 2, 3, 4, 5) AND kpi_day NOT IN (DATE '2026-10-12')) AS kpi_working
      FROM (SELECT CAST(kpi_g AS date) AS kpi_day FROM generate_series(CAST((CAST((SELECT kpi_m0 FROM (SELECT min(CAST(t AS date)) AS kpi_m0 FROM kpi_typed) AS kpi_first) AS date) + -1) AS timestamp), CAST((SELECT (kpi_m0 + 28) FROM (SELECT max(CAST(t AS date)) AS kpi_m0 FROM kpi_typed) AS kpi_last) AS timestamp), INTERVAL '1 day') AS kpi_g) AS kpi_series) AS kpi_days) AS kpi_days
  JOIN (VALUES (1, TRUE, TRUE, 32400, 28800, 61200), (1, TRUE, FALSE, 32400, 28800, 61200), (1, FALSE, TRUE, 0, 0, 0), (1, FALSE, FALSE, 0, 0, 0), (2, TRUE, TRUE, 32400, 28800, 61200), (2, TRUE, FALSE, 32400, 28800, 61200), (2, FALSE, TRUE, 0, 0, 0), (2, FALSE, FALSE, 0, 0, 0), (3, TRUE, TRUE, 32400, 28800, 61200), (3, TRUE, FALSE, 32400, 28800, 61200), (3, FALSE, TRUE, 0, 0, 0), (3, FALSE, FALSE, 0, 0, 0), (4, TRUE, TRUE, 32400, 28800, 61200), (4, TRUE, FALSE, 32400, 28800, 61200), (4, FALSE, TRUE, 0, 0, 0), (4, FALSE, FALSE, 0, 0, 0), (5, TRUE, TRUE, 32400, 28800, 61200), (5, TRUE, FALSE, 32400, 28800, 61200), (5, FALSE, TRUE, 0, 0, 0), (5, FALSE, FALSE, 0, 0, 0), (6, TRUE, TRUE, 0, 0, 0), (6, TRUE, FALSE, 0, 0, 0), (6, FALSE, TRUE, 0, 0, 0), (6, FALSE, FALSE, 0, 0, 0), (7, TRUE, TRUE, 0, 0, 0), (7, TRUE, FALSE, 0, 0, 0), (7, FALSE, TRUE, 0, 0, 0), (7, FALSE, FALSE, 0, 0, 0)) AS kpi_day_kinds(kpi_dow, kpi_working, kpi_prev_working, kpi_day_seconds, kpi_s1, kpi_e1) USING (kpi_dow, kpi_working, kpi_prev_working)),
kpi_window_ends AS (
  SELECT kpi_from.kpi_day, kpi_end.kpi_day AS kpi_end_day FROM kpi_calendar AS kpi_from JOIN kpi_calendar AS kpi_end ON kpi_end.kpi_working AND kpi_end.kpi_wdn = kpi_from.kpi_wdn + 2
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
    CAST(sum(CASE WHEN k = 0 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN CAST(floor(extract(epoch FROM t_next) * 1000) AS bigint) - CAST(floor(extract(epoch FROM t) * 1000) AS bigint) END) AS double precision) / 1000.0 AS ti2
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_lead_hours AS (
  SELECT kpi_lead.*, (kpi_b0.kpi_cum + CASE WHEN CAST(floor(extract(epoch FROM CAST(kpi_lead.f0 AS time))) AS bigint) <= kpi_b0.kpi_s1 THEN 0 WHEN CAST(floor(extract(epoch FROM CAST(kpi_lead.f0 AS time))) AS bigint) >= kpi_b0.kpi_e1 THEN kpi_b0.kpi_e1 - kpi_b0.kpi_s1 ELSE CAST(floor(extract(epoch FROM CAST(kpi_lead.f0 AS time))) AS bigint) - kpi_b0.kpi_s1 END) AS bu0, (kpi_b1.kpi_cum + CASE WHEN CAST(floor(extract(epoch FROM CAST(kpi_lead.f1 AS time))) AS bigint) <= kpi_b1.kpi_s1 THEN 0 WHEN CAST(floor(extract(epoch FROM CAST(kpi_lead.f1 AS time))) AS bigint) >= kpi_b1.kpi_e1 THEN kpi_b1.kpi_e1 - kpi_b1.kpi_s1 ELSE CAST(floor(extract(epoch FROM CAST(kpi_lead.f1 AS time))) AS bigint) - kpi_b1.kpi_s1 END) AS bu1, (kpi_b2.kpi_cum + CASE WHEN CAST(floor(extract(epoch FROM CAST(kpi_lead.f2 AS time))) AS bigint) <= kpi_b2.kpi_s1 THEN 0 WHEN CAST(floor(extract(epoch FROM CAST(kpi_lead.f2 AS time))) AS bigint) >= kpi_b2.kpi_e1 THEN kpi_b2.kpi_e1 - kpi_b2.kpi_s1 ELSE CAST(floor(extract(epoch FROM CAST(kpi_lead.f2 AS time))) AS bigint) - kpi_b2.kpi_s1 END) AS bu2
  FROM kpi_lead
    LEFT JOIN kpi_calendar AS kpi_b0 ON kpi_b0.kpi_day = CAST(kpi_lead.f0 AS date)
    LEFT JOIN kpi_calendar AS kpi_b1 ON kpi_b1.kpi_day = CAST(kpi_lead.f1 AS date)
    LEFT JOIN kpi_calendar AS kpi_b2 ON kpi_b2.kpi_day = CAST(kpi_lead.f2 AS date)
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead_hours
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) AND (a2 IS NULL OR a0 <= a2) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a0 IS NULL OR a2 <= a0) AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2)) AS kk1, CASE WHEN (1 >= st AND (kn2)) THEN CASE WHEN a1 IS NOT NULL AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a1 END AS at1, kn2 OR (2 >= st AND FALSE) AS kk2, CASE WHEN (2 >= st AND FALSE) THEN a2 ELSE a2 END AS at2 FROM kpi_known1
), kpi_windows AS (
  SELECT kpi_filled.*, (kpi_filled.at0 + (kpi_w0.kpi_end_day - CAST(kpi_filled.at0 AS date)) * INTERVAL '1' DAY) AS we0, (kpi_filled.at1 + (kpi_w1.kpi_end_day - CAST(kpi_filled.at1 AS date)) * INTERVAL '1' DAY) AS we1, (kpi_filled.at2 + (kpi_w2.kpi_end_day - CAST(kpi_filled.at2 AS date)) * INTERVAL '1' DAY) AS we2
  FROM kpi_filled
    LEFT JOIN kpi_window_ends AS kpi_w0 ON kpi_w0.kpi_day = CAST(kpi_filled.at0 AS date)
    LEFT JOIN kpi_window_ends AS kpi_w1 ON kpi_w1.kpi_day = CAST(kpi_filled.at1 AS date)
    LEFT JOIN kpi_window_ends AS kpi_w2 ON kpi_w2.kpi_day = CAST(kpi_filled.at2 AS date)
), kpi_walk AS MATERIALIZED (
  SELECT *, CASE WHEN at1 IS NOT NULL AND (at2 IS NULL OR at1 <= at2) THEN at1 WHEN at2 IS NOT NULL AND (at1 IS NULL OR at2 <= at1) THEN at2 END AS nx0, at2 AS nx1, CAST(NULL AS timestamp) AS nx2, TRUE AS go0, FALSE AS sd0, CAST(NULL AS timestamp) AS pv0, CAST(NULL AS timestamp) AS pw0 FROM kpi_windows
), kpi_walk0 AS MATERIALIZED (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN FALSE WHEN at0 < pv0 THEN FALSE ELSE at0 <= pw0 END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1, CASE WHEN r0 AND at0 IS NOT NULL THEN we0 ELSE pw0 END AS pw1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN FALSE WHEN at0 < pv0 THEN FALSE ELSE at0 <= pw0 END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS MATERIALIZED (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN FALSE WHEN at1 < pv1 THEN FALSE ELSE at1 <= pw1 END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2, CASE WHEN r1 AND at1 IS NOT NULL THEN we1 ELSE pw1 END AS pw2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN FALSE WHEN at1 < pv1 THEN FALSE ELSE at1 <= pw1 END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_walk2 AS MATERIALIZED (
  SELECT *, go2 AND NOT coalesce((go2 AND sd2 AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN FALSE WHEN at2 < pv2 THEN FALSE ELSE at2 <= pw2 END)))), FALSE) AS go3, sd2 OR coalesce(r2, FALSE) AS sd3, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv2 END AS pv3, CASE WHEN r2 AND at2 IS NOT NULL THEN we2 ELSE pw2 END AS pw3 FROM (SELECT *, coalesce((go2 AND kk2 AND (NOT sd2 OR (NOT FALSE AND (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN FALSE WHEN at2 < pv2 THEN FALSE ELSE at2 <= pw2 END)))), FALSE) AS r2 FROM kpi_walk1) AS kpi_step2
), kpi_path AS (
  SELECT *, CASE WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 END AS fn0, CASE WHEN r1 THEN bu1 WHEN r2 THEN bu2 END AS bn0, r1 AND (r2) AS cv1, CASE WHEN r2 THEN f2 END AS fn1, CASE WHEN r2 THEN bu2 END AS bn1, r2 AND FALSE AS cv2, CASE WHEN FALSE THEN CAST(NULL AS timestamp) END AS fn2, CASE WHEN FALSE THEN CAST(NULL AS bigint) END AS bn2 FROM kpi_walk2
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f2 IS NULL AND NOT u2 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 END AS at_furthest, CASE WHEN cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CAST(bn0 - bu0 AS double precision)) / 3600.0 END AS tn0, CASE WHEN cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CAST(bn1 - bu1 AS double precision)) / 3600.0 END AS tn1, CASE WHEN cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CAST(bn2 - bu2 AS double precision)) / 3600.0 END AS tn2 FROM kpi_path
)
SELECT kpi_period, tot, grp,
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
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS grp FROM "kpi_rows_h" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS text) AS grp FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'won' THEN 2 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS timestamp) AS t, "campaign" AS grp FROM "kpi_rows_h" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS text) AS grp FROM kpi_pop
), kpi_stage AS MATERIALIZED (
  SELECT raw, CASE lower(normalize(raw, NFC)) WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'won' THEN 2 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, kpi_rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY tot, grp NULLS LAST, place;
;
