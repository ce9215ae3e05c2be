-- kpi sql --dialect spark
SET spark.sql.parser.escapedStringLiterals = false;

-- source checks
CREATE OR REPLACE TEMPORARY VIEW `kpi_scan_checks` (`column0` STRING, `column1` STRING, `column2` STRING, `column3` STRING, `column4` STRING, `column5` STRING, `column6` STRING, `column7` STRING, `column8` STRING, kpi_corrupt STRING) USING csv OPTIONS (path 'examples/hotel/room-checks.csv', header 'false', sep ',', quote '"', escape '"', multiLine 'true', mode 'PERMISSIVE', columnNameOfCorruptRecord 'kpi_corrupt', encoding 'UTF-8', ignoreLeadingWhiteSpace 'false', ignoreTrailingWhiteSpace 'false');
CREATE OR REPLACE TEMPORARY VIEW `kpi_rejects_checks` AS SELECT kpi_line, `column0`, `column1`, `column2`, `column3`, `column4`, `column5`, `column6`, `column7`, `column8`, kpi_corrupt, `column0` AS kpi_first_field, kpi_line + 1 AS kpi_file_record, CASE WHEN instr(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '"') = 0 THEN size(split(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '\\Q,\\E', -1)) END AS kpi_found FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_checks`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NOT NULL;
CREATE OR REPLACE TEMPORARY VIEW `kpi_typed_checks` AS /* a table elsewhere: CACHE TABLE it */ SELECT kpi_record, kpi_empty, `checked_at__text`, transform(array(`checked_at__text`), s -> transform(array(named_struct('d', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 1), 'mo', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 2), 'y4', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 3), 'h', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 4), 'mi', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 5), 'y2', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 6), 's', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 7), 'f', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) ([0-9]{2,2})\\:([0-9]{2,2}) *\\z()()()', 8))), p -> CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL ELSE try_cast(concat(CASE WHEN p.y4 <> '' THEN p.y4 ELSE CAST(2000 + CAST(p.y2 AS INT) AS STRING) END, '-', lpad(CASE WHEN p.mo = '' THEN '1' ELSE p.mo END, 2, '0'), '-', lpad(CASE WHEN p.d = '' THEN '1' ELSE p.d END, 2, '0'), ' ', lpad(CASE WHEN p.h = '' THEN '0' ELSE p.h END, 2, '0'), ':', lpad(CASE WHEN p.mi = '' THEN '0' ELSE p.mi END, 2, '0'), ':', lpad(CASE WHEN p.s = '' THEN '0' ELSE p.s END, 2, '0'), '.', rpad(left(p.f, 3), 3, '0')) AS TIMESTAMP_NTZ) END)[0])[0] AS `checked_at`, `room__cleaned`, `room`, `floor__cleaned`, `floor`, `sheets_changed__text`, CASE WHEN lower(coalesce(`sheets_changed__text`, '')) IN ('có', 'x') THEN TRUE WHEN lower(coalesce(`sheets_changed__text`, '')) IN ('', 'không') THEN FALSE END AS `sheets_changed`, `bathroom_ok__text`, CASE WHEN lower(coalesce(`bathroom_ok__text`, '')) IN ('có', 'x') THEN TRUE WHEN lower(coalesce(`bathroom_ok__text`, '')) IN ('', 'không') THEN FALSE END AS `bathroom_ok`, `score__text`, transform(array(`score__text`), s -> CASE WHEN s RLIKE '^[0-9]{1,15}\\z' THEN CAST(CAST(s AS BIGINT) AS DOUBLE) ELSE transform(array(named_struct('lead', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 1), 'whole', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 2), 'frac', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 3), 'rest', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 4))), p -> CASE WHEN NOT (p.lead RLIKE '^[+\\-−(\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.lead, '[^+\\-−]', '')) > 1 OR regexp_replace(p.lead, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '')) >= 19 THEN try_cast(replace(regexp_replace(s, '[^0-9\\-.]', ''), '.', '.') AS DOUBLE) WHEN NOT (p.rest RLIKE '^[%)\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.rest, '[^%]', '')) > 1 OR regexp_replace(p.rest, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\\-−])[^(+\\-−]*\\z', 1) IN ('(', '-', '−') THEN -1.0D ELSE 1.0D END) * (CAST(CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '') END AS BIGINT) AS DOUBLE) + CASE WHEN length(p.frac) < 2 THEN 0.0D ELSE CAST(CAST(left(substr(p.frac, 2), 15) AS BIGINT) AS DOUBLE) / pow(10.0D, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN instr(p.rest, '%') > 0 THEN 100.0D ELSE 1.0D END) END)[0] END)[0] AS `score` FROM (SELECT kpi_record, kpi_empty, CASE WHEN `checked_at__raw` IS NULL OR `checked_at__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `checked_at__raw` END AS `checked_at__text`, CASE WHEN `room__raw` IS NULL OR `room__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`room__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`room__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `room__raw` END, '') END AS `room`, `room__cleaned`, CASE WHEN `floor__raw` IS NULL OR `floor__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN (`floor__raw` RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN btrim(regexp_replace(`floor__raw`, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]', ''), ' 	') ELSE `floor__raw` END, '') END AS `floor`, `floor__cleaned`, CASE WHEN `sheets_changed__raw` IS NULL OR `sheets_changed__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `sheets_changed__raw` END AS `sheets_changed__text`, CASE WHEN `bathroom_ok__raw` IS NULL OR `bathroom_ok__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `bathroom_ok__raw` END AS `bathroom_ok__text`, CASE WHEN `score__raw` IS NULL OR `score__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `score__raw` END AS `score__text` FROM (SELECT kpi_line AS kpi_record, (`column0` IS NULL OR `column0` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column1` IS NULL OR `column1` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column2` IS NULL OR `column2` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column3` IS NULL OR `column3` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column4` IS NULL OR `column4` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column5` IS NULL OR `column5` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column6` IS NULL OR `column6` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column7` IS NULL OR `column7` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column8` IS NULL OR `column8` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AS kpi_empty, btrim(column1, ' 	') AS `checked_at__raw`, btrim(column2, ' 	') AS `room__raw`, CASE WHEN (column2 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column2 END AS `room__cleaned`, btrim(column3, ' 	') AS `floor__raw`, CASE WHEN (column3 RLIKE '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]') THEN column3 END AS `floor__cleaned`, btrim(column5, ' 	') AS `sheets_changed__raw`, btrim(column6, ' 	') AS `bathroom_ok__raw`, btrim(column7, ' 	') AS `score__raw` FROM (SELECT * FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_checks`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NULL)) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMPORARY VIEW `kpi_rows_checks` AS SELECT * FROM `kpi_typed_checks` WHERE NOT kpi_empty AND `checked_at` IS NOT NULL;

-- source room_service
-- read by kpi's importer from ../examples/hotel/room-service.xlsx and appended to this table, its rows typed:
CREATE OR REPLACE TEMPORARY VIEW `kpi_typed_room_service` AS SELECT CAST(NULL AS BIGINT) AS kpi_record, CAST(NULL AS STRING) AS `channel`, CAST(NULL AS TIMESTAMP_NTZ) AS `called_at`, CAST(NULL AS TIMESTAMP_NTZ) AS `answered_at`, CAST(NULL AS TIMESTAMP_NTZ) AS `delivered_at`, CAST(NULL AS DOUBLE) AS `amount` WHERE FALSE;
CREATE OR REPLACE TEMPORARY VIEW `kpi_rows_room_service` AS SELECT * FROM `kpi_typed_room_service`;

-- source checkouts
CREATE OR REPLACE TEMPORARY VIEW `kpi_scan_checkouts` (`column0` STRING, `column1` STRING, `column2` STRING, `column3` STRING, `column4` STRING, `column5` STRING, kpi_corrupt STRING) USING csv OPTIONS (path 'examples/hotel/checkouts.csv', header 'false', sep ';', quote '"', escape '"', multiLine 'true', mode 'PERMISSIVE', columnNameOfCorruptRecord 'kpi_corrupt', encoding 'UTF-8', ignoreLeadingWhiteSpace 'false', ignoreTrailingWhiteSpace 'false');
CREATE OR REPLACE TEMPORARY VIEW `kpi_rejects_checkouts` AS SELECT kpi_line, `column0`, `column1`, `column2`, `column3`, `column4`, `column5`, kpi_corrupt, `column0` AS kpi_first_field, kpi_line + 1 AS kpi_file_record, CASE WHEN instr(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '"') = 0 THEN size(split(regexp_replace(kpi_corrupt, '"[^"]*(?:""[^"]*)*"', ''), '\\Q;\\E', -1)) END AS kpi_found FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_checkouts`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NOT NULL;
CREATE OR REPLACE TEMPORARY VIEW `kpi_typed_checkouts` AS /* a table elsewhere: CACHE TABLE it */ SELECT kpi_record, kpi_empty, `checkout_date__text`, CAST(transform(array(`checkout_date__text`), s -> transform(array(named_struct('d', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 1), 'mo', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 2), 'y4', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 3), 'y2', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 4), 'h', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 5), 'mi', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 6), 's', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 7), 'f', regexp_extract(s, '^ *([0-9]{2,2})\\/([0-9]{2,2})\\/([0-9]{4,4}) *\\z()()()()()', 8))), p -> CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL ELSE try_cast(concat(CASE WHEN p.y4 <> '' THEN p.y4 ELSE CAST(2000 + CAST(p.y2 AS INT) AS STRING) END, '-', lpad(CASE WHEN p.mo = '' THEN '1' ELSE p.mo END, 2, '0'), '-', lpad(CASE WHEN p.d = '' THEN '1' ELSE p.d END, 2, '0'), ' ', lpad(CASE WHEN p.h = '' THEN '0' ELSE p.h END, 2, '0'), ':', lpad(CASE WHEN p.mi = '' THEN '0' ELSE p.mi END, 2, '0'), ':', lpad(CASE WHEN p.s = '' THEN '0' ELSE p.s END, 2, '0'), '.', rpad(left(p.f, 3), 3, '0')) AS TIMESTAMP_NTZ) END)[0])[0] AS DATE) AS `checkout_date`, `bill__text`, transform(array(`bill__text`), s -> CASE WHEN s RLIKE '^[0-9]{1,15}\\z' THEN CAST(CAST(s AS BIGINT) AS DOUBLE) ELSE transform(array(named_struct('lead', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 1), 'whole', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 2), 'frac', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 3), 'rest', regexp_extract(s, '^([^0-9,]*)([0-9][0-9\\. \\x{a0}\']*)?(,[0-9]*)?(.*)\\z', 4))), p -> CASE WHEN NOT (p.lead RLIKE '^[+\\-−(\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.lead, '[^+\\-−]', '')) > 1 OR regexp_replace(p.lead, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '')) >= 19 THEN try_cast(replace(regexp_replace(s, '[^0-9\\-,]', ''), ',', '.') AS DOUBLE) WHEN NOT (p.rest RLIKE '^[%)\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.rest, '[^%]', '')) > 1 OR regexp_replace(p.rest, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\\-−])[^(+\\-−]*\\z', 1) IN ('(', '-', '−') THEN -1.0D ELSE 1.0D END) * (CAST(CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '') END AS BIGINT) AS DOUBLE) + CASE WHEN length(p.frac) < 2 THEN 0.0D ELSE CAST(CAST(left(substr(p.frac, 2), 15) AS BIGINT) AS DOUBLE) / pow(10.0D, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN instr(p.rest, '%') > 0 THEN 100.0D ELSE 1.0D END) END)[0] END)[0] AS `bill`, `late__text`, CASE WHEN lower(coalesce(`late__text`, '')) IN ('1', 'co', 'có', 'true', 'x', 'y', 'yes', 'đúng', '✓') THEN TRUE WHEN lower(coalesce(`late__text`, '')) IN ('0', 'false', 'khong', 'không', 'n', 'no', 'sai', '✗') THEN FALSE END AS `late`, `satisfaction__text`, transform(array(`satisfaction__text`), s -> CASE WHEN s RLIKE '^[0-9]{1,15}\\z' THEN CAST(CAST(s AS BIGINT) AS DOUBLE) ELSE transform(array(named_struct('lead', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 1), 'whole', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 2), 'frac', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 3), 'rest', regexp_extract(s, '^([^0-9\\.]*)([0-9][0-9, \\x{a0}\']*)?(\\.[0-9]*)?(.*)\\z', 4))), p -> CASE WHEN NOT (p.lead RLIKE '^[+\\-−(\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.lead, '[^+\\-−]', '')) > 1 OR regexp_replace(p.lead, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '')) >= 19 THEN try_cast(replace(regexp_replace(s, '[^0-9\\-.]', ''), '.', '.') AS DOUBLE) WHEN NOT (p.rest RLIKE '^[%)\\p{L}\\p{Sc} \\x{a0}]*\\z') OR length(regexp_replace(p.rest, '[^%]', '')) > 1 OR regexp_replace(p.rest, '[^\\p{L}]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR (p.whole = '' AND length(p.frac) < 2) THEN NULL ELSE (CASE WHEN regexp_extract(p.lead, '([(+\\-−])[^(+\\-−]*\\z', 1) IN ('(', '-', '−') THEN -1.0D ELSE 1.0D END) * (CAST(CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '') END AS BIGINT) AS DOUBLE) + CASE WHEN length(p.frac) < 2 THEN 0.0D ELSE CAST(CAST(left(substr(p.frac, 2), 15) AS BIGINT) AS DOUBLE) / pow(10.0D, length(left(substr(p.frac, 2), 15))) END) / (CASE WHEN instr(p.rest, '%') > 0 THEN 100.0D ELSE 1.0D END) END)[0] END)[0] AS `satisfaction` FROM (SELECT kpi_record, kpi_empty, CASE WHEN `checkout_date__raw` IS NULL OR `checkout_date__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `checkout_date__raw` END AS `checkout_date__text`, CASE WHEN `bill__raw` IS NULL OR `bill__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `bill__raw` END AS `bill__text`, CASE WHEN `late__raw` IS NULL OR `late__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `late__raw` END AS `late__text`, CASE WHEN `satisfaction__raw` IS NULL OR `satisfaction__raw` IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE `satisfaction__raw` END AS `satisfaction__text` FROM (SELECT kpi_line AS kpi_record, (`column0` IS NULL OR `column0` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column1` IS NULL OR `column1` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column2` IS NULL OR `column2` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column3` IS NULL OR `column3` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column4` IS NULL OR `column4` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AND (`column5` IS NULL OR `column5` RLIKE '^[\\t-\\r\\x1c-\\x20]*\\z') AS kpi_empty, btrim(column1, ' 	') AS `checkout_date__raw`, btrim(column3, ' 	') AS `bill__raw`, btrim(column4, ' 	') AS `late__raw`, btrim(column5, ' 	') AS `satisfaction__raw` FROM (SELECT * FROM (SELECT *, monotonically_increasing_id() + 1 - 1 AS kpi_line FROM `kpi_scan_checkouts`) AS kpi_numbered WHERE kpi_line >= 1 AND kpi_corrupt IS NULL)) AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMPORARY VIEW `kpi_rows_checkouts` AS SELECT * FROM `kpi_typed_checkouts` WHERE NOT kpi_empty;

-- kpi sheets_changed_rate (ratio)
SELECT kpi_period,
  `floor` AS kpi_group_0,
  GROUPING(`floor`) AS kpi_level,
  count(CASE WHEN TRUE THEN 1 END) AS `denominator`,
  count(CASE WHEN TRUE AND (`sheets_changed` = TRUE) THEN 1 END) AS `numerator`
FROM (SELECT * FROM `kpi_rows_checks` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checked_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checked_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY GROUPING SETS ((kpi_period, `floor`), (kpi_period))
ORDER BY kpi_period;

-- kpi bathroom_ok_rate (ratio)
SELECT kpi_period,
  0 AS kpi_level,
  count(CASE WHEN TRUE THEN 1 END) AS `denominator`,
  count(CASE WHEN TRUE AND (`bathroom_ok` = TRUE) THEN 1 END) AS `numerator`
FROM (SELECT * FROM `kpi_rows_checks` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checked_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checked_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi rooms_checked (count)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS `rows`,
  count(DISTINCT `room`) AS `distinct`,
  count(*) - count(`room`) AS `blank`
FROM (SELECT * FROM `kpi_rows_checks` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checked_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checked_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi inspection_score (mean)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS `rows`,
  count(`score`) AS `n`,
  0 AS `partial`,
  CAST(sum(CAST(`score` AS DECIMAL(38, 18))) AS DOUBLE) / CAST(count(`score`) AS DOUBLE) AS `value`
FROM (SELECT * FROM `kpi_rows_checks` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checked_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checked_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi rs_calls (count)
SELECT kpi_period,
  `channel` AS kpi_group_0,
  GROUPING(`channel`) AS kpi_level,
  count(*) AS `rows`
FROM (SELECT * FROM `kpi_rows_room_service` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`called_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`called_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY GROUPING SETS ((kpi_period, `channel`), (kpi_period))
ORDER BY kpi_period;

-- kpi rs_unanswered_rate (ratio)
SELECT kpi_period,
  0 AS kpi_level,
  count(CASE WHEN TRUE THEN 1 END) AS `denominator`,
  count(CASE WHEN TRUE AND (`answered_at` IS NULL) THEN 1 END) AS `numerator`
FROM (SELECT * FROM `kpi_rows_room_service` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`called_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`called_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi rs_answer_time (duration)
SELECT kpi_period,
  `channel` AS kpi_group_0,
  GROUPING(`channel`) AS kpi_level,
  count(*) AS `rows`,
  count(kpi_duration_seconds) AS `n`,
  count(CASE WHEN CAST(`called_at` AS TIMESTAMP_NTZ) IS NOT NULL AND CAST(`answered_at` AS TIMESTAMP_NTZ) IS NULL THEN 1 END) AS `open`,
  count(CASE WHEN CAST(`called_at` AS TIMESTAMP_NTZ) IS NULL THEN 1 END) AS `no_start`,
  count(CASE WHEN CAST(`answered_at` AS TIMESTAMP_NTZ) < CAST(`called_at` AS TIMESTAMP_NTZ) THEN 1 END) AS `negative`,
  CAST(sum(CAST(kpi_duration_seconds AS DECIMAL(38, 18))) AS DOUBLE) / CAST(count(kpi_duration_seconds) AS DOUBLE) AS `value`
FROM (SELECT * FROM (SELECT *, CASE WHEN CAST(`answered_at` AS TIMESTAMP_NTZ) >= CAST(`called_at` AS TIMESTAMP_NTZ) THEN CAST(kpi_business_seconds AS DOUBLE) END AS kpi_duration_seconds FROM (WITH kpi_calendar AS (WITH kpi_bounds AS (SELECT CASE WHEN kpi_m1 IS NULL OR kpi_m0 <= kpi_m1 THEN kpi_m0 ELSE kpi_m1 END AS kpi_first, CASE WHEN kpi_n1 IS NULL OR kpi_n0 >= kpi_n1 THEN kpi_n0 ELSE kpi_n1 END AS kpi_last FROM (SELECT min(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_m0, max(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_n0, min(CAST(CAST(`answered_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_m1, max(CAST(CAST(`answered_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_n1 FROM `kpi_rows_room_service` AS kpi_all_rows) AS kpi_reach) SELECT * FROM (SELECT kpi_day, CAST(coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS kpi_cum, kpi_s1, kpi_e1, kpi_working, CAST(sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS kpi_wdn
  FROM (SELECT kpi_day, kpi_dow, kpi_working, coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working
    FROM (SELECT kpi_day, (weekday(kpi_day) + 1) AS kpi_dow, ((weekday(kpi_day) + 1) IN (1, 2, 3, 4, 5, 6, 7) AND kpi_day NOT IN (DATE '2026-09-02')) AS kpi_working
      FROM (SELECT explode(CASE WHEN kpi_from <= kpi_to THEN sequence(kpi_from, kpi_to, INTERVAL 1 DAY) END) AS kpi_day FROM (SELECT CAST((CAST((SELECT kpi_first FROM kpi_bounds) AS DATE) + -1) AS DATE) AS kpi_from, CAST((SELECT kpi_last FROM kpi_bounds) AS DATE) AS kpi_to) AS kpi_bounds) AS kpi_series) AS kpi_days) AS kpi_days
  JOIN (VALUES (1, TRUE, TRUE, 61200, 21600, 82800), (1, TRUE, FALSE, 61200, 21600, 82800), (1, FALSE, TRUE, 0, 0, 0), (1, FALSE, FALSE, 0, 0, 0), (2, TRUE, TRUE, 61200, 21600, 82800), (2, TRUE, FALSE, 61200, 21600, 82800), (2, FALSE, TRUE, 0, 0, 0), (2, FALSE, FALSE, 0, 0, 0), (3, TRUE, TRUE, 61200, 21600, 82800), (3, TRUE, FALSE, 61200, 21600, 82800), (3, FALSE, TRUE, 0, 0, 0), (3, FALSE, FALSE, 0, 0, 0), (4, TRUE, TRUE, 61200, 21600, 82800), (4, TRUE, FALSE, 61200, 21600, 82800), (4, FALSE, TRUE, 0, 0, 0), (4, FALSE, FALSE, 0, 0, 0), (5, TRUE, TRUE, 61200, 21600, 82800), (5, TRUE, FALSE, 61200, 21600, 82800), (5, FALSE, TRUE, 0, 0, 0), (5, FALSE, FALSE, 0, 0, 0), (6, TRUE, TRUE, 61200, 21600, 82800), (6, TRUE, FALSE, 61200, 21600, 82800), (6, FALSE, TRUE, 0, 0, 0), (6, FALSE, FALSE, 0, 0, 0), (7, TRUE, TRUE, 61200, 21600, 82800), (7, TRUE, FALSE, 61200, 21600, 82800), (7, FALSE, TRUE, 0, 0, 0), (7, FALSE, FALSE, 0, 0, 0)) AS kpi_day_kinds(kpi_dow, kpi_working, kpi_prev_working, kpi_day_seconds, kpi_s1, kpi_e1) USING (kpi_dow, kpi_working, kpi_prev_working)) AS kpi_days_reached)
SELECT kpi_rows.*, (kpi_cal_1.kpi_cum + CASE WHEN (hour(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`answered_at` AS TIMESTAMP_NTZ))) <= kpi_cal_1.kpi_s1 THEN 0 WHEN (hour(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`answered_at` AS TIMESTAMP_NTZ))) >= kpi_cal_1.kpi_e1 THEN kpi_cal_1.kpi_e1 - kpi_cal_1.kpi_s1 ELSE (hour(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`answered_at` AS TIMESTAMP_NTZ))) - kpi_cal_1.kpi_s1 END) - (kpi_cal_0.kpi_cum + CASE WHEN (hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`called_at` AS TIMESTAMP_NTZ))) <= kpi_cal_0.kpi_s1 THEN 0 WHEN (hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`called_at` AS TIMESTAMP_NTZ))) >= kpi_cal_0.kpi_e1 THEN kpi_cal_0.kpi_e1 - kpi_cal_0.kpi_s1 ELSE (hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`called_at` AS TIMESTAMP_NTZ))) - kpi_cal_0.kpi_s1 END) AS kpi_business_seconds
FROM `kpi_rows_room_service` AS kpi_rows
  LEFT JOIN kpi_calendar AS kpi_cal_0 ON kpi_cal_0.kpi_day = CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)
  LEFT JOIN kpi_calendar AS kpi_cal_1 ON kpi_cal_1.kpi_day = CAST(CAST(`answered_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_duration_rows) AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`called_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`called_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY GROUPING SETS ((kpi_period, `channel`), (kpi_period))
ORDER BY kpi_period;

-- examples: run only when some group's negative is above 0
SELECT kpi_period, kpi_group_0, kpi_text_0, kpi_text_1, kpi_rank_0, kpi_rank_1
FROM (SELECT kpi_period, kpi_record, `channel` AS kpi_group_0, (CAST(unix_date(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`called_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT)) AS kpi_text_0, (CAST(unix_date(CAST(CAST(`answered_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`answered_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT)) AS kpi_text_1, row_number() OVER (PARTITION BY kpi_period, `channel` ORDER BY kpi_record) AS kpi_rank_0, row_number() OVER (PARTITION BY kpi_period ORDER BY kpi_record) AS kpi_rank_1
  FROM (SELECT * FROM (SELECT *, CASE WHEN CAST(`answered_at` AS TIMESTAMP_NTZ) >= CAST(`called_at` AS TIMESTAMP_NTZ) THEN CAST(kpi_business_seconds AS DOUBLE) END AS kpi_duration_seconds FROM (WITH kpi_calendar AS (WITH kpi_bounds AS (SELECT CASE WHEN kpi_m1 IS NULL OR kpi_m0 <= kpi_m1 THEN kpi_m0 ELSE kpi_m1 END AS kpi_first, CASE WHEN kpi_n1 IS NULL OR kpi_n0 >= kpi_n1 THEN kpi_n0 ELSE kpi_n1 END AS kpi_last FROM (SELECT min(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_m0, max(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_n0, min(CAST(CAST(`answered_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_m1, max(CAST(CAST(`answered_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_n1 FROM `kpi_rows_room_service` AS kpi_all_rows) AS kpi_reach) SELECT * FROM (SELECT kpi_day, CAST(coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS kpi_cum, kpi_s1, kpi_e1, kpi_working, CAST(sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS kpi_wdn
  FROM (SELECT kpi_day, kpi_dow, kpi_working, coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working
    FROM (SELECT kpi_day, (weekday(kpi_day) + 1) AS kpi_dow, ((weekday(kpi_day) + 1) IN (1, 2, 3, 4, 5, 6, 7) AND kpi_day NOT IN (DATE '2026-09-02')) AS kpi_working
      FROM (SELECT explode(CASE WHEN kpi_from <= kpi_to THEN sequence(kpi_from, kpi_to, INTERVAL 1 DAY) END) AS kpi_day FROM (SELECT CAST((CAST((SELECT kpi_first FROM kpi_bounds) AS DATE) + -1) AS DATE) AS kpi_from, CAST((SELECT kpi_last FROM kpi_bounds) AS DATE) AS kpi_to) AS kpi_bounds) AS kpi_series) AS kpi_days) AS kpi_days
  JOIN (VALUES (1, TRUE, TRUE, 61200, 21600, 82800), (1, TRUE, FALSE, 61200, 21600, 82800), (1, FALSE, TRUE, 0, 0, 0), (1, FALSE, FALSE, 0, 0, 0), (2, TRUE, TRUE, 61200, 21600, 82800), (2, TRUE, FALSE, 61200, 21600, 82800), (2, FALSE, TRUE, 0, 0, 0), (2, FALSE, FALSE, 0, 0, 0), (3, TRUE, TRUE, 61200, 21600, 82800), (3, TRUE, FALSE, 61200, 21600, 82800), (3, FALSE, TRUE, 0, 0, 0), (3, FALSE, FALSE, 0, 0, 0), (4, TRUE, TRUE, 61200, 21600, 82800), (4, TRUE, FALSE, 61200, 21600, 82800), (4, FALSE, TRUE, 0, 0, 0), (4, FALSE, FALSE, 0, 0, 0), (5, TRUE, TRUE, 61200, 21600, 82800), (5, TRUE, FALSE, 61200, 21600, 82800), (5, FALSE, TRUE, 0, 0, 0), (5, FALSE, FALSE, 0, 0, 0), (6, TRUE, TRUE, 61200, 21600, 82800), (6, TRUE, FALSE, 61200, 21600, 82800), (6, FALSE, TRUE, 0, 0, 0), (6, FALSE, FALSE, 0, 0, 0), (7, TRUE, TRUE, 61200, 21600, 82800), (7, TRUE, FALSE, 61200, 21600, 82800), (7, FALSE, TRUE, 0, 0, 0), (7, FALSE, FALSE, 0, 0, 0)) AS kpi_day_kinds(kpi_dow, kpi_working, kpi_prev_working, kpi_day_seconds, kpi_s1, kpi_e1) USING (kpi_dow, kpi_working, kpi_prev_working)) AS kpi_days_reached)
SELECT kpi_rows.*, (kpi_cal_1.kpi_cum + CASE WHEN (hour(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`answered_at` AS TIMESTAMP_NTZ))) <= kpi_cal_1.kpi_s1 THEN 0 WHEN (hour(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`answered_at` AS TIMESTAMP_NTZ))) >= kpi_cal_1.kpi_e1 THEN kpi_cal_1.kpi_e1 - kpi_cal_1.kpi_s1 ELSE (hour(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`answered_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`answered_at` AS TIMESTAMP_NTZ))) - kpi_cal_1.kpi_s1 END) - (kpi_cal_0.kpi_cum + CASE WHEN (hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`called_at` AS TIMESTAMP_NTZ))) <= kpi_cal_0.kpi_s1 THEN 0 WHEN (hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`called_at` AS TIMESTAMP_NTZ))) >= kpi_cal_0.kpi_e1 THEN kpi_cal_0.kpi_e1 - kpi_cal_0.kpi_s1 ELSE (hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60 + second(CAST(`called_at` AS TIMESTAMP_NTZ))) - kpi_cal_0.kpi_s1 END) AS kpi_business_seconds
FROM `kpi_rows_room_service` AS kpi_rows
  LEFT JOIN kpi_calendar AS kpi_cal_0 ON kpi_cal_0.kpi_day = CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)
  LEFT JOIN kpi_calendar AS kpi_cal_1 ON kpi_cal_1.kpi_day = CAST(CAST(`answered_at` AS TIMESTAMP_NTZ) AS DATE)) AS kpi_duration_rows) AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`called_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`called_at` AS TIMESTAMP_NTZ) < kpi_to)
  WHERE CAST(`answered_at` AS TIMESTAMP_NTZ) < CAST(`called_at` AS TIMESTAMP_NTZ)) AS kpi_listed
WHERE kpi_rank_0 <= 2 OR kpi_rank_1 <= 2
ORDER BY kpi_period, kpi_record;

-- kpi rs_delivery_p90 (duration)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS `rows`,
  count(CASE WHEN kpi_duration_seconds >= 0 THEN kpi_duration_seconds END) AS `n`,
  count(CASE WHEN CAST(`called_at` AS TIMESTAMP_NTZ) IS NOT NULL AND CAST(`delivered_at` AS TIMESTAMP_NTZ) IS NULL THEN 1 END) AS `open`,
  count(CASE WHEN CAST(`called_at` AS TIMESTAMP_NTZ) IS NULL THEN 1 END) AS `no_start`,
  count(CASE WHEN CAST(`delivered_at` AS TIMESTAMP_NTZ) < CAST(`called_at` AS TIMESTAMP_NTZ) OR kpi_duration_seconds < 0 THEN 1 END) AS `negative`,
  percentile(CAST(CASE WHEN kpi_duration_seconds >= 0 THEN kpi_duration_seconds END AS DOUBLE), 0.9) AS `value`
FROM (SELECT * FROM (SELECT *, CASE WHEN CAST(`delivered_at` AS TIMESTAMP_NTZ) >= CAST(`called_at` AS TIMESTAMP_NTZ) THEN CASE WHEN CAST(`called_at` AS TIMESTAMP_NTZ) >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN (CAST(((CAST(unix_date(CAST(CAST(`delivered_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`called_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT))) AS DOUBLE) / 1000) ELSE (CAST(((CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ)) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ))) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ))) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ))) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ)) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ))) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ))) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ))) * 1000) AS BIGINT))) AS DOUBLE) / 1000) END END AS kpi_duration_seconds FROM `kpi_rows_room_service` AS kpi_duration_rows) AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`called_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`called_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- examples: run only when some group's negative is above 0
SELECT kpi_period, kpi_text_0, kpi_text_1, kpi_rank_0
FROM (SELECT kpi_period, kpi_record, (CAST(unix_date(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`called_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT)) AS kpi_text_0, (CAST(unix_date(CAST(CAST(`delivered_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT)) AS kpi_text_1, row_number() OVER (PARTITION BY kpi_period ORDER BY kpi_record) AS kpi_rank_0
  FROM (SELECT * FROM (SELECT *, CASE WHEN CAST(`delivered_at` AS TIMESTAMP_NTZ) >= CAST(`called_at` AS TIMESTAMP_NTZ) THEN CASE WHEN CAST(`called_at` AS TIMESTAMP_NTZ) >= TIMESTAMP_NTZ '1975-06-13 00:00' THEN (CAST(((CAST(unix_date(CAST(CAST(`delivered_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`delivered_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(CAST(`called_at` AS TIMESTAMP_NTZ) AS DATE)) AS BIGINT) * 86400000 + hour(CAST(`called_at` AS TIMESTAMP_NTZ)) * 3600000 + minute(CAST(`called_at` AS TIMESTAMP_NTZ)) * 60000 + CAST(floor(date_part('SECOND', CAST(`called_at` AS TIMESTAMP_NTZ)) * 1000) AS BIGINT))) AS DOUBLE) / 1000) ELSE (CAST(((CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ)) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ))) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ))) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`delivered_at` AS TIMESTAMP_NTZ))) * 1000) AS BIGINT)) - (CAST(unix_date(CAST(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ)) AS DATE)) AS BIGINT) * 86400000 + hour(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ))) * 3600000 + minute(convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ))) * 60000 + CAST(floor(date_part('SECOND', convert_timezone('Asia/Ho_Chi_Minh', 'UTC', CAST(`called_at` AS TIMESTAMP_NTZ))) * 1000) AS BIGINT))) AS DOUBLE) / 1000) END END AS kpi_duration_seconds FROM `kpi_rows_room_service` AS kpi_duration_rows) AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`called_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`called_at` AS TIMESTAMP_NTZ) < kpi_to)
  WHERE CAST(`delivered_at` AS TIMESTAMP_NTZ) < CAST(`called_at` AS TIMESTAMP_NTZ) OR kpi_duration_seconds < 0) AS kpi_listed
WHERE kpi_rank_0 <= 2
ORDER BY kpi_period, kpi_record;

-- kpi rs_revenue (sum)
SELECT kpi_period,
  `channel` AS kpi_group_0,
  GROUPING(`channel`) AS kpi_level,
  count(*) AS `rows`,
  count(`amount`) AS `n`,
  0 AS `partial`,
  CAST(sum(CAST(`amount` AS DECIMAL(38, 18))) AS DOUBLE) AS `value`
FROM (SELECT * FROM `kpi_rows_room_service` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`called_at` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`called_at` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY GROUPING SETS ((kpi_period, `channel`), (kpi_period))
ORDER BY kpi_period;

-- kpi checkouts (count)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS `rows`
FROM (SELECT * FROM `kpi_rows_checkouts` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checkout_date` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checkout_date` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi average_bill (mean)
SELECT kpi_period,
  0 AS kpi_level,
  count(*) AS `rows`,
  count(`bill`) AS `n`,
  0 AS `partial`,
  CAST(sum(CAST(`bill` AS DECIMAL(38, 18))) AS DOUBLE) / CAST(count(`bill`) AS DOUBLE) AS `value`
FROM (SELECT * FROM `kpi_rows_checkouts` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checkout_date` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checkout_date` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi late_checkout_rate (ratio)
SELECT kpi_period,
  0 AS kpi_level,
  count(CASE WHEN TRUE THEN 1 END) AS `denominator`,
  count(CASE WHEN TRUE AND (`late` = TRUE) THEN 1 END) AS `numerator`
FROM (SELECT * FROM `kpi_rows_checkouts` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checkout_date` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checkout_date` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;

-- kpi satisfied_guests (ratio)
SELECT kpi_period,
  0 AS kpi_level,
  count(CASE WHEN (`satisfaction` IS NOT NULL) THEN 1 END) AS `denominator`,
  count(CASE WHEN (`satisfaction` IS NOT NULL) AND (`satisfaction` >= CAST(4.0 AS DOUBLE)) THEN 1 END) AS `numerator`
FROM (SELECT * FROM `kpi_rows_checkouts` AS kpi_rows WHERE TRUE) AS kpi_population
JOIN (VALUES (0, FALSE, TIMESTAMP_NTZ '2026-10-01 00:00', TIMESTAMP_NTZ '2026-11-01 00:00')) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON kpi_all OR (CAST(`checkout_date` AS TIMESTAMP_NTZ) >= kpi_from AND CAST(`checkout_date` AS TIMESTAMP_NTZ) < kpi_to)
GROUP BY kpi_period
ORDER BY kpi_period;
