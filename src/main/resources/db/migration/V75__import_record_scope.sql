-- A file that replaces a scope of its facility's records (issue 46: a UKE file of one claim month to one payer replaces
-- that month's receipts to that payer, ingest.adapter.ReplacedScope) looks up the scope's live records by facility and
-- version prefix. Only UKE receipts are looked up so, so the index holds only theirs: other imports' writes do not pay
-- for it.
CREATE INDEX import_record_uke_scope ON import_record (facility_id, (version COLLATE "C"))
    WHERE record_key LIKE 'uke:%' AND NOT deleted;
