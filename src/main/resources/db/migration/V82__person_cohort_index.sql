-- The cohort count's person side (issue 48, bench/README "Research: cohort counts"): at 1 M persons a count read the
-- 400,000-550,000 persons of its age range from the heap of person (wide rows: names, address, phone), 3-4 s cold.
-- With birth date, sex, status and id in one narrow index, the persons of an age range are an index-only scan
-- (research.jdbc.JdbcCohortCounter filters ages as birth-date ranges); only a count by municipality reads the address
-- from the heap, for the persons its codes found.
CREATE INDEX person_cohort ON person (birth_date) INCLUDE (sex, status, id);
