-- kpi sql --dialect duckdb
CREATE OR REPLACE TEMP MACRO kpi_number(s, p, mark) AS CASE WHEN NOT regexp_full_match(p.lead, '[+\-−(\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.lead, '[^+\-−]', '', 'g')) > 1 OR regexp_replace(p.lead, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '', 'g')) >= 19 THEN TRY_CAST(replace(regexp_replace(s, '[^0-9\-' || mark || ']', '', 'g'), mark, '.') AS DOUBLE) WHEN NOT regexp_full_match(p.rest, '[%)\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.rest, '[^%]', '', 'g')) > 1 OR regexp_replace(p.rest, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\-−])[^(+\-−]*$', 1) IN ('(', '-', '−') THEN -1.0 ELSE 1.0 END) * (CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '', 'g') END AS BIGINT)::DOUBLE + CASE WHEN length(p.frac) < 2 THEN 0.0 ELSE CAST(left(substr(p.frac, 2), 15) AS BIGINT)::DOUBLE / pow(10.0, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN contains(p.rest, '%') THEN 100.0 ELSE 1.0 END) END;
CREATE OR REPLACE TEMP MACRO kpi_datetime(p) AS CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL WHEN (p.h <> '' AND CAST(p.h AS INT) > 23) OR (p.mi <> '' AND CAST(p.mi AS INT) > 59) OR (p.s <> '' AND CAST(p.s AS INT) > 59) THEN NULL ELSE try(make_timestamp(CASE WHEN p.y4 <> '' THEN CAST(p.y4 AS BIGINT) ELSE 2000 + CAST(p.y2 AS BIGINT) END, CASE WHEN p.mo = '' THEN 1 ELSE CAST(p.mo AS BIGINT) END, CASE WHEN p.d = '' THEN 1 ELSE CAST(p.d AS BIGINT) END, CASE WHEN p.h = '' THEN 0 ELSE CAST(p.h AS BIGINT) END, CASE WHEN p.mi = '' THEN 0 ELSE CAST(p.mi AS BIGINT) END, CASE WHEN p.s = '' THEN 0 ELSE CAST(p.s AS BIGINT) END) + to_milliseconds(CASE WHEN p.f = '' THEN 0 ELSE CAST(rpad(left(p.f, 3), 3, '0') AS BIGINT) END)) END;
CREATE OR REPLACE TEMP MACRO kpi_number_dot(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9\.]*)([0-9][0-9, \x{a0}'']*)?(\.[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, '.'))[1] END;
CREATE OR REPLACE TEMP MACRO kpi_number_comma(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9,]*)([0-9][0-9\. \x{a0}'']*)?(,[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, ','))[1] END;

-- source checkouts
CREATE OR REPLACE TEMP TABLE "kpi_typed_checkouts" AS SELECT kpi_record, kpi_empty, "checkout_date__text", CAST(CASE WHEN regexp_full_match("checkout_date__text", '[0-9]{2}\/[0-9]{2}\/[0-9]{4}') THEN try_strptime("checkout_date__text", '%d/%m/%Y') END AS DATE) AS "checkout_date", "bill__text", kpi_number_comma("bill__text") AS "bill", "satisfaction__text", kpi_number_dot("satisfaction__text") AS "satisfaction" FROM (SELECT kpi_record, kpi_empty, CASE WHEN "checkout_date__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "checkout_date__raw") IS NOT NULL THEN NULL ELSE "checkout_date__raw" END AS "checkout_date__text", CASE WHEN "bill__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "bill__raw") IS NOT NULL THEN NULL ELSE "bill__raw" END AS "bill__text", CASE WHEN "satisfaction__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "satisfaction__raw") IS NOT NULL THEN NULL ELSE "satisfaction__raw" END AS "satisfaction__text" FROM (SELECT row_number() OVER () AS kpi_record, ("column0" IS NULL OR regexp_full_match("column0", '[\t-\r\x1c-\x20]*')) AND ("column1" IS NULL OR regexp_full_match("column1", '[\t-\r\x1c-\x20]*')) AND ("column2" IS NULL OR regexp_full_match("column2", '[\t-\r\x1c-\x20]*')) AND ("column3" IS NULL OR regexp_full_match("column3", '[\t-\r\x1c-\x20]*')) AND ("column4" IS NULL OR regexp_full_match("column4", '[\t-\r\x1c-\x20]*')) AND ("column5" IS NULL OR regexp_full_match("column5", '[\t-\r\x1c-\x20]*')) AS kpi_empty, CASE WHEN starts_with(column1, ' ') OR starts_with(column1, '	') OR ends_with(column1, ' ') OR ends_with(column1, '	') THEN trim(column1, ' 	') ELSE column1 END AS "checkout_date__raw", CASE WHEN starts_with(column3, ' ') OR starts_with(column3, '	') OR ends_with(column3, ' ') OR ends_with(column3, '	') THEN trim(column3, ' 	') ELSE column3 END AS "bill__raw", CASE WHEN starts_with(column5, ' ') OR starts_with(column5, '	') OR ends_with(column5, ' ') OR ends_with(column5, '	') THEN trim(column5, ' 	') ELSE column5 END AS "satisfaction__raw" FROM read_csv('examples/hotel/checkouts.csv', header = false, skip = 1, auto_detect = false, all_varchar = true, delim = ';', quote = '"', escape = '"', columns = {'column0': 'VARCHAR', 'column1': 'VARCHAR', 'column2': 'VARCHAR', 'column3': 'VARCHAR', 'column4': 'VARCHAR', 'column5': 'VARCHAR'}, store_rejects = true, rejects_table = 'kpi_rejects_checkouts', rejects_scan = 'kpi_scan_checkouts')) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMP VIEW "kpi_rows_checkouts" AS SELECT * FROM "kpi_typed_checkouts" WHERE NOT kpi_empty;

-- kpi average_bill (mean)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS "rows",
  count("bill") AS "n",
  0 AS "partial",
  fsum("bill") / CAST(count("bill") AS DOUBLE) AS "value"
FROM (SELECT * FROM "kpi_rows_checkouts" AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST("checkout_date" AS TIMESTAMP) >= kpi_from AND CAST("checkout_date" AS TIMESTAMP) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi satisfied_guests (ratio)
SELECT kpi_period,
  0 AS kpi_level,
  count(CASE WHEN ("satisfaction" IS NOT NULL) THEN 1 END) AS "denominator",
  count(CASE WHEN ("satisfaction" IS NOT NULL) AND ("satisfaction" >= CAST(4.0 AS DOUBLE)) THEN 1 END) AS "numerator"
FROM (SELECT * FROM "kpi_rows_checkouts" AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST("checkout_date" AS TIMESTAMP) >= kpi_from AND CAST("checkout_date" AS TIMESTAMP) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;
