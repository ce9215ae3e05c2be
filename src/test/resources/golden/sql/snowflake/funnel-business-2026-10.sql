-- kpi sql --dialect snowflake
CREATE OR REPLACE TEMPORARY FUNCTION kpi_number_dot(s VARCHAR) RETURNS DOUBLE AS $$ CASE WHEN REGEXP_INSTR(s, '^([0-9]{1,15})$') > 0 THEN CAST(CAST(s AS BIGINT) AS DOUBLE) WHEN NOT (REGEXP_INSTR(s, '^(([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*))$') > 0) THEN NULL WHEN REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 1), ''), '[+−( $¢£¤¥֏؋߾߿৲৳৻૱௹฿៛₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿꠸﷼﹩＄￠￡￥￦ -]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR length(REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 1), ''), '[^+−-]', '')) > 1 THEN NULL WHEN length(REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 2), ''), '[^0-9]', '')) >= 19 THEN TRY_CAST(replace(REGEXP_REPLACE(s, '[^0-9.-]', ''), '.', '.') AS DOUBLE) WHEN REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 4), ''), '[%) $¢£¤¥֏؋߾߿৲৳৻૱௹฿៛₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿꠸﷼﹩＄￠￡￥￦ ]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR length(REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 4), ''), '[^%]', '')) > 1 OR (coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 2), '') = '' AND length(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 3), '')) < 2) THEN NULL ELSE (CASE WHEN coalesce(REGEXP_SUBSTR(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 1), ''), '([(+−-])[^(+−-]*$', 1, 1, 'e', 1), '') IN ('(', '-', '−') THEN -CAST(1 AS DOUBLE) ELSE CAST(1 AS DOUBLE) END) * (CAST(CAST(CASE WHEN coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 2), '') = '' THEN '0' ELSE REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 2), ''), '[^0-9]', '') END AS BIGINT) AS DOUBLE) + CASE WHEN length(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 3), '')) < 2 THEN CAST(0 AS DOUBLE) ELSE CAST(CAST(substr(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 3), ''), 2, 15) AS BIGINT) AS DOUBLE) / POWER(10, length(substr(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 3), ''), 2, 15))) END) / (CASE WHEN REGEXP_INSTR(coalesce(REGEXP_SUBSTR(s, '^([^0-9.]*)([0-9][0-9, '' ]*)?([.][0-9]*)?(.*)$', 1, 1, 'e', 4), ''), '%') > 0 THEN CAST(100 AS DOUBLE) ELSE CAST(1 AS DOUBLE) END) END $$;
CREATE OR REPLACE TEMPORARY FUNCTION kpi_number_comma(s VARCHAR) RETURNS DOUBLE AS $$ CASE WHEN REGEXP_INSTR(s, '^([0-9]{1,15})$') > 0 THEN CAST(CAST(s AS BIGINT) AS DOUBLE) WHEN NOT (REGEXP_INSTR(s, '^(([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*))$') > 0) THEN NULL WHEN REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 1), ''), '[+−( $¢£¤¥֏؋߾߿৲৳৻૱௹฿៛₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿꠸﷼﹩＄￠￡￥￦ -]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR length(REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 1), ''), '[^+−-]', '')) > 1 THEN NULL WHEN length(REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 2), ''), '[^0-9]', '')) >= 19 THEN TRY_CAST(replace(REGEXP_REPLACE(s, '[^0-9,-]', ''), ',', '.') AS DOUBLE) WHEN REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 4), ''), '[%) $¢£¤¥֏؋߾߿৲৳৻૱௹฿៛₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿꠸﷼﹩＄￠￡￥￦ ]', '') NOT IN ('', 'VND', 'vnd', 'VNĐ', 'vnđ', 'đ', 'Đ', 'USD', 'usd', 'EUR', 'eur', 'GBP', 'JPY', 'đồng', 'dong') OR length(REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 4), ''), '[^%]', '')) > 1 OR (coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 2), '') = '' AND length(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 3), '')) < 2) THEN NULL ELSE (CASE WHEN coalesce(REGEXP_SUBSTR(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 1), ''), '([(+−-])[^(+−-]*$', 1, 1, 'e', 1), '') IN ('(', '-', '−') THEN -CAST(1 AS DOUBLE) ELSE CAST(1 AS DOUBLE) END) * (CAST(CAST(CASE WHEN coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 2), '') = '' THEN '0' ELSE REGEXP_REPLACE(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 2), ''), '[^0-9]', '') END AS BIGINT) AS DOUBLE) + CASE WHEN length(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 3), '')) < 2 THEN CAST(0 AS DOUBLE) ELSE CAST(CAST(substr(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 3), ''), 2, 15) AS BIGINT) AS DOUBLE) / POWER(10, length(substr(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 3), ''), 2, 15))) END) / (CASE WHEN REGEXP_INSTR(coalesce(REGEXP_SUBSTR(s, '^([^0-9,]*)([0-9][0-9. '' ]*)?([,][0-9]*)?(.*)$', 1, 1, 'e', 4), ''), '%') > 0 THEN CAST(100 AS DOUBLE) ELSE CAST(1 AS DOUBLE) END) END $$;

-- source h
-- src/test/resources/sql-gaps/funnel-business.csv: PUT file://src/test/resources/sql-gaps/funnel-business.csv @kpi_stage (a stage of yours) first
CREATE OR REPLACE TEMPORARY TABLE "kpi_raw_h" (kpi_line NUMBER, "column0" VARCHAR, "column1" VARCHAR, "column2" VARCHAR, "column3" VARCHAR);
COPY INTO "kpi_raw_h" (kpi_line, "column0", "column1", "column2", "column3") FROM (SELECT METADATA$FILE_ROW_NUMBER, $1, $2, $3, $4 FROM @kpi_stage/funnel-business.csv) FILE_FORMAT = (TYPE = CSV, SKIP_HEADER = 1, FIELD_DELIMITER = ',', FIELD_OPTIONALLY_ENCLOSED_BY = '"', NULL_IF = (), ERROR_ON_COLUMN_COUNT_MISMATCH = FALSE, ENCODING = 'UTF8');
CREATE OR REPLACE TEMPORARY TABLE "kpi_typed_h" AS SELECT kpi_record, kpi_empty, "lead__cleaned", "lead", "campaign__cleaned", "campaign", "stage__cleaned", "stage", "at__text", CASE WHEN REGEXP_INSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$') > 0 AND NOT (CAST(REGEXP_SUBSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$', 1, 1, 'e', 4) AS INTEGER) > 23 OR CAST(REGEXP_SUBSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$', 1, 1, 'e', 5) AS INTEGER) > 59) THEN TRY_TO_TIMESTAMP_NTZ(lpad(REGEXP_SUBSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$', 1, 1, 'e', 3), 4, '0') || '-' || lpad(REGEXP_SUBSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$', 1, 1, 'e', 2), 2, '0') || '-' || lpad(REGEXP_SUBSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$', 1, 1, 'e', 1), 2, '0') || ' ' || lpad(REGEXP_SUBSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$', 1, 1, 'e', 4), 2, '0') || ':' || lpad(REGEXP_SUBSTR("at__text", '^ *([0-9]{2,2})[/]([0-9]{2,2})[/]([0-9]{4,4}) ([0-9]{2,2})[:]([0-9]{2,2}) *$', 1, 1, 'e', 5), 2, '0') || ':' || '00' || '.' || '000', 'YYYY-MM-DD HH24:MI:SS.FF3') END AS "at" FROM (SELECT kpi_record, kpi_empty, CASE WHEN "lead__raw" IS NULL OR "lead__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN REGEXP_INSTR("lead__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') > 0 THEN TRIM(REGEXP_REPLACE("lead__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', ''), ' \u0009') ELSE "lead__raw" END, '') END AS "lead", "lead__cleaned", CASE WHEN "campaign__raw" IS NULL OR "campaign__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN REGEXP_INSTR("campaign__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') > 0 THEN TRIM(REGEXP_REPLACE("campaign__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', ''), ' \u0009') ELSE "campaign__raw" END, '') END AS "campaign", "campaign__cleaned", CASE WHEN "stage__raw" IS NULL OR "stage__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE NULLIF(CASE WHEN REGEXP_INSTR("stage__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') > 0 THEN TRIM(REGEXP_REPLACE("stage__raw", '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]', ''), ' \u0009') ELSE "stage__raw" END, '') END AS "stage", "stage__cleaned", CASE WHEN "at__raw" IS NULL OR "at__raw" IN ('', '#N/A', '(blank)', '-', 'N/A', 'NA', 'NULL', 'n/a', 'null') THEN NULL ELSE "at__raw" END AS "at__text" FROM (SELECT kpi_line AS kpi_record, ("column0" IS NULL OR REGEXP_INSTR("column0", '^([\u0009-\u000d\u001c- ]*)$') > 0) AND ("column1" IS NULL OR REGEXP_INSTR("column1", '^([\u0009-\u000d\u001c- ]*)$') > 0) AND ("column2" IS NULL OR REGEXP_INSTR("column2", '^([\u0009-\u000d\u001c- ]*)$') > 0) AND ("column3" IS NULL OR REGEXP_INSTR("column3", '^([\u0009-\u000d\u001c- ]*)$') > 0) AS kpi_empty, TRIM(column0, ' \u0009') AS "lead__raw", CASE WHEN REGEXP_INSTR(column0, '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') > 0 THEN column0 END AS "lead__cleaned", TRIM(column1, ' \u0009') AS "campaign__raw", CASE WHEN REGEXP_INSTR(column1, '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') > 0 THEN column1 END AS "campaign__cleaned", TRIM(column2, ' \u0009') AS "stage__raw", CASE WHEN REGEXP_INSTR(column2, '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]') > 0 THEN column2 END AS "stage__cleaned", TRIM(column3, ' \u0009') AS "at__raw" FROM "kpi_raw_h") AS kpi_fields) AS kpi_texts;
CREATE OR REPLACE TEMPORARY VIEW "kpi_rows_h" AS SELECT * FROM "kpi_typed_h" WHERE NOT kpi_empty;

-- kpi biz_wd2 (funnel)
WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS TIMESTAMP_NTZ) AS t, "campaign" AS grp FROM "kpi_rows_h" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS VARCHAR) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'won' THEN 2 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
),
kpi_calendar AS (SELECT kpi_day, CAST(coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS kpi_cum, kpi_s1, kpi_e1, kpi_working, CAST(sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS kpi_wdn
  FROM (SELECT kpi_day, kpi_dow, kpi_working, coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working
    FROM (SELECT kpi_day, DAYOFWEEKISO(kpi_day) AS kpi_dow, (DAYOFWEEKISO(kpi_day) IN (1, 2, 3, 4, 5) AND kpi_day NOT IN (DATE '2026-10-12')) AS kpi_working
      FROM (SELECT DATEADD(DAY, CAST(kpi_n.VALUE AS INTEGER), CAST((CAST((SELECT kpi_m0 FROM (SELECT min(CAST(t AS DATE)) AS kpi_m0 FROM kpi_typed) AS kpi_first) AS DATE) + -1) AS DATE)) AS kpi_day FROM TABLE(FLATTEN(INPUT => ARRAY_GENERATE_RANGE(0, DATEDIFF(DAY, CAST((CAST((SELECT kpi_m0 FROM (SELECT min(CAST(t AS DATE)) AS kpi_m0 FROM kpi_typed) AS kpi_first) AS DATE) + -1) AS DATE), CAST((SELECT (kpi_m0 + 28) FROM (SELECT max(CAST(t AS DATE)) AS kpi_m0 FROM kpi_typed) AS kpi_last) AS DATE)) + 1))) AS kpi_n) AS kpi_series) AS kpi_days) AS kpi_days
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
    CAST(sum(CASE WHEN k = 0 AND closed THEN DATE_PART(EPOCH_MILLISECOND, t_next) - DATE_PART(EPOCH_MILLISECOND, t) END) AS DOUBLE) / 1000.0 AS ti0,
    min(CASE WHEN k = 1 THEN t END) AS f1,
    FALSE AS u1,
    CAST(sum(CASE WHEN k = 1 AND closed THEN DATE_PART(EPOCH_MILLISECOND, t_next) - DATE_PART(EPOCH_MILLISECOND, t) END) AS DOUBLE) / 1000.0 AS ti1,
    min(CASE WHEN k = 2 THEN t END) AS f2,
    FALSE AS u2,
    CAST(sum(CASE WHEN k = 2 AND closed THEN DATE_PART(EPOCH_MILLISECOND, t_next) - DATE_PART(EPOCH_MILLISECOND, t) END) AS DOUBLE) / 1000.0 AS ti2
  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev) AS kpi_closed GROUP BY tot, grp, ld
), kpi_lead AS (
  SELECT *, CASE WHEN f0 = earliest THEN 0 WHEN f1 = earliest THEN 1 WHEN f2 = earliest THEN 2 END AS fs, seen AS cohort FROM kpi_lead0
),
kpi_lead_hours AS (
  SELECT kpi_lead.*, (kpi_b0.kpi_cum + CASE WHEN (HOUR(kpi_lead.f0) * 3600 + MINUTE(kpi_lead.f0) * 60 + SECOND(kpi_lead.f0)) <= kpi_b0.kpi_s1 THEN 0 WHEN (HOUR(kpi_lead.f0) * 3600 + MINUTE(kpi_lead.f0) * 60 + SECOND(kpi_lead.f0)) >= kpi_b0.kpi_e1 THEN kpi_b0.kpi_e1 - kpi_b0.kpi_s1 ELSE (HOUR(kpi_lead.f0) * 3600 + MINUTE(kpi_lead.f0) * 60 + SECOND(kpi_lead.f0)) - kpi_b0.kpi_s1 END) AS bu0, (kpi_b1.kpi_cum + CASE WHEN (HOUR(kpi_lead.f1) * 3600 + MINUTE(kpi_lead.f1) * 60 + SECOND(kpi_lead.f1)) <= kpi_b1.kpi_s1 THEN 0 WHEN (HOUR(kpi_lead.f1) * 3600 + MINUTE(kpi_lead.f1) * 60 + SECOND(kpi_lead.f1)) >= kpi_b1.kpi_e1 THEN kpi_b1.kpi_e1 - kpi_b1.kpi_s1 ELSE (HOUR(kpi_lead.f1) * 3600 + MINUTE(kpi_lead.f1) * 60 + SECOND(kpi_lead.f1)) - kpi_b1.kpi_s1 END) AS bu1, (kpi_b2.kpi_cum + CASE WHEN (HOUR(kpi_lead.f2) * 3600 + MINUTE(kpi_lead.f2) * 60 + SECOND(kpi_lead.f2)) <= kpi_b2.kpi_s1 THEN 0 WHEN (HOUR(kpi_lead.f2) * 3600 + MINUTE(kpi_lead.f2) * 60 + SECOND(kpi_lead.f2)) >= kpi_b2.kpi_e1 THEN kpi_b2.kpi_e1 - kpi_b2.kpi_s1 ELSE (HOUR(kpi_lead.f2) * 3600 + MINUTE(kpi_lead.f2) * 60 + SECOND(kpi_lead.f2)) - kpi_b2.kpi_s1 END) AS bu2
  FROM kpi_lead
    LEFT JOIN kpi_calendar AS kpi_b0 ON kpi_b0.kpi_day = CAST(kpi_lead.f0 AS DATE)
    LEFT JOIN kpi_calendar AS kpi_b1 ON kpi_b1.kpi_day = CAST(kpi_lead.f1 AS DATE)
    LEFT JOIN kpi_calendar AS kpi_b2 ON kpi_b2.kpi_day = CAST(kpi_lead.f2 AS DATE)
),
kpi_known AS (
  SELECT *, coalesce(fs, 0) > 0 AS midway, 0 AS st FROM kpi_lead_hours
), kpi_known1 AS (
  SELECT *, 0 >= st AND (f0 IS NOT NULL OR u0) AS kn0, CASE WHEN 0 >= st THEN f0 END AS a0, 1 >= st AND (f1 IS NOT NULL OR u1) AS kn1, CASE WHEN 1 >= st THEN f1 END AS a1, 2 >= st AND (f2 IS NOT NULL OR u2) AS kn2, CASE WHEN 2 >= st THEN f2 END AS a2 FROM kpi_known
), kpi_filled AS (
  SELECT *, kn0 OR (0 >= st AND (kn1 OR kn2)) AS kk0, CASE WHEN (0 >= st AND (kn1 OR kn2)) THEN CASE WHEN a0 IS NOT NULL AND (a1 IS NULL OR a0 <= a1) AND (a2 IS NULL OR a0 <= a2) THEN a0 WHEN a1 IS NOT NULL AND (a0 IS NULL OR a1 <= a0) AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a0 IS NULL OR a2 <= a0) AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a0 END AS at0, kn1 OR (1 >= st AND (kn2)) AS kk1, CASE WHEN (1 >= st AND (kn2)) THEN CASE WHEN a1 IS NOT NULL AND (a2 IS NULL OR a1 <= a2) THEN a1 WHEN a2 IS NOT NULL AND (a1 IS NULL OR a2 <= a1) THEN a2 END ELSE a1 END AS at1, kn2 OR (2 >= st AND FALSE) AS kk2, CASE WHEN (2 >= st AND FALSE) THEN a2 ELSE a2 END AS at2 FROM kpi_known1
), kpi_windows AS (
  SELECT kpi_filled.*, DATEADD(DAY, (kpi_w0.kpi_end_day - CAST(kpi_filled.at0 AS DATE)), kpi_filled.at0) AS we0, DATEADD(DAY, (kpi_w1.kpi_end_day - CAST(kpi_filled.at1 AS DATE)), kpi_filled.at1) AS we1, DATEADD(DAY, (kpi_w2.kpi_end_day - CAST(kpi_filled.at2 AS DATE)), kpi_filled.at2) AS we2
  FROM kpi_filled
    LEFT JOIN kpi_window_ends AS kpi_w0 ON kpi_w0.kpi_day = CAST(kpi_filled.at0 AS DATE)
    LEFT JOIN kpi_window_ends AS kpi_w1 ON kpi_w1.kpi_day = CAST(kpi_filled.at1 AS DATE)
    LEFT JOIN kpi_window_ends AS kpi_w2 ON kpi_w2.kpi_day = CAST(kpi_filled.at2 AS DATE)
), kpi_walk AS (
  SELECT *, CASE WHEN at1 IS NOT NULL AND (at2 IS NULL OR at1 <= at2) THEN at1 WHEN at2 IS NOT NULL AND (at1 IS NULL OR at2 <= at1) THEN at2 END AS nx0, at2 AS nx1, CAST(NULL AS TIMESTAMP_NTZ) AS nx2, TRUE AS go0, FALSE AS sd0, CAST(NULL AS TIMESTAMP_NTZ) AS pv0, CAST(NULL AS TIMESTAMP_NTZ) AS pw0 FROM kpi_windows
), kpi_walk0 AS (
  SELECT *, go0 AND NOT coalesce((go0 AND sd0 AND (NOT kk0 OR (kk0 AND NOT FALSE AND NOT (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN FALSE WHEN at0 < pv0 THEN FALSE ELSE at0 <= pw0 END)))), FALSE) AS go1, sd0 OR coalesce(r0, FALSE) AS sd1, CASE WHEN r0 AND at0 IS NOT NULL THEN at0 ELSE pv0 END AS pv1, CASE WHEN r0 AND at0 IS NOT NULL THEN we0 ELSE pw0 END AS pw1 FROM (SELECT *, coalesce((go0 AND kk0 AND (NOT sd0 OR (NOT FALSE AND (CASE WHEN pv0 IS NULL OR at0 IS NULL THEN FALSE WHEN at0 < pv0 THEN FALSE ELSE at0 <= pw0 END)))), FALSE) AS r0 FROM kpi_walk) AS kpi_step0
), kpi_walk1 AS (
  SELECT *, go1 AND NOT coalesce((go1 AND sd1 AND (NOT kk1 OR (kk1 AND NOT FALSE AND NOT (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN FALSE WHEN at1 < pv1 THEN FALSE ELSE at1 <= pw1 END)))), FALSE) AS go2, sd1 OR coalesce(r1, FALSE) AS sd2, CASE WHEN r1 AND at1 IS NOT NULL THEN at1 ELSE pv1 END AS pv2, CASE WHEN r1 AND at1 IS NOT NULL THEN we1 ELSE pw1 END AS pw2 FROM (SELECT *, coalesce((go1 AND kk1 AND (NOT sd1 OR (NOT FALSE AND (CASE WHEN pv1 IS NULL OR at1 IS NULL THEN FALSE WHEN at1 < pv1 THEN FALSE ELSE at1 <= pw1 END)))), FALSE) AS r1 FROM kpi_walk0) AS kpi_step1
), kpi_walk2 AS (
  SELECT *, go2 AND NOT coalesce((go2 AND sd2 AND (NOT kk2 OR (kk2 AND NOT FALSE AND NOT (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN FALSE WHEN at2 < pv2 THEN FALSE ELSE at2 <= pw2 END)))), FALSE) AS go3, sd2 OR coalesce(r2, FALSE) AS sd3, CASE WHEN r2 AND at2 IS NOT NULL THEN at2 ELSE pv2 END AS pv3, CASE WHEN r2 AND at2 IS NOT NULL THEN we2 ELSE pw2 END AS pw3 FROM (SELECT *, coalesce((go2 AND kk2 AND (NOT sd2 OR (NOT FALSE AND (CASE WHEN pv2 IS NULL OR at2 IS NULL THEN FALSE WHEN at2 < pv2 THEN FALSE ELSE at2 <= pw2 END)))), FALSE) AS r2 FROM kpi_walk1) AS kpi_step2
), kpi_path AS (
  SELECT *, CASE WHEN r2 THEN 2 WHEN r1 THEN 1 WHEN r0 THEN 0 ELSE -1 END AS furthest, r0 AND (r1 OR r2) AS cv0, CASE WHEN r1 THEN f1 WHEN r2 THEN f2 END AS fn0, CASE WHEN r1 THEN bu1 WHEN r2 THEN bu2 END AS bn0, r1 AND (r2) AS cv1, CASE WHEN r2 THEN f2 END AS fn1, CASE WHEN r2 THEN bu2 END AS bn1, r2 AND FALSE AS cv2, CASE WHEN FALSE THEN CAST(NULL AS TIMESTAMP_NTZ) END AS fn2, CASE WHEN FALSE THEN CAST(NULL AS BIGINT) END AS bn2 FROM kpi_walk2
), kpi_paths AS (
  SELECT *, lost AND furthest >= 0 AND f2 IS NULL AND NOT u2 AS lost_at_furthest, CASE furthest WHEN 0 THEN at0 WHEN 1 THEN at1 WHEN 2 THEN at2 END AS at_furthest, CASE WHEN cv0 AND f0 IS NOT NULL AND fn0 IS NOT NULL AND fn0 >= f0 THEN (CAST(bn0 - bu0 AS DOUBLE)) / 3600.0 END AS tn0, CASE WHEN cv1 AND f1 IS NOT NULL AND fn1 IS NOT NULL AND fn1 >= f1 THEN (CAST(bn1 - bu1 AS DOUBLE)) / 3600.0 END AS tn1, CASE WHEN cv2 AND f2 IS NOT NULL AND fn2 IS NOT NULL AND fn2 >= f2 THEN (CAST(bn2 - bu2 AS DOUBLE)) / 3600.0 END AS tn2 FROM kpi_path
)
SELECT kpi_period, tot, grp,
  count(CASE WHEN r0 THEN 1 END) AS e0,
  count(CASE WHEN r0 AND cv0 THEN 1 END) AS cv0,
  count(CASE WHEN r0 AND r0 THEN 1 END) AS ff0,
  count(CASE WHEN lost_at_furthest AND furthest = 0 THEN 1 END) AS ls0,
  count(CASE WHEN r0 THEN tn0 END) AS tnn0,
  PERCENTILE_CONT(0.5E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN tn0 END AS DOUBLE)) AS tnm0,
  PERCENTILE_CONT(0.9E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN tn0 END AS DOUBLE)) AS tnp0,
  count(CASE WHEN r0 THEN ti0 / 3600.0 END) AS tin0,
  PERCENTILE_CONT(0.5E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r0 THEN ti0 / 3600.0 END AS DOUBLE)) AS tim0,
  count(CASE WHEN r1 THEN 1 END) AS e1,
  count(CASE WHEN r1 AND cv1 THEN 1 END) AS cv1,
  count(CASE WHEN r1 AND r0 THEN 1 END) AS ff1,
  count(CASE WHEN lost_at_furthest AND furthest = 1 THEN 1 END) AS ls1,
  count(CASE WHEN r1 THEN tn1 END) AS tnn1,
  PERCENTILE_CONT(0.5E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN tn1 END AS DOUBLE)) AS tnm1,
  PERCENTILE_CONT(0.9E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN tn1 END AS DOUBLE)) AS tnp1,
  count(CASE WHEN r1 THEN ti1 / 3600.0 END) AS tin1,
  PERCENTILE_CONT(0.5E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r1 THEN ti1 / 3600.0 END AS DOUBLE)) AS tim1,
  count(CASE WHEN r2 THEN 1 END) AS e2,
  count(CASE WHEN r2 AND cv2 THEN 1 END) AS cv2,
  count(CASE WHEN r2 AND r0 THEN 1 END) AS ff2,
  count(CASE WHEN lost_at_furthest AND furthest = 2 THEN 1 END) AS ls2,
  count(CASE WHEN r2 THEN tn2 END) AS tnn2,
  PERCENTILE_CONT(0.5E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r2 THEN tn2 END AS DOUBLE)) AS tnm2,
  PERCENTILE_CONT(0.9E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r2 THEN tn2 END AS DOUBLE)) AS tnp2,
  count(CASE WHEN r2 THEN ti2 / 3600.0 END) AS tin2,
  PERCENTILE_CONT(0.5E0) WITHIN GROUP (ORDER BY CAST(CASE WHEN r2 THEN ti2 / 3600.0 END AS DOUBLE)) AS tim2,
  count(CASE WHEN midway AND (r0 OR r1 OR r2) THEN 1 END) AS mw
FROM kpi_paths JOIN (VALUES (0, FALSE, CAST('2026-10-01 00:00:00' AS TIMESTAMP_NTZ), CAST('2026-11-01 00:00:00' AS TIMESTAMP_NTZ))) AS kpi_periods(kpi_period, kpi_all, kpi_from, kpi_to)
  ON (kpi_all OR coalesce(cohort >= kpi_from AND cohort < kpi_to, FALSE))
GROUP BY kpi_period, tot, grp ORDER BY kpi_period, tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS TIMESTAMP_NTZ) AS t, "campaign" AS grp FROM "kpi_rows_h" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS VARCHAR) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'won' THEN 2 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, count(CASE WHEN ld IS NOT NULL AND t IS NOT NULL AND k = -2 THEN 1 END) AS unmapped, count(CASE WHEN ld IS NULL THEN 1 END) AS no_lead, count(CASE WHEN ld IS NOT NULL AND t IS NULL THEN 1 END) AS no_time
FROM kpi_typed
GROUP BY tot, grp ORDER BY tot, grp NULLS LAST;

WITH kpi_pop AS (
  SELECT kpi_record AS rec, "lead" AS ld, "stage" AS raw, CAST("at" AS TIMESTAMP_NTZ) AS t, "campaign" AS grp FROM "kpi_rows_h" WHERE TRUE
), kpi_sets AS (
  SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, rec, ld, raw, t, CAST(NULL AS VARCHAR) AS grp FROM kpi_pop
), kpi_stage AS (
  SELECT raw, CASE lower(raw) WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'won' THEN 2 ELSE -2 END AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws
), kpi_typed AS (
  SELECT kpi_sets.*, coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw = kpi_stage.raw
)
SELECT tot, grp, raw, kpi_rows FROM (
  SELECT tot, grp, coalesce(raw, '') AS raw, count(*) AS kpi_rows, row_number() OVER (PARTITION BY tot, grp ORDER BY coalesce(raw, '')) AS place
  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k = -2
  GROUP BY tot, grp, coalesce(raw, '')
) AS kpi_unmapped WHERE place <= 3 ORDER BY tot, grp NULLS LAST, place;
;
