-- The first image of a study's first series (lowest series number, then lowest instance number), learnt by the indexer
-- from the archive (issue 47): the viewer's page names it, so the browser asks the archive's rendering of that image
-- through the proxy while the page is still loading, and the interactive viewer asks its metadata without waiting for
-- the series and instance lists. Null for a study indexed before this migration (indexed again, it gets them) or one
-- without instances; the viewer then finds the first image from the lists, as before.
ALTER TABLE imaging_study
    ADD COLUMN first_series_uid   text CHECK (first_series_uid ~ '^[0-9]+(\.[0-9]+)*$' AND length(first_series_uid) <= 64),
    ADD COLUMN first_instance_uid text CHECK (first_instance_uid ~ '^[0-9]+(\.[0-9]+)*$' AND length(first_instance_uid) <= 64),
    ADD CONSTRAINT imaging_study_first_image CHECK ((first_series_uid IS NULL) = (first_instance_uid IS NULL));
