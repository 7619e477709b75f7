-- The health notebook's own source (issue 25): one network-wide facility under which residents' own entries (vital
-- signs …) are stored, each resident's under their own source patient there, linked to their person. Disclosing (its
-- data joins the person's record like any facility's, under its name, so that clinicians see it was self-recorded),
-- not viewing (nobody works there: it has no users and no API clients), no medical-institution code. The registry
-- never lists, counts or offers it as a participant; its prefecture means nothing (that of most facilities, if any).
INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)
SELECT '健康手帳（本人記録）', 'ケンコウテチョウ（ホンニンキロク）', 'PERSONAL_HEALTH_RECORD',
       coalesce((SELECT prefecture FROM facility GROUP BY prefecture ORDER BY count(*) DESC, prefecture LIMIT 1), 13),
       true, false
WHERE NOT EXISTS (SELECT 1 FROM facility WHERE kind = 'PERSONAL_HEALTH_RECORD');
CREATE UNIQUE INDEX facility_one_personal_health_record ON facility (kind) WHERE kind = 'PERSONAL_HEALTH_RECORD';
