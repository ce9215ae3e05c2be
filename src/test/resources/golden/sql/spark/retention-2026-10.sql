-- kpi sql --dialect spark
SET spark.sql.parser.escapedStringLiterals = false;

-- source orders
CREATE OR REPLACE TEMPORARY VIEW `kpi_scan_orders` (`column0` STRING, `column1` STRING, `column2` STRING, `column3` STRING, `column4` STRING, `column5` STRING, `column6` STRING, kpi_corrupt STRING) USING csv OPTIONS (path 'examples/retention/don-hang.csv', header 'false', sep ',', quote '"', escape '"', multiLine 'true', mode 'PERMISSIVE', columnNameOfCorruptRecord 'kpi_corrupt', encoding 'UTF-8', ignoreLeadingWhiteSpace 'false', ignoreTrailingWhiteSpace 'false');
CREATE OR REPLACE TEMPORARY VIEW `kpi_rejects_orders` AS SELECT kpi_line, `column0`, `column1`, `column2`, `column3`, `column4`, `column5`, `column6`, kpi_corrupt, `column0` AS kpi_first_field, kpi_line + 1 AS kpi_file_record, CASE WHEN instr(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '"') = 0 THEN size(split(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '\\Q,\\E', -1)) END AS kpi_found FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_orders`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NOT NULL;
CREATE OR REPLACE TEMPORARY VIEW `kpi_typed_orders` AS /* a table elsewhere: CACHE TABLE it */ SELECT kpi_record, kpi_empty, `order_id__cleaned`, `order_id`, `created_at__text`, CAST(transform(array(`created_at__text`), s -> transform(array(named_struct('d', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 1), 'mo', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 2), 'y4', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 3), 'y2', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 4), 'h', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 5), 'mi', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 6), 's', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 7), 'f', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 8))), p -> CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL ELSE try_cast(concat(CASE WHEN p.y4 <> '' THEN p.y4 ELSE CAST(2000 + CAST(p.y2 AS INT) AS STRING) END, '-', lpad(CASE WHEN p.mo = '' THEN '1' ELSE p.mo END, 2, '0'), '-', lpad(CASE WHEN p.d = '' THEN '1' ELSE p.d END, 2, '0'), ' ', lpad(CASE WHEN p.h = '' THEN '0' ELSE p.h END, 2, '0'), ':', lpad(CASE WHEN p.mi = '' THEN '0' ELSE p.mi END, 2, '0'), ':', lpad(CASE WHEN p.s = '' THEN '0' ELSE p.s END, 2, '0'), '.', rpad(left(p.f, 3), 3, '0')) AS TIMESTAMP_NTZ) END)[0])[0] AS DATE) AS `created_at`, `customer_id__cleaned`, `customer_id`, `region__cleaned`, `region`, `amount__text`, transform(array(`amount__text`), s -> CASE WHEN s RLIKE '^[0-9]{1,15}\\z' THEN CAST(CAST(s AS BIGINT) AS DOUBLE) ELSE transform(array(named_struct('lead', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 1), 'whole', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 2), 'frac', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 3), 'rest', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 4))), p -> CASE WHEN NOT (p.lead RLIKE '^[+\\-−(\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.lead, '[^+\\-−]', '')) > 1 OR regexp_replace(p.lead, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '')) >= 19 THEN try_cast(replace(regexp_replace(s, '[^0-9\\-,]', ''), ',', '.') AS DOUBLE) WHEN NOT (p.rest RLIKE '^[%)\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.rest, '[^%]', '')) > 1 OR regexp_replace(p.rest, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\\-−])[^(+\\-−]*\\z', 1) IN ('(', '-', '−') THEN -1.0D ELSE 1.0D END) * (CAST(CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '') END AS BIGINT) AS DOUBLE) + CASE WHEN length(p.frac) < 2 THEN 0.0D ELSE CAST(CAST(left(substr(p.frac, 2), 15) AS BIGINT) AS DOUBLE) / pow(10.0D, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN instr(p.rest, '%') > 0 THEN 100.0D ELSE 1.0D END) END)[0] END)[0] AS `amount`, `status__cleaned`, `status` FROM (SELECT kpi_record, kpi_empty, CASE WHEN `order_id__raw` IS NULL OR `order_id__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`order_id__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`order_id__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `order_id__raw` END, '') END AS `order_id`, `order_id__cleaned`, CASE WHEN `created_at__raw` IS NULL OR `created_at__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `created_at__raw` END AS `created_at__text`, CASE WHEN `customer_id__raw` IS NULL OR `customer_id__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`customer_id__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`customer_id__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `customer_id__raw` END, '') END AS `customer_id`, `customer_id__cleaned`, CASE WHEN `region__raw` IS NULL OR `region__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`region__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`region__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `region__raw` END, '') END AS `region`, `region__cleaned`, CASE WHEN `amount__raw` IS NULL OR `amount__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `amount__raw` END AS `amount__text`, CASE WHEN `status__raw` IS NULL OR `status__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`status__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`status__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `status__raw` END, '') END AS `status`, `status__cleaned` FROM (SELECT kpi_line AS kpi_record, (`column0` IS NULL OR `column0` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column1` IS NULL OR `column1` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column2` IS NULL OR `column2` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column3` IS NULL OR `column3` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column4` IS NULL OR `column4` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column5` IS NULL OR `column5` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column6` IS NULL OR `column6` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AS kpi_empty, btrim(column0, ' 	') AS `order_id__raw`, CASE WHEN (column0 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column0 END AS `order_id__cleaned`, btrim(column1, ' 	') AS `created_at__raw`, btrim(column2, ' 	') AS `customer_id__raw`, CASE WHEN (column2 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column2 END AS `customer_id__cleaned`, btrim(column3, ' 	') AS `region__raw`, CASE WHEN (column3 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column3 END AS `region__cleaned`, btrim(column5, ' 	') AS `amount__raw`, btrim(column6, ' 	') AS `status__raw`, CASE WHEN (column6 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column6 END AS `status__cleaned` FROM (SELECT * FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_orders`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NULL)) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMPORARY VIEW `kpi_rows_orders` AS SELECT * FROM `kpi_typed_orders` WHERE NOT kpi_empty AND `created_at` IS NOT NULL;

-- kpi revenue (sum)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS `rows`,
  count(`amount`) AS `n`,
  0 AS `partial`,
  CAST(sum(CAST(`amount` AS DECIMAL(38, 18))) AS DOUBLE) AS `value`
FROM (SELECT * FROM `kpi_rows_orders` AS kpi_rows WHERE (lower(`status`) <> 'đã hủy')) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`created_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`created_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi new (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  0 AS dormant_start,
  0 AS reactivated_start,
  0 AS reactivations,
  0 AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi active (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
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

-- kpi churn (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
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
WITH kpi_population AS (SELECT `region` AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
  UNION ALL SELECT 0, kpi_g, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT `region` AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population
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

-- kpi lifecycle (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  0 AS dormant_start,
  0 AS reactivated_start,
  0 AS reactivations,
  0 AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi cohorts (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_in AS (SELECT DISTINCT kpi_total, kpi_group, kpi_customer, kpi_q FROM kpi_activity JOIN (VALUES (0, 20393, 20422), (1, 20423, 20453), (2, 20454, 20484), (3, 20485, 20512), (4, 20513, 20543), (5, 20544, 20573), (6, 20574, 20604), (7, 20605, 20634), (8, 20635, 20665), (9, 20666, 20696), (10, 20697, 20726), (11, 20727, 20757)) AS kpi_cohort_periods(kpi_q, kpi_start, kpi_last) ON kpi_day BETWEEN kpi_start AND kpi_last),
kpi_members AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_q FROM (SELECT kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first FROM kpi_activity GROUP BY kpi_total, kpi_group, kpi_customer) AS kpi_firsts JOIN (VALUES (0, 20393, 20422), (1, 20423, 20453), (2, 20454, 20484), (3, 20485, 20512), (4, 20513, 20543), (5, 20544, 20573), (6, 20574, 20604), (7, 20605, 20634), (8, 20635, 20665), (9, 20666, 20696), (10, 20697, 20726), (11, 20727, 20757)) AS kpi_cohort_periods(kpi_q, kpi_start, kpi_last) ON kpi_first BETWEEN kpi_start AND kpi_last)
SELECT m.kpi_q AS kpi_cohort, a.kpi_q AS kpi_later, m.kpi_total, m.kpi_group, count(*) AS kpi_customers
FROM kpi_members AS m JOIN kpi_in AS a ON a.kpi_total = m.kpi_total AND a.kpi_group IS NOT DISTINCT FROM m.kpi_group AND a.kpi_customer = m.kpi_customer AND a.kpi_q >= m.kpi_q
GROUP BY m.kpi_q, a.kpi_q, m.kpi_total, m.kpi_group
UNION ALL SELECT kpi_q, NULL, kpi_total, kpi_group, count(*) FROM kpi_members GROUP BY kpi_q, kpi_total, kpi_group;

-- kpi dormant (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_wd AS (SELECT datediff(kpi_day, DATE '1970-01-01') AS kpi_d, kpi_wdn, kpi_working FROM (SELECT kpi_day, CAST(coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS kpi_cum, kpi_s1, kpi_e1, kpi_working, CAST(sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS kpi_wdn
  FROM (SELECT kpi_day, kpi_dow, kpi_working, coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working
    FROM (SELECT kpi_day, (weekday(kpi_day) + 1) AS kpi_dow, ((weekday(kpi_day) + 1) IN (1, 2, 3, 4, 5, 6) AND kpi_day NOT IN (DATE '2025-01-01', DATE '2025-01-25', DATE '2025-01-26', DATE '2025-01-27', DATE '2025-01-28', DATE '2025-01-29', DATE '2025-01-30', DATE '2025-01-31', DATE '2025-02-01', DATE '2025-02-02', DATE '2025-04-30', DATE '2025-05-01', DATE '2025-09-01', DATE '2025-09-02', DATE '2026-01-01', DATE '2026-02-14', DATE '2026-02-15', DATE '2026-02-16', DATE '2026-02-17', DATE '2026-02-18', DATE '2026-02-19', DATE '2026-02-20', DATE '2026-02-21', DATE '2026-02-22', DATE '2026-04-30', DATE '2026-05-01', DATE '2026-09-01', DATE '2026-09-02')) AS kpi_working
      FROM (SELECT explode(CASE WHEN kpi_from <= kpi_to THEN sequence(kpi_from, kpi_to, INTERVAL 1 DAY) END) AS kpi_day FROM (SELECT CAST((CAST((DATE '1970-01-01' + CAST((SELECT min(kpi_x) FROM (SELECT min(kpi_day) AS kpi_x FROM kpi_activity UNION ALL SELECT min(kpi_start - 1) FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS kpi_edge) AS INT)) AS DATE) + -1) AS DATE) AS kpi_from, CAST((DATE '1970-01-01' + CAST((SELECT max(kpi_x) FROM (SELECT max(kpi_day) AS kpi_x FROM kpi_activity UNION ALL SELECT max(kpi_last) FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS kpi_edge) AS INT)) AS DATE) AS kpi_to) AS kpi_bounds) AS kpi_series) AS kpi_days) AS kpi_days
  JOIN (VALUES (1, TRUE, TRUE, 46800, 28800, 75600), (1, TRUE, FALSE, 46800, 28800, 75600), (1, FALSE, TRUE, 0, 0, 0), (1, FALSE, FALSE, 0, 0, 0), (2, TRUE, TRUE, 46800, 28800, 75600), (2, TRUE, FALSE, 46800, 28800, 75600), (2, FALSE, TRUE, 0, 0, 0), (2, FALSE, FALSE, 0, 0, 0), (3, TRUE, TRUE, 46800, 28800, 75600), (3, TRUE, FALSE, 46800, 28800, 75600), (3, FALSE, TRUE, 0, 0, 0), (3, FALSE, FALSE, 0, 0, 0), (4, TRUE, TRUE, 46800, 28800, 75600), (4, TRUE, FALSE, 46800, 28800, 75600), (4, FALSE, TRUE, 0, 0, 0), (4, FALSE, FALSE, 0, 0, 0), (5, TRUE, TRUE, 46800, 28800, 75600), (5, TRUE, FALSE, 46800, 28800, 75600), (5, FALSE, TRUE, 0, 0, 0), (5, FALSE, FALSE, 0, 0, 0), (6, TRUE, TRUE, 46800, 28800, 75600), (6, TRUE, FALSE, 46800, 28800, 75600), (6, FALSE, TRUE, 0, 0, 0), (6, FALSE, FALSE, 0, 0, 0), (7, TRUE, TRUE, 0, 0, 0), (7, TRUE, FALSE, 0, 0, 0), (7, FALSE, TRUE, 0, 0, 0), (7, FALSE, FALSE, 0, 0, 0)) AS kpi_day_kinds(kpi_dow, kpi_working, kpi_prev_working, kpi_day_seconds, kpi_s1, kpi_e1) USING (kpi_dow, kpi_working, kpi_prev_working)) AS kpi_days),
kpi_days AS (SELECT *, kpi_wdn - CASE WHEN kpi_working THEN 1 ELSE 0 END - lag(kpi_wdn) OVER (PARTITION BY kpi_total, kpi_group, kpi_customer ORDER BY kpi_day) AS kpi_gap
  FROM (SELECT a.*, w.kpi_wdn, w.kpi_working FROM (SELECT DISTINCT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity) AS a JOIN kpi_wd AS w ON w.kpi_d = a.kpi_day) AS kpi_active),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, max(CASE WHEN kpi_day < kpi_start THEN kpi_wdn END) AS kpi_before_wdn, max(kpi_wdn) AS kpi_end_wdn, kpi_start_1_wdn, kpi_last_wdn, count(CASE WHEN kpi_day >= kpi_start AND kpi_gap >= 60 THEN 1 END) AS kpi_back
  FROM kpi_days JOIN (SELECT p.*, s.kpi_wdn AS kpi_start_1_wdn, l.kpi_wdn AS kpi_last_wdn FROM (SELECT * FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS p LEFT JOIN kpi_wd AS s ON s.kpi_d = p.kpi_start - 1 LEFT JOIN kpi_wd AS l ON l.kpi_d = p.kpi_last) AS kpi_edges ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_start_1_wdn, kpi_last_wdn, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  count(CASE WHEN (kpi_start_1_wdn - kpi_before_wdn) >= 60 THEN 1 END) AS dormant_start,
  count(CASE WHEN ((kpi_start_1_wdn - kpi_before_wdn) >= 60) AND kpi_end >= kpi_start THEN 1 END) AS reactivated_start,
  sum(kpi_back) AS reactivations,
  count(CASE WHEN (kpi_last_wdn - kpi_end_wdn) >= 60 THEN 1 END) AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi reactivated (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_wd AS (SELECT datediff(kpi_day, DATE '1970-01-01') AS kpi_d, kpi_wdn, kpi_working FROM (SELECT kpi_day, CAST(coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS kpi_cum, kpi_s1, kpi_e1, kpi_working, CAST(sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS kpi_wdn
  FROM (SELECT kpi_day, kpi_dow, kpi_working, coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working
    FROM (SELECT kpi_day, (weekday(kpi_day) + 1) AS kpi_dow, ((weekday(kpi_day) + 1) IN (1, 2, 3, 4, 5, 6) AND kpi_day NOT IN (DATE '2025-01-01', DATE '2025-01-25', DATE '2025-01-26', DATE '2025-01-27', DATE '2025-01-28', DATE '2025-01-29', DATE '2025-01-30', DATE '2025-01-31', DATE '2025-02-01', DATE '2025-02-02', DATE '2025-04-30', DATE '2025-05-01', DATE '2025-09-01', DATE '2025-09-02', DATE '2026-01-01', DATE '2026-02-14', DATE '2026-02-15', DATE '2026-02-16', DATE '2026-02-17', DATE '2026-02-18', DATE '2026-02-19', DATE '2026-02-20', DATE '2026-02-21', DATE '2026-02-22', DATE '2026-04-30', DATE '2026-05-01', DATE '2026-09-01', DATE '2026-09-02')) AS kpi_working
      FROM (SELECT explode(CASE WHEN kpi_from <= kpi_to THEN sequence(kpi_from, kpi_to, INTERVAL 1 DAY) END) AS kpi_day FROM (SELECT CAST((CAST((DATE '1970-01-01' + CAST((SELECT min(kpi_x) FROM (SELECT min(kpi_day) AS kpi_x FROM kpi_activity UNION ALL SELECT min(kpi_start - 1) FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS kpi_edge) AS INT)) AS DATE) + -1) AS DATE) AS kpi_from, CAST((DATE '1970-01-01' + CAST((SELECT max(kpi_x) FROM (SELECT max(kpi_day) AS kpi_x FROM kpi_activity UNION ALL SELECT max(kpi_last) FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS kpi_edge) AS INT)) AS DATE) AS kpi_to) AS kpi_bounds) AS kpi_series) AS kpi_days) AS kpi_days
  JOIN (VALUES (1, TRUE, TRUE, 46800, 28800, 75600), (1, TRUE, FALSE, 46800, 28800, 75600), (1, FALSE, TRUE, 0, 0, 0), (1, FALSE, FALSE, 0, 0, 0), (2, TRUE, TRUE, 46800, 28800, 75600), (2, TRUE, FALSE, 46800, 28800, 75600), (2, FALSE, TRUE, 0, 0, 0), (2, FALSE, FALSE, 0, 0, 0), (3, TRUE, TRUE, 46800, 28800, 75600), (3, TRUE, FALSE, 46800, 28800, 75600), (3, FALSE, TRUE, 0, 0, 0), (3, FALSE, FALSE, 0, 0, 0), (4, TRUE, TRUE, 46800, 28800, 75600), (4, TRUE, FALSE, 46800, 28800, 75600), (4, FALSE, TRUE, 0, 0, 0), (4, FALSE, FALSE, 0, 0, 0), (5, TRUE, TRUE, 46800, 28800, 75600), (5, TRUE, FALSE, 46800, 28800, 75600), (5, FALSE, TRUE, 0, 0, 0), (5, FALSE, FALSE, 0, 0, 0), (6, TRUE, TRUE, 46800, 28800, 75600), (6, TRUE, FALSE, 46800, 28800, 75600), (6, FALSE, TRUE, 0, 0, 0), (6, FALSE, FALSE, 0, 0, 0), (7, TRUE, TRUE, 0, 0, 0), (7, TRUE, FALSE, 0, 0, 0), (7, FALSE, TRUE, 0, 0, 0), (7, FALSE, FALSE, 0, 0, 0)) AS kpi_day_kinds(kpi_dow, kpi_working, kpi_prev_working, kpi_day_seconds, kpi_s1, kpi_e1) USING (kpi_dow, kpi_working, kpi_prev_working)) AS kpi_days),
kpi_days AS (SELECT *, kpi_wdn - CASE WHEN kpi_working THEN 1 ELSE 0 END - lag(kpi_wdn) OVER (PARTITION BY kpi_total, kpi_group, kpi_customer ORDER BY kpi_day) AS kpi_gap
  FROM (SELECT a.*, w.kpi_wdn, w.kpi_working FROM (SELECT DISTINCT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity) AS a JOIN kpi_wd AS w ON w.kpi_d = a.kpi_day) AS kpi_active),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, max(CASE WHEN kpi_day < kpi_start THEN kpi_wdn END) AS kpi_before_wdn, max(kpi_wdn) AS kpi_end_wdn, kpi_start_1_wdn, kpi_last_wdn, count(CASE WHEN kpi_day >= kpi_start AND kpi_gap >= 60 THEN 1 END) AS kpi_back
  FROM kpi_days JOIN (SELECT p.*, s.kpi_wdn AS kpi_start_1_wdn, l.kpi_wdn AS kpi_last_wdn FROM (SELECT * FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS p LEFT JOIN kpi_wd AS s ON s.kpi_d = p.kpi_start - 1 LEFT JOIN kpi_wd AS l ON l.kpi_d = p.kpi_last) AS kpi_edges ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_start_1_wdn, kpi_last_wdn, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  count(CASE WHEN (kpi_start_1_wdn - kpi_before_wdn) >= 60 THEN 1 END) AS dormant_start,
  count(CASE WHEN ((kpi_start_1_wdn - kpi_before_wdn) >= 60) AND kpi_end >= kpi_start THEN 1 END) AS reactivated_start,
  sum(kpi_back) AS reactivations,
  count(CASE WHEN (kpi_last_wdn - kpi_end_wdn) >= 60 THEN 1 END) AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi reactivation (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CAST(NULL AS STRING) AS kpi_order, CAST(NULL AS DOUBLE) AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) = 'hoàn thành')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_wd AS (SELECT datediff(kpi_day, DATE '1970-01-01') AS kpi_d, kpi_wdn, kpi_working FROM (SELECT kpi_day, CAST(coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS kpi_cum, kpi_s1, kpi_e1, kpi_working, CAST(sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS kpi_wdn
  FROM (SELECT kpi_day, kpi_dow, kpi_working, coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working
    FROM (SELECT kpi_day, (weekday(kpi_day) + 1) AS kpi_dow, ((weekday(kpi_day) + 1) IN (1, 2, 3, 4, 5, 6) AND kpi_day NOT IN (DATE '2025-01-01', DATE '2025-01-25', DATE '2025-01-26', DATE '2025-01-27', DATE '2025-01-28', DATE '2025-01-29', DATE '2025-01-30', DATE '2025-01-31', DATE '2025-02-01', DATE '2025-02-02', DATE '2025-04-30', DATE '2025-05-01', DATE '2025-09-01', DATE '2025-09-02', DATE '2026-01-01', DATE '2026-02-14', DATE '2026-02-15', DATE '2026-02-16', DATE '2026-02-17', DATE '2026-02-18', DATE '2026-02-19', DATE '2026-02-20', DATE '2026-02-21', DATE '2026-02-22', DATE '2026-04-30', DATE '2026-05-01', DATE '2026-09-01', DATE '2026-09-02')) AS kpi_working
      FROM (SELECT explode(CASE WHEN kpi_from <= kpi_to THEN sequence(kpi_from, kpi_to, INTERVAL 1 DAY) END) AS kpi_day FROM (SELECT CAST((CAST((DATE '1970-01-01' + CAST((SELECT min(kpi_x) FROM (SELECT min(kpi_day) AS kpi_x FROM kpi_activity UNION ALL SELECT min(kpi_start - 1) FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS kpi_edge) AS INT)) AS DATE) + -1) AS DATE) AS kpi_from, CAST((DATE '1970-01-01' + CAST((SELECT max(kpi_x) FROM (SELECT max(kpi_day) AS kpi_x FROM kpi_activity UNION ALL SELECT max(kpi_last) FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS kpi_edge) AS INT)) AS DATE) AS kpi_to) AS kpi_bounds) AS kpi_series) AS kpi_days) AS kpi_days
  JOIN (VALUES (1, TRUE, TRUE, 46800, 28800, 75600), (1, TRUE, FALSE, 46800, 28800, 75600), (1, FALSE, TRUE, 0, 0, 0), (1, FALSE, FALSE, 0, 0, 0), (2, TRUE, TRUE, 46800, 28800, 75600), (2, TRUE, FALSE, 46800, 28800, 75600), (2, FALSE, TRUE, 0, 0, 0), (2, FALSE, FALSE, 0, 0, 0), (3, TRUE, TRUE, 46800, 28800, 75600), (3, TRUE, FALSE, 46800, 28800, 75600), (3, FALSE, TRUE, 0, 0, 0), (3, FALSE, FALSE, 0, 0, 0), (4, TRUE, TRUE, 46800, 28800, 75600), (4, TRUE, FALSE, 46800, 28800, 75600), (4, FALSE, TRUE, 0, 0, 0), (4, FALSE, FALSE, 0, 0, 0), (5, TRUE, TRUE, 46800, 28800, 75600), (5, TRUE, FALSE, 46800, 28800, 75600), (5, FALSE, TRUE, 0, 0, 0), (5, FALSE, FALSE, 0, 0, 0), (6, TRUE, TRUE, 46800, 28800, 75600), (6, TRUE, FALSE, 46800, 28800, 75600), (6, FALSE, TRUE, 0, 0, 0), (6, FALSE, FALSE, 0, 0, 0), (7, TRUE, TRUE, 0, 0, 0), (7, TRUE, FALSE, 0, 0, 0), (7, FALSE, TRUE, 0, 0, 0), (7, FALSE, FALSE, 0, 0, 0)) AS kpi_day_kinds(kpi_dow, kpi_working, kpi_prev_working, kpi_day_seconds, kpi_s1, kpi_e1) USING (kpi_dow, kpi_working, kpi_prev_working)) AS kpi_days),
kpi_days AS (SELECT *, kpi_wdn - CASE WHEN kpi_working THEN 1 ELSE 0 END - lag(kpi_wdn) OVER (PARTITION BY kpi_total, kpi_group, kpi_customer ORDER BY kpi_day) AS kpi_gap
  FROM (SELECT a.*, w.kpi_wdn, w.kpi_working FROM (SELECT DISTINCT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity) AS a JOIN kpi_wd AS w ON w.kpi_d = a.kpi_day) AS kpi_active),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, max(CASE WHEN kpi_day < kpi_start THEN kpi_wdn END) AS kpi_before_wdn, max(kpi_wdn) AS kpi_end_wdn, kpi_start_1_wdn, kpi_last_wdn, count(CASE WHEN kpi_day >= kpi_start AND kpi_gap >= 60 THEN 1 END) AS kpi_back
  FROM kpi_days JOIN (SELECT p.*, s.kpi_wdn AS kpi_start_1_wdn, l.kpi_wdn AS kpi_last_wdn FROM (SELECT * FROM (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start)) AS p LEFT JOIN kpi_wd AS s ON s.kpi_d = p.kpi_start - 1 LEFT JOIN kpi_wd AS l ON l.kpi_d = p.kpi_last) AS kpi_edges ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_start_1_wdn, kpi_last_wdn, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  count(CASE WHEN (kpi_start_1_wdn - kpi_before_wdn) >= 60 THEN 1 END) AS dormant_start,
  count(CASE WHEN ((kpi_start_1_wdn - kpi_before_wdn) >= 60) AND kpi_end >= kpi_start THEN 1 END) AS reactivated_start,
  sum(kpi_back) AS reactivations,
  count(CASE WHEN (kpi_last_wdn - kpi_end_wdn) >= 60 THEN 1 END) AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi aov (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  0 AS dormant_start,
  0 AS reactivated_start,
  0 AS reactivations,
  0 AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_lines AS (SELECT kpi_period, kpi_total, kpi_group, kpi_customer, kpi_order, kpi_value FROM kpi_activity JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day BETWEEN kpi_start AND kpi_last),
kpi_buyers AS (SELECT kpi_period, kpi_total, kpi_group, count(DISTINCT CASE WHEN kpi_value > 0 THEN kpi_order END) + count(CASE WHEN kpi_order IS NULL AND kpi_value > 0 THEN 1 END) AS kpi_orders, CAST(sum(CAST(CASE WHEN kpi_value IS NOT NULL THEN kpi_value END AS DECIMAL(38, 18))) AS DOUBLE) AS kpi_revenue, count(CASE WHEN kpi_value IS NULL THEN 1 END) AS kpi_blank
  FROM kpi_lines GROUP BY kpi_period, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group, count(CASE WHEN kpi_orders >= 1 THEN 1 END) AS buyers, count(CASE WHEN kpi_orders >= 2 THEN 1 END) AS repeaters, sum(kpi_orders) AS orders, CAST(sum(CAST(kpi_revenue AS DECIMAL(38, 18))) AS DOUBLE) AS revenue, sum(kpi_blank) AS blank_amounts
FROM kpi_buyers GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi repeat (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  0 AS dormant_start,
  0 AS reactivated_start,
  0 AS reactivations,
  0 AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_lines AS (SELECT kpi_period, kpi_total, kpi_group, kpi_customer, kpi_order, kpi_value FROM kpi_activity JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day BETWEEN kpi_start AND kpi_last),
kpi_buyers AS (SELECT kpi_period, kpi_total, kpi_group, count(DISTINCT CASE WHEN kpi_value > 0 THEN kpi_order END) + count(CASE WHEN kpi_order IS NULL AND kpi_value > 0 THEN 1 END) AS kpi_orders, CAST(sum(CAST(CASE WHEN kpi_value IS NOT NULL THEN kpi_value END AS DECIMAL(38, 18))) AS DOUBLE) AS kpi_revenue, count(CASE WHEN kpi_value IS NULL THEN 1 END) AS kpi_blank
  FROM kpi_lines GROUP BY kpi_period, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group, count(CASE WHEN kpi_orders >= 1 THEN 1 END) AS buyers, count(CASE WHEN kpi_orders >= 2 THEN 1 END) AS repeaters, sum(kpi_orders) AS orders, CAST(sum(CAST(kpi_revenue AS DECIMAL(38, 18))) AS DOUBLE) AS revenue, sum(kpi_blank) AS blank_amounts
FROM kpi_buyers GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi frequency (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_days AS (SELECT kpi_total, kpi_group, kpi_customer, kpi_day FROM kpi_activity),
kpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer, min(kpi_day) AS kpi_first, max(CASE WHEN kpi_day < kpi_start THEN kpi_day END) AS kpi_before, max(kpi_day) AS kpi_end, 0 AS kpi_back
  FROM kpi_days JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day <= kpi_last
  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group,
  count(CASE WHEN kpi_before >= kpi_prev_start THEN 1 END) AS s,
  count(CASE WHEN kpi_end >= kpi_start THEN 1 END) AS e,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS n,
  count(CASE WHEN (kpi_first >= kpi_start) AND (kpi_end >= kpi_start) THEN 1 END) AS n_end,
  count(CASE WHEN (kpi_before >= kpi_prev_start) AND NOT (kpi_end >= kpi_start) THEN 1 END) AS churned,
  0 AS dormant_start,
  0 AS reactivated_start,
  0 AS reactivations,
  0 AS dormant_end,
  count(CASE WHEN kpi_first >= kpi_start THEN 1 END) AS life_new,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_returning,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND kpi_end >= kpi_start AND NOT coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_resurrecting,
  count(CASE WHEN NOT (kpi_first >= kpi_start) AND NOT kpi_end >= kpi_start AND coalesce(kpi_before >= kpi_prev_start, FALSE) THEN 1 END) AS life_dormant
FROM kpi_states GROUP BY kpi_period, kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_lines AS (SELECT kpi_period, kpi_total, kpi_group, kpi_customer, kpi_order, kpi_value FROM kpi_activity JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day BETWEEN kpi_start AND kpi_last),
kpi_buyers AS (SELECT kpi_period, kpi_total, kpi_group, count(DISTINCT CASE WHEN kpi_value > 0 THEN kpi_order END) + count(CASE WHEN kpi_order IS NULL AND kpi_value > 0 THEN 1 END) AS kpi_orders, CAST(sum(CAST(CASE WHEN kpi_value IS NOT NULL THEN kpi_value END AS DECIMAL(38, 18))) AS DOUBLE) AS kpi_revenue, count(CASE WHEN kpi_value IS NULL THEN 1 END) AS kpi_blank
  FROM kpi_lines GROUP BY kpi_period, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group, count(CASE WHEN kpi_orders >= 1 THEN 1 END) AS buyers, count(CASE WHEN kpi_orders >= 2 THEN 1 END) AS repeaters, sum(kpi_orders) AS orders, CAST(sum(CAST(kpi_revenue AS DECIMAL(38, 18))) AS DOUBLE) AS revenue, sum(kpi_blank) AS blank_amounts
FROM kpi_buyers GROUP BY kpi_period, kpi_total, kpi_group;

-- kpi clv (customers)
WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)
SELECT kpi_total, kpi_group, count(CASE WHEN kpi_day IS NULL THEN 1 END) AS kpi_no_date, count(CASE WHEN kpi_day IS NOT NULL AND kpi_customer IS NULL THEN 1 END) AS kpi_no_customer
FROM kpi_grouped GROUP BY kpi_total, kpi_group;

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
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

WITH kpi_population AS (SELECT CAST(NULL AS STRING) AS kpi_g, CAST((CAST(unix_date(CAST(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ) AS DATE)) AS DOUBLE) * 86400 + hour(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) * 60 + CAST(date_part('SECOND', CAST(CAST(`created_at` AS DATE) AS TIMESTAMP_NTZ)) AS DOUBLE)) / 86400 AS BIGINT) AS kpi_day, CASE WHEN (`customer_id` IS NULL OR `customer_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `customer_id` END AS kpi_customer, CASE WHEN (`order_id` IS NULL OR `order_id` RLIKE '^[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]*\\z') THEN NULL ELSE `order_id` END AS kpi_order, `amount` AS kpi_value
  FROM `kpi_rows_orders` WHERE (lower(`status`) <> 'đã hủy')),
kpi_grouped AS (SELECT 1 AS kpi_total, CAST(NULL AS STRING) AS kpi_group, kpi_day, kpi_customer, kpi_order, kpi_value FROM kpi_population),
kpi_activity AS (SELECT * FROM kpi_grouped WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL),
kpi_lines AS (SELECT kpi_period, kpi_total, kpi_group, kpi_customer, kpi_order, kpi_value FROM kpi_activity JOIN (VALUES (0, 20727, 20757, 20697)) AS kpi_periods(kpi_period, kpi_start, kpi_last, kpi_prev_start) ON kpi_day BETWEEN kpi_start AND kpi_last),
kpi_buyers AS (SELECT kpi_period, kpi_total, kpi_group, count(DISTINCT CASE WHEN kpi_value > 0 THEN kpi_order END) + count(CASE WHEN kpi_order IS NULL AND kpi_value > 0 THEN 1 END) AS kpi_orders, CAST(sum(CAST(CASE WHEN kpi_value IS NOT NULL THEN kpi_value END AS DECIMAL(38, 18))) AS DOUBLE) AS kpi_revenue, count(CASE WHEN kpi_value IS NULL THEN 1 END) AS kpi_blank
  FROM kpi_lines GROUP BY kpi_period, kpi_total, kpi_group, kpi_customer)
SELECT kpi_period, kpi_total, kpi_group, count(CASE WHEN kpi_orders >= 1 THEN 1 END) AS buyers, count(CASE WHEN kpi_orders >= 2 THEN 1 END) AS repeaters, sum(kpi_orders) AS orders, CAST(sum(CAST(kpi_revenue AS DECIMAL(38, 18))) AS DOUBLE) AS revenue, sum(kpi_blank) AS blank_amounts
FROM kpi_buyers GROUP BY kpi_period, kpi_total, kpi_group;
