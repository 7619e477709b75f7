-- Notices from the network operator (お知らせ), shown on every clinician's home page while published.
CREATE TABLE notice (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title_ja        text        NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 200),
    title_en        text        NOT NULL CHECK (length(title_en) <= 200),
    body_ja         text        NOT NULL CHECK (length(body_ja) <= 4000),
    body_en         text        NOT NULL CHECK (length(body_en) <= 4000),
    importance      text        NOT NULL DEFAULT 'NORMAL' CHECK (importance IN ('NORMAL', 'IMPORTANT')),
    published_from  timestamptz NOT NULL,
    published_until timestamptz CHECK (published_until IS NULL OR published_until > published_from),
    created_by      bigint      NOT NULL REFERENCES app_user (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    withdrawn_at    timestamptz,
    withdrawn_by    bigint REFERENCES app_user (id)
);
CREATE INDEX notice_published ON notice (published_from, published_until) WHERE withdrawn_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON notice TO ${app_role};
