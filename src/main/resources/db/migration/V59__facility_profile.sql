-- What the secretariat and the public site know of a participating facility beyond the registry's core row (issue 45):
-- the municipality it lies in (its name as an address writes it after the prefecture, as disaster mode reads it),
-- its beds (fees by bed band), the cards it accepts when it links a patient, whether the public site lists it, and the
-- day it started and left the network (statistics over time, fees pro rata). One row per facility, made when it is
-- first set; a facility without one counts as joined on its registry row's creation day, listed, accepting the
-- regional card.
CREATE TABLE facility_profile (
    facility_id    bigint      PRIMARY KEY REFERENCES facility (id),
    municipality   text        CHECK (municipality IS NULL OR length(municipality) BETWEEN 1 AND 100),
    beds           integer     CHECK (beds IS NULL OR beds BETWEEN 0 AND 10000),
    accepted_cards text[]      NOT NULL DEFAULT ARRAY['REGIONAL']::text[],
    listed         boolean     NOT NULL DEFAULT true,
    joined_on      date        NOT NULL,
    left_on        date        CHECK (left_on IS NULL OR left_on >= joined_on),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facility_profile_municipality ON facility_profile (municipality);

GRANT SELECT, INSERT, UPDATE ON facility_profile TO ${app_role};
