-- kpi sql --dialect postgres
CREATE OR REPLACE FUNCTION pg_temp.kpi_number(s text, mark text) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS $kpi$ SELECT CASE WHEN s ~ '^[0-9]{1,15}$' THEN CAST(CAST(s AS bigint) AS double precision) ELSE (SELECT CASE WHEN length(regexp_replace(lead, '[^-+−]', '', 'g')) > 1 OR regexp_replace(lead, '[-+−( \u00a0\u0024\u00a2-\u00a5\u058f\u060b\u07fe-\u07ff\u09f2-\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\u20a0-\u20bf\ua838\ufdfc\ufe69\uff04\uffe0-\uffe1\uffe5-\uffe6]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(whole, '[^0-9]', '', 'g')) >= 19 THEN (SELECT CASE WHEN t ~ '^-?[0-9]+(\.[0-9]*)?$' THEN CAST(t AS double precision) END FROM (SELECT replace(regexp_replace(s, '[^-0-9' || mark || ']', '', 'g'), mark, '.') AS t) AS kpi_t) WHEN length(regexp_replace(rest, '[^%]', '', 'g')) > 1 OR regexp_replace(rest, '[%) \u00a0\u0024\u00a2-\u00a5\u058f\u060b\u07fe-\u07ff\u09f2-\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\u20a0-\u20bf\ua838\ufdfc\ufe69\uff04\uffe0-\uffe1\uffe5-\uffe6]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (whole = '' AND length(frac) < 2) THEN NULL ELSE (CASE WHEN substring(lead FROM '([(+\-−])[^(+\-−]*$') IN ('(', '-', '−') THEN CAST(-1 AS double precision) ELSE CAST(1 AS double precision) END) * (CAST(CAST(CASE WHEN whole = '' THEN '0' ELSE regexp_replace(whole, '[^0-9]', '', 'g') END AS bigint) AS double precision) + CASE WHEN length(frac) < 2 THEN CAST(0 AS double precision) ELSE CAST(CAST(left(substr(frac, 2), 15) AS bigint) AS double precision) / power(CAST(10 AS double precision), length(left(substr(frac, 2), 15))) END) / (CASE WHEN strpos(rest, '%') > 0 THEN CAST(100 AS double precision) ELSE CAST(1 AS double precision) END) END FROM (SELECT coalesce(m[1], '') AS lead, coalesce(m[2], '') AS whole, coalesce(m[3], '') AS frac, coalesce(m[4], '') AS rest FROM (SELECT regexp_match(s, CASE WHEN mark = '.' THEN '^([^0-9.]*)([0-9][0-9, \u00a0'']*)?(\.[0-9]*)?(.*)$' ELSE '^([^0-9,]*)([0-9][0-9. \u00a0'']*)?(,[0-9]*)?(.*)$' END) AS m) AS kpi_m) AS p) END $kpi$;
CREATE OR REPLACE FUNCTION pg_temp.kpi_datetime(m text[], iy4 integer, iy2 integer, imo integer, id integer, ih integer, imi integer, isec integer, ifr integer) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $kpi$ SELECT CASE WHEN y IS NULL THEN NULL WHEN mo < 1 OR mo > 12 OR d < 1 OR h > 23 OR mi > 59 OR s > 59 THEN NULL WHEN d > CAST(extract(day FROM make_date(CASE WHEN y = 0 THEN -1 ELSE y END, mo, 1) + INTERVAL '1 month' - INTERVAL '1 day') AS integer) THEN NULL ELSE make_timestamp(CASE WHEN y = 0 THEN -1 ELSE y END, mo, d, h, mi, s) + fr * INTERVAL '1 millisecond' END FROM (SELECT CASE WHEN m[iy4] <> '' THEN CAST(m[iy4] AS integer) WHEN m[iy2] <> '' THEN 2000 + CAST(m[iy2] AS integer) END AS y, CASE WHEN m[imo] = '' THEN 1 ELSE CAST(m[imo] AS integer) END AS mo, CASE WHEN m[id] = '' THEN 1 ELSE CAST(m[id] AS integer) END AS d, CASE WHEN m[ih] = '' THEN 0 ELSE CAST(m[ih] AS integer) END AS h, CASE WHEN m[imi] = '' THEN 0 ELSE CAST(m[imi] AS integer) END AS mi, CASE WHEN m[isec] = '' THEN 0 ELSE CAST(m[isec] AS integer) END AS s, CASE WHEN m[ifr] = '' THEN 0 ELSE CAST(rpad(left(m[ifr], 3), 3, '0') AS integer) END AS fr) AS f $kpi$;

-- source orders
DROP TABLE IF EXISTS pg_temp."kpi_scan_orders_lines" CASCADE;
CREATE TEMP TABLE "kpi_scan_orders_lines" (kpi_line bigint GENERATED ALWAYS AS IDENTITY, kpi_text text);
COPY "kpi_scan_orders_lines" (kpi_text) FROM 'examples/retention/don-hang.csv' (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02', ENCODING 'UTF8');
DROP TABLE IF EXISTS pg_temp."kpi_scan_orders_records" CASCADE;
CREATE TEMP TABLE "kpi_scan_orders_records" AS SELECT kpi_line, CASE WHEN kpi_text ~ '^([^"\u002c]*|"[^"\u002c]+")(\u002c([^"\u002c]*|"[^"\u002c]+"))*$' THEN string_to_array(replace(kpi_text, '"', ''), ',', '') ELSE ARRAY(SELECT CASE WHEN f[1] LIKE '"%' THEN replace(substr(f[1], 2, length(f[1]) - 2), '""', '"') ELSE nullif(f[1], '') END FROM regexp_matches(',' || kpi_text, '\u002c("(?:[^"]|"")*"|[^\u002c]*)', 'g') WITH ORDINALITY AS kpi_f(f, i) ORDER BY i) END AS kpi_fields FROM (WITH kpi_o AS (SELECT kpi_line, kpi_text, kpi_q, coalesce(sum(kpi_q) OVER (ORDER BY kpi_line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) % 2 AS kpi_open FROM (SELECT kpi_line, kpi_text, (length(coalesce(kpi_text, '')) - length(replace(coalesce(kpi_text, ''), '"', ''))) % 2 AS kpi_q FROM "kpi_scan_orders_lines" WHERE kpi_line > 1) AS kpi_l) SELECT kpi_line, kpi_text FROM kpi_o WHERE kpi_open = 0 AND kpi_q = 0 UNION ALL SELECT min(kpi_line), string_agg(coalesce(kpi_text, ''), E'\n' ORDER BY kpi_line) FROM (SELECT kpi_line, kpi_text, sum(CASE WHEN kpi_open = 0 THEN 1 ELSE 0 END) OVER (ORDER BY kpi_line) AS kpi_rec FROM kpi_o WHERE kpi_open = 1 OR kpi_q = 1) AS kpi_r GROUP BY kpi_rec) AS kpi_j WHERE kpi_text <> '';
ANALYZE "kpi_scan_orders_records";
DROP TABLE IF EXISTS pg_temp."kpi_rejects_orders" CASCADE;
CREATE TEMP TABLE "kpi_rejects_orders" AS SELECT kpi_r.kpi_line AS line, kpi_r.kpi_k AS fields, string_agg(coalesce(kpi_t.kpi_text, ''), E'\n' ORDER BY kpi_t.kpi_line) AS csv_line FROM (SELECT kpi_line, kpi_k, kpi_next FROM (SELECT kpi_line, cardinality(kpi_fields) AS kpi_k, lead(kpi_line) OVER (ORDER BY kpi_line) AS kpi_next FROM "kpi_scan_orders_records") AS kpi_a WHERE kpi_k <> 7) AS kpi_r CROSS JOIN LATERAL generate_series(kpi_r.kpi_line, coalesce(kpi_r.kpi_next - 1, (SELECT max(kpi_line) FROM "kpi_scan_orders_lines"))) AS kpi_g(kpi_n) JOIN "kpi_scan_orders_lines" AS kpi_t ON kpi_t.kpi_line = kpi_g.kpi_n GROUP BY kpi_r.kpi_line, kpi_r.kpi_k;
ANALYZE "kpi_rejects_orders";
DROP TABLE IF EXISTS pg_temp."kpi_typed_orders" CASCADE;
CREATE TEMP TABLE "kpi_typed_orders" AS SELECT kpi_record, kpi_empty, "created_at__text", CAST(pg_temp.kpi_datetime(regexp_match("created_at__text", '^ *([0-9]{2,2})\/([0-9]{2,2})\/([0-9]{4,4}) *$()()()()()'), 3, 4, 2, 1, 5, 6, 7, 8) AS date) AS "created_at", "customer_id__cleaned", "customer_id", "region__cleaned", "region", "status__cleaned", "status" FROM (SELECT kpi_record, kpi_empty, CASE WHEN "created_at__raw" IS NULL OR "created_at__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE "created_at__raw" END AS "created_at__text", CASE WHEN "customer_id__raw" IS NULL OR "customer_id__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(normalize(CASE WHEN ("customer_id__raw" ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN btrim(regexp_replace("customer_id__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', '', 'g'), E' \t') ELSE "customer_id__raw" END, NFC), '') END AS "customer_id", "customer_id__cleaned", CASE WHEN "region__raw" IS NULL OR "region__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(normalize(CASE WHEN ("region__raw" ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN btrim(regexp_replace("region__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', '', 'g'), E' \t') ELSE "region__raw" END, NFC), '') END AS "region", "region__cleaned", CASE WHEN "status__raw" IS NULL OR "status__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(normalize(CASE WHEN ("status__raw" ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN btrim(regexp_replace("status__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', '', 'g'), E' \t') ELSE "status__raw" END, NFC), '') END AS "status", "status__cleaned" FROM (SELECT kpi_n AS kpi_record, ("column0" IS NULL OR "column0" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column1" IS NULL OR "column1" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column2" IS NULL OR "column2" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column3" IS NULL OR "column3" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column4" IS NULL OR "column4" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column5" IS NULL OR "column5" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AND ("column6" IS NULL OR "column6" ~ '^[\u0009-\u000d\u001c-\u0020]*$') AS kpi_empty, btrim(column1, E' \t') AS "created_at__raw", btrim(column2, E' \t') AS "customer_id__raw", CASE WHEN (column2 ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN column2 END AS "customer_id__cleaned", btrim(column3, E' \t') AS "region__raw", CASE WHEN (column3 ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN column3 END AS "region__cleaned", btrim(column6, E' \t') AS "status__raw", CASE WHEN (column6 ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') THEN column6 END AS "status__cleaned" FROM (SELECT row_number() OVER (ORDER BY kpi_line) AS kpi_n, kpi_fields[1] AS "column0", kpi_fields[2] AS "column1", kpi_fields[3] AS "column2", kpi_fields[4] AS "column3", kpi_fields[5] AS "column4", kpi_fields[6] AS "column5", kpi_fields[7] AS "column6" FROM "kpi_scan_orders_records" WHERE cardinality(kpi_fields) = 7) AS kpi_csv) AS kpi_fields) AS kpi_texts;
ANALYZE "kpi_typed_orders";
DROP VIEW IF EXISTS pg_temp."kpi_rows_orders" CASCADE;
CREATE TEMP VIEW "kpi_rows_orders" AS SELECT * FROM "kpi_typed_orders" WHERE NOT kpi_empty AND "created_at" IS NOT NULL;

-- kpi churn (customers)
WITH kpi_population AS (SELECT CAST(NULL AS text) AS kpi_g, CAST(CAST(extract(epoch FROM CAST(CAST("created_at" AS date) AS timestamp)) AS double precision) / 86400 AS bigint) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR "customer_id" ~ '^[\u0009-\u000d\u001c-\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$') THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS text) AS kpi_order, CAST(NULL AS double precision) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS text) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS text) AS kpi_g, CAST(CAST(extract(epoch FROM CAST(CAST("created_at" AS date) AS timestamp)) AS double precision) / 86400 AS bigint) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR "customer_id" ~ '^[\u0009-\u000d\u001c-\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$') THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS text) AS kpi_order, CAST(NULL AS double precision) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS text) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
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
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi crr (customers)
WITH kpi_population AS (SELECT "region" AS kpi_g, CAST(CAST(extract(epoch FROM CAST(CAST("created_at" AS date) AS timestamp)) AS double precision) / 86400 AS bigint) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR "customer_id" ~ '^[\u0009-\u000d\u001c-\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$') THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS text) AS kpi_order, CAST(NULL AS double precision) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS text) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
  UNION ALL SELECT 0, kpi_g, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT "region" AS kpi_g, CAST(CAST(extract(epoch FROM CAST(CAST("created_at" AS date) AS timestamp)) AS double precision) / 86400 AS bigint) AS kpi_day, CASE WHEN ("customer_id" IS NULL OR "customer_id" ~ '^[\u0009-\u000d\u001c-\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$') THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS text) AS kpi_order, CAST(NULL AS double precision) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS text) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
  UNION ALL SELECT 0, kpi_g, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
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
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;
