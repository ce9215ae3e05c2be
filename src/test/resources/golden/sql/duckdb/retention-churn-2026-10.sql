-- kpi sql --dialect duckdb
CREATE OR REPLACE TEMP MACRO kpi_number(s, p, mark) AS CASE WHEN NOT regexp_full_match(p.lead, '[+\-−(\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.lead, '[^+\-−]', '', 'g')) > 1 OR regexp_replace(p.lead, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '', 'g')) >= 19 THEN TRY_CAST(replace(regexp_replace(s, '[^0-9\-' || mark || ']', '', 'g'), mark, '.') AS DOUBLE) WHEN NOT regexp_full_match(p.rest, '[%)\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.rest, '[^%]', '', 'g')) > 1 OR regexp_replace(p.rest, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\-−])[^(+\-−]*$', 1) IN ('(', '-', '−') THEN -1.0 ELSE 1.0 END) * (CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '', 'g') END AS BIGINT)::DOUBLE + CASE WHEN length(p.frac) < 2 THEN 0.0 ELSE CAST(left(substr(p.frac, 2), 15) AS BIGINT)::DOUBLE / pow(10.0, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN contains(p.rest, '%') THEN 100.0 ELSE 1.0 END) END;
CREATE OR REPLACE TEMP MACRO kpi_datetime(p) AS CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL WHEN (p.h <> '' AND CAST(p.h AS INT) > 23) OR (p.mi <> '' AND CAST(p.mi AS INT) > 59) OR (p.s <> '' AND CAST(p.s AS INT) > 59) THEN NULL ELSE try(make_timestamp(CASE WHEN p.y4 <> '' THEN CAST(p.y4 AS BIGINT) ELSE 2000 + CAST(p.y2 AS BIGINT) END, CASE WHEN p.mo = '' THEN 1 ELSE CAST(p.mo AS BIGINT) END, CASE WHEN p.d = '' THEN 1 ELSE CAST(p.d AS BIGINT) END, CASE WHEN p.h = '' THEN 0 ELSE CAST(p.h AS BIGINT) END, CASE WHEN p.mi = '' THEN 0 ELSE CAST(p.mi AS BIGINT) END, CASE WHEN p.s = '' THEN 0 ELSE CAST(p.s AS BIGINT) END) + to_milliseconds(CASE WHEN p.f = '' THEN 0 ELSE CAST(rpad(left(p.f, 3), 3, '0') AS BIGINT) END)) END;
CREATE OR REPLACE TEMP MACRO kpi_number_dot(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9\.]*)([0-9][0-9, \x{a0}'']*)?(\.[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, '.'))[1] END;
CREATE OR REPLACE TEMP MACRO kpi_number_comma(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9,]*)([0-9][0-9\. \x{a0}'']*)?(,[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, ','))[1] END;

-- source orders
CREATE OR REPLACE TEMP TABLE "kpi_typed_orders" AS SELECT kpi_record, kpi_empty, "created_at__text", CAST(CASE WHEN regexp_full_match("created_at__text", '[0-9]{2}\/[0-9]{2}\/[0-9]{4}') THEN try_strptime("created_at__text", '%d/%m/%Y') END AS DATE) AS "created_at", "customer_id", "region", "status" FROM (SELECT kpi_record, kpi_empty, CASE WHEN "created_at__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "created_at__raw") IS NOT NULL THEN NULL ELSE "created_at__raw" END AS "created_at__text", CASE WHEN "customer_id__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "customer_id__raw") IS NOT NULL THEN NULL ELSE CASE WHEN regexp_matches("customer_id__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]') THEN nfc_normalize(trim(regexp_replace("customer_id__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')) ELSE nfc_normalize("customer_id__raw") END END AS "customer_id", CASE WHEN "region__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "region__raw") IS NOT NULL THEN NULL ELSE CASE WHEN regexp_matches("region__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]') THEN nfc_normalize(trim(regexp_replace("region__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')) ELSE nfc_normalize("region__raw") END END AS "region", CASE WHEN "status__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "status__raw") IS NOT NULL THEN NULL ELSE CASE WHEN regexp_matches("status__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]') THEN nfc_normalize(trim(regexp_replace("status__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')) ELSE nfc_normalize("status__raw") END END AS "status" FROM (SELECT row_number() OVER () AS kpi_record, ("column0" IS NULL OR regexp_full_match("column0", '[\t-\r\x1c-\x20]*')) AND ("column1" IS NULL OR regexp_full_match("column1", '[\t-\r\x1c-\x20]*')) AND ("column2" IS NULL OR regexp_full_match("column2", '[\t-\r\x1c-\x20]*')) AND ("column3" IS NULL OR regexp_full_match("column3", '[\t-\r\x1c-\x20]*')) AND ("column4" IS NULL OR regexp_full_match("column4", '[\t-\r\x1c-\x20]*')) AND ("column5" IS NULL OR regexp_full_match("column5", '[\t-\r\x1c-\x20]*')) AND ("column6" IS NULL OR regexp_full_match("column6", '[\t-\r\x1c-\x20]*')) AS kpi_empty, CASE WHEN starts_with(column1, ' ') OR starts_with(column1, '	') OR ends_with(column1, ' ') OR ends_with(column1, '	') THEN trim(column1, ' 	') ELSE column1 END AS "created_at__raw", CASE WHEN starts_with(column2, ' ') OR starts_with(column2, '	') OR ends_with(column2, ' ') OR ends_with(column2, '	') THEN trim(column2, ' 	') ELSE column2 END AS "customer_id__raw", CASE WHEN starts_with(column3, ' ') OR starts_with(column3, '	') OR ends_with(column3, ' ') OR ends_with(column3, '	') THEN trim(column3, ' 	') ELSE column3 END AS "region__raw", CASE WHEN starts_with(column6, ' ') OR starts_with(column6, '	') OR ends_with(column6, ' ') OR ends_with(column6, '	') THEN trim(column6, ' 	') ELSE column6 END AS "status__raw" FROM read_csv('examples/retention/don-hang.csv', header = false, skip = 1, auto_detect = false, all_varchar = true, delim = ',', quote = '"', escape = '"', columns = {'column0': 'VARCHAR', 'column1': 'VARCHAR', 'column2': 'VARCHAR', 'column3': 'VARCHAR', 'column4': 'VARCHAR', 'column5': 'VARCHAR', 'column6': 'VARCHAR'}, store_rejects = true, rejects_table = 'kpi_rejects_orders', rejects_scan = 'kpi_scan_orders')) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMP VIEW "kpi_rows_orders" AS SELECT * FROM "kpi_typed_orders" WHERE NOT kpi_empty AND "created_at" IS NOT NULL;

-- kpi churn (customers)
WITH kpi_population AS (SELECT CAST(NULL AS VARCHAR) AS kpi_g, (CAST("created_at" AS DATE) - DATE '1970-01-01') AS kpi_day, CASE WHEN ("customer_id" IS NULL OR regexp_full_match("customer_id", '[\t-\r\x1c-\x20\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200a}\x{2028}\x{2029}\x{205f}\x{3000}]*')) THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS VARCHAR) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS VARCHAR) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS VARCHAR) AS kpi_g, (CAST("created_at" AS DATE) - DATE '1970-01-01') AS kpi_day, CASE WHEN ("customer_id" IS NULL OR regexp_full_match("customer_id", '[\t-\r\x1c-\x20\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200a}\x{2028}\x{2029}\x{205f}\x{3000}]*')) THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS VARCHAR) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS VARCHAR) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_start - 1 - kpi_before < 90 THEN 1 END) AS s,
  count(CASE WHEN kpi_last - kpi_end < 90 THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
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
WITH kpi_population AS (SELECT "region" AS kpi_g, (CAST("created_at" AS DATE) - DATE '1970-01-01') AS kpi_day, CASE WHEN ("customer_id" IS NULL OR regexp_full_match("customer_id", '[\t-\r\x1c-\x20\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200a}\x{2028}\x{2029}\x{205f}\x{3000}]*')) THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS VARCHAR) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS VARCHAR) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
  UNION ALL SELECT 0, kpi_g, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT "region" AS kpi_g, (CAST("created_at" AS DATE) - DATE '1970-01-01') AS kpi_day, CASE WHEN ("customer_id" IS NULL OR regexp_full_match("customer_id", '[\t-\r\x1c-\x20\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200a}\x{2028}\x{2029}\x{205f}\x{3000}]*')) THEN NULL ELSE "customer_id" END AS kpi_customer, CAST(NULL AS VARCHAR) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM "kpi_rows_orders" WHERE (lower("status") = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS VARCHAR) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
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
