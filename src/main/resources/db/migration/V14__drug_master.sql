-- The drug master: one row per product of the MHLW drug price list (薬価基準収載品目リスト), keyed by
-- its 12-character 薬価基準収載医薬品コード, which is also the product's YJ code for nearly every
-- product. Its first 4 characters are the therapeutic class (薬効分類), the first 7 the ingredient with
-- its route; duplicate-medication checks compare those prefixes. Not patient data.
--
-- A reload upserts every row of the new list. Rows of the same kinds (内用薬, 注射薬 ...) that the new
-- list no longer carries are kept, marked listed = false, so older prescriptions still resolve.

CREATE TABLE drug_master_load (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name      text        NOT NULL,
    rows_loaded    integer     NOT NULL CHECK (rows_loaded >= 0),
    rows_rejected  integer     NOT NULL CHECK (rows_rejected >= 0),
    rows_unlisted  integer     NOT NULL DEFAULT 0 CHECK (rows_unlisted >= 0),
    loaded_at      timestamptz NOT NULL DEFAULT now(),
    loaded_by      text        NOT NULL
);

CREATE TABLE drug_master (
    yj_code          text        PRIMARY KEY CHECK (yj_code ~ '^[0-9A-Z]{12}$'),
    kind             text        NOT NULL CHECK (kind IN ('ORAL', 'INJECTION', 'TOPICAL', 'DENTAL')),
    ingredient_name  text,
    standard         text,
    product_name     text        NOT NULL CHECK (length(product_name) BETWEEN 1 AND 500),
    -- product_name after NFKC, lower case and without spaces: what name lookups compare.
    product_name_key text        NOT NULL,
    maker            text,
    price            numeric(14, 2) NOT NULL CHECK (price >= 0),
    -- 診療報酬において加算等の算定対象となる後発医薬品 (or any generic marking of the list)
    generic          boolean     NOT NULL DEFAULT false,
    -- 先発医薬品 column as printed, e.g. 先発品 or 準先発品; null when blank
    brand            text,
    -- 同一剤形・規格の後発医薬品がある先発医薬品
    brand_with_generic boolean   NOT NULL DEFAULT false,
    -- 経過措置による使用期限 as printed (a date, ISO when the spreadsheet held a date)
    transitional_until text,
    remarks          text,
    listed           boolean     NOT NULL DEFAULT true,
    load_id          bigint      NOT NULL REFERENCES drug_master_load (id),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drug_master_name ON drug_master (product_name_key);
CREATE INDEX drug_master_ingredient ON drug_master (left(yj_code, 7));

GRANT SELECT, INSERT, UPDATE ON drug_master TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON drug_master_load TO ${app_role};
