-- The receipt masters (レセプト電算処理システム 基本マスター) of the MHLW and the 社会保険診療報酬支払基金: the names of
-- the codes receipts (UKE files) record. One row per master and code: S 医科診療行為, Y 医薬品, T 特定器材 (9-digit
-- codes), B 傷病名 (7), Z 修飾語 (4), C コメント (9). Loaded by an operator from the official files
-- (docs/receipt-master.md); a load upserts, codes a newer file drops stay so that older receipts keep their names.
-- Not patient data.

CREATE TABLE receipt_master_load (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name      text        NOT NULL,
    -- the masters the file held, by letter (e.g. 'Y')
    kinds          text        NOT NULL,
    rows_loaded    integer     NOT NULL CHECK (rows_loaded >= 0),
    rows_rejected  integer     NOT NULL CHECK (rows_rejected >= 0),
    loaded_at      timestamptz NOT NULL DEFAULT now(),
    loaded_by      text        NOT NULL
);

CREATE TABLE receipt_master (
    kind            text        NOT NULL CHECK (kind IN ('S', 'Y', 'T', 'B', 'Z', 'C')),
    code            text        NOT NULL CHECK (code ~ '^[0-9]{4,9}$'),
    -- 漢字名称 (a disease's 基本名称); a free-text comment code may have none
    name            text        NOT NULL,
    -- 単位漢字名称 of 医薬品, 診療行為 and 特定器材 (錠, ｍＬ, 回 …)
    unit            text,
    -- a drug's 薬価基準収載医薬品コード (its YJ code for nearly every product)
    yj_code         text        CHECK (yj_code ~ '^[0-9A-Z]{12}$'),
    -- a comment's パターン (10, 20, 30, 31, 40, 50 …) and where its digits go ("position:digits,…")
    comment_pattern text,
    comment_embeds  text,
    load_id         bigint      NOT NULL REFERENCES receipt_master_load (id),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, code)
);

GRANT SELECT, INSERT, UPDATE ON receipt_master TO ${app_role};
GRANT SELECT, INSERT ON receipt_master_load TO ${app_role};
