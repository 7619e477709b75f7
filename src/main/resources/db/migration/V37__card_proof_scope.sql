-- Card proofs throttled where they are made (issue 37). A card's number and check code are proved at a facility's
-- counter (linking, 連携) or at the health notebook's registration (anonymous, before any account): failures are
-- counted per number as typed — whether or not a card has it, so that a throttle's answer never tells a real number
-- from a made-up one — within the place they were made (scope: 'facility:<id>' or 'phr-registration'), so that one
-- facility's failures do not stop the holder at another, and across all places as a backstop against guessing spread
-- over many. A notebook registration is made by nobody signed in: its attempts have no user.
ALTER TABLE refused_attempt ADD COLUMN scope text;
ALTER TABLE refused_attempt ALTER COLUMN user_id DROP NOT NULL;
CREATE INDEX refused_attempt_scoped ON refused_attempt (kind, key, scope, attempted_at) WHERE key IS NOT NULL;
COMMENT ON COLUMN refused_attempt.scope IS
    'Where a card proof failed: facility:<id> (linking at that facility) or phr-registration; NULL for older rows and other kinds.';
