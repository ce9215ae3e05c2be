-- kpi sql --dialect duckdb
CREATE OR REPLACE TEMP MACRO kpi_number(s, p, mark) AS CASE WHEN NOT regexp_full_match(p.lead, '[+\-−(\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.lead, '[^+\-−]', '', 'g')) > 1 OR regexp_replace(p.lead, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '', 'g')) >= 19 THEN TRY_CAST(replace(regexp_replace(s, '[^0-9\-' || mark || ']', '', 'g'), mark, '.') AS DOUBLE) WHEN NOT regexp_full_match(p.rest, '[%)\p{L}\p{Sc} \x{a0}]*') OR length(regexp_replace(p.rest, '[^%]', '', 'g')) > 1 OR regexp_replace(p.rest, '[^\p{L}]', '', 'g') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\-−])[^(+\-−]*$', 1) IN ('(', '-', '−') THEN -1.0 ELSE 1.0 END) * (CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '', 'g') END AS BIGINT)::DOUBLE + CASE WHEN length(p.frac) < 2 THEN 0.0 ELSE CAST(left(substr(p.frac, 2), 15) AS BIGINT)::DOUBLE / pow(10.0, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN contains(p.rest, '%') THEN 100.0 ELSE 1.0 END) END;
CREATE OR REPLACE TEMP MACRO kpi_datetime(p) AS CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL WHEN (p.h <> '' AND CAST(p.h AS INT) > 23) OR (p.mi <> '' AND CAST(p.mi AS INT) > 59) OR (p.s <> '' AND CAST(p.s AS INT) > 59) THEN NULL ELSE try(make_timestamp(CASE WHEN p.y4 <> '' THEN CAST(p.y4 AS BIGINT) ELSE 2000 + CAST(p.y2 AS BIGINT) END, CASE WHEN p.mo = '' THEN 1 ELSE CAST(p.mo AS BIGINT) END, CASE WHEN p.d = '' THEN 1 ELSE CAST(p.d AS BIGINT) END, CASE WHEN p.h = '' THEN 0 ELSE CAST(p.h AS BIGINT) END, CASE WHEN p.mi = '' THEN 0 ELSE CAST(p.mi AS BIGINT) END, CASE WHEN p.s = '' THEN 0 ELSE CAST(p.s AS BIGINT) END) + to_milliseconds(CASE WHEN p.f = '' THEN 0 ELSE CAST(rpad(left(p.f, 3), 3, '0') AS BIGINT) END)) END;
CREATE OR REPLACE TEMP MACRO kpi_number_dot(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9\.]*)([0-9][0-9, \x{a0}'']*)?(\.[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, '.'))[1] END;
CREATE OR REPLACE TEMP MACRO kpi_number_comma(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE ELSE list_transform([regexp_extract(s, '^([^0-9,]*)([0-9][0-9\. \x{a0}'']*)?(,[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, ','))[1] END;

-- source lines
-- read by kpi's importer from ../examples/b2b-sales/ban-hang.xlsx and appended to this table, its rows typed:
CREATE OR REPLACE TABLE "kpi_typed_lines" (kpi_record BIGINT, "invoice_no" VARCHAR, "invoiced_on" DATE, "product" VARCHAR, "quantity" DOUBLE, "discount" DOUBLE, "rep" VARCHAR, "note" VARCHAR);
CREATE OR REPLACE TEMP VIEW "kpi_rows_lines" AS SELECT * FROM "kpi_typed_lines";

-- source prices
-- read by kpi's importer from ../examples/b2b-sales/ban-hang.xlsx and appended to this table, its rows typed:
CREATE OR REPLACE TABLE "kpi_typed_prices" (kpi_record BIGINT, "product" VARCHAR, "unit_price" DOUBLE);
CREATE OR REPLACE TEMP VIEW "kpi_rows_prices" AS SELECT * FROM "kpi_typed_prices";

-- source reps
CREATE OR REPLACE TEMP TABLE "kpi_typed_reps" AS SELECT kpi_record, kpi_empty, "rep", "team" FROM (SELECT kpi_record, kpi_empty, CASE WHEN "rep__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "rep__raw") IS NOT NULL THEN NULL ELSE CASE WHEN regexp_matches("rep__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]') THEN nfc_normalize(trim(regexp_replace("rep__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')) ELSE nfc_normalize("rep__raw") END END AS "rep", CASE WHEN "team__raw" IS NULL OR list_position(['', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null'], "team__raw") IS NOT NULL THEN NULL ELSE CASE WHEN regexp_matches("team__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]') THEN nfc_normalize(trim(regexp_replace("team__raw", '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]', '', 'g'), ' 	')) ELSE nfc_normalize("team__raw") END END AS "team" FROM (SELECT row_number() OVER () AS kpi_record, ("column0" IS NULL OR regexp_full_match("column0", '[\t-\r\x1c-\x20]*')) AND ("column1" IS NULL OR regexp_full_match("column1", '[\t-\r\x1c-\x20]*')) AND ("column2" IS NULL OR regexp_full_match("column2", '[\t-\r\x1c-\x20]*')) AND ("column3" IS NULL OR regexp_full_match("column3", '[\t-\r\x1c-\x20]*')) AND ("column4" IS NULL OR regexp_full_match("column4", '[\t-\r\x1c-\x20]*')) AND ("column5" IS NULL OR regexp_full_match("column5", '[\t-\r\x1c-\x20]*')) AS kpi_empty, CASE WHEN starts_with(column0, ' ') OR starts_with(column0, '	') OR ends_with(column0, ' ') OR ends_with(column0, '	') THEN trim(column0, ' 	') ELSE column0 END AS "rep__raw", CASE WHEN starts_with(column2, ' ') OR starts_with(column2, '	') OR ends_with(column2, ' ') OR ends_with(column2, '	') THEN trim(column2, ' 	') ELSE column2 END AS "team__raw" FROM read_csv('examples/b2b-sales/nhan-su.csv', header = false, skip = 1, auto_detect = false, all_varchar = true, delim = ',', quote = '"', escape = '"', columns = {'column0': 'VARCHAR', 'column1': 'VARCHAR', 'column2': 'VARCHAR', 'column3': 'VARCHAR', 'column4': 'VARCHAR', 'column5': 'VARCHAR'}, store_rejects = true, rejects_table = 'kpi_rejects_reps', rejects_scan = 'kpi_scan_reps')) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMP VIEW "kpi_rows_reps" AS SELECT * FROM "kpi_typed_reps" WHERE NOT kpi_empty;

-- source lines combined
CREATE OR REPLACE TEMP VIEW "kpi_join0_left_lines" AS SELECT * FROM "kpi_rows_lines";
/* kpi stops first when a key is on several rows of prices (no many:) */ CREATE OR REPLACE TEMP VIEW "kpi_join0_lines" AS SELECT kpi_left.*, kpi_right."unit_price" FROM "kpi_join0_left_lines" AS kpi_left LEFT JOIN (SELECT * FROM (SELECT *, nullif(lower(nfc_normalize(regexp_replace("product", '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'))), '') AS kpi_key0, row_number() OVER (PARTITION BY nullif(lower(nfc_normalize(regexp_replace("product", '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'))), '') ORDER BY kpi_record ASC) AS kpi_rank FROM "kpi_rows_prices") AS kpi_ranked WHERE kpi_rank = 1 AND kpi_key0 IS NOT NULL) AS kpi_right ON nullif(lower(nfc_normalize(regexp_replace(kpi_left."product", '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'))), '') = kpi_right.kpi_key0;
CREATE OR REPLACE TEMP VIEW "kpi_join1_left_lines" AS SELECT * FROM (SELECT *, CAST((("quantity" * "unit_price") * (CAST(1.0 AS DOUBLE) - coalesce("discount", CAST(0.0 AS DOUBLE)))) AS DOUBLE) AS "revenue" FROM "kpi_join0_lines") AS "kpi_with_revenue";
/* kpi stops first when a key is on several rows of reps (no many:) */ CREATE OR REPLACE TEMP VIEW "kpi_join1_lines" AS SELECT kpi_left.*, kpi_right."team" FROM "kpi_join1_left_lines" AS kpi_left LEFT JOIN (SELECT * FROM (SELECT *, nullif(lower(nfc_normalize(regexp_replace("rep", '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'))), '') AS kpi_key0, row_number() OVER (PARTITION BY nullif(lower(nfc_normalize(regexp_replace("rep", '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'))), '') ORDER BY kpi_record ASC) AS kpi_rank FROM "kpi_rows_reps") AS kpi_ranked WHERE kpi_rank = 1 AND kpi_key0 IS NOT NULL) AS kpi_right ON nullif(lower(nfc_normalize(regexp_replace(kpi_left."rep", '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'))), '') = kpi_right.kpi_key0;
CREATE OR REPLACE TEMP VIEW "kpi_source_lines" AS SELECT * FROM "kpi_join1_lines";

-- kpi revenue_by_team (sum)
SELECT kpi_period,
  "team" AS kpi_group_0,
  GROUPING("team") AS kpi_level,
  count(*) AS "rows",
  count("revenue") AS "n",
  0 AS "partial",
  fsum("revenue") AS "value"
FROM (SELECT * FROM "kpi_source_lines" AS kpi_rows WHERE (NOT (prefix(lower("invoice_no"), 'c')))) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST("invoiced_on" AS TIMESTAMP) >= kpi_from AND CAST("invoiced_on" AS TIMESTAMP) < kpi_to)
GROUP BY GROUPING SETS ((kpi_period, "team"), (kpi_period))
ORDER BY kpi_period;

-- kpi promo_lines (count)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS "rows"
FROM (SELECT * FROM "kpi_rows_lines" AS kpi_rows WHERE ((NOT (prefix(lower("invoice_no"), 'c'))) AND (regexp_matches("note", '(?i)khuyến mãi|(?:^|[^\p{L}\p{Nd}\p{Mn}_])KM(?:$|[^\p{L}\p{Nd}\p{Mn}_])')))) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP '2026-10-01 00:00', TIMESTAMP '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST("invoiced_on" AS TIMESTAMP) >= kpi_from AND CAST("invoiced_on" AS TIMESTAMP) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;
