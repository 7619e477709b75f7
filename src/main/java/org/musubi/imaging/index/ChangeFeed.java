package org.musubi.imaging.index;

import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.imaging.archive.OrthancClient;
import tools.jackson.databind.JsonNode;

/**
 * Follows Orthanc's change feed ({@code /changes?since=&limit=}) from the cursor kept in the database: each {@code
 * StableStudy} change (a study that received no new instance for Orthanc's {@code StableAge}) is indexed ({@link
 * IndexStudies#index}); the cursor moves past a change only once its study is written or waiting, so a node killed
 * midway reads the change again after its restart and updates the study it may have written (one ImagingStudy per
 * study, by its index row or its source key), never making a second. The cursor is kept per archive URL. One node at a time ({@link JobLocks}, per archive); never on a
 * read-only standby (it writes; the primary's indexer fills the index the standby replicates). A study that fails (the
 * archive answered what cannot be read) stops the run there: the next run tries it again.
 */
public final class ChangeFeed {

    /** The job lock's name. */
    public static final String JOB = "imaging change feed";
    static final int PAGE = 100;

    private final OrthancClient archive;
    private final IndexStudies studies;
    private final IndexState state;
    private final JobLocks jobs;
    private final Standby standby;

    public ChangeFeed(OrthancClient archive, IndexStudies studies, IndexState state, JobLocks jobs, Standby standby) {
        this.archive = archive;
        this.studies = studies;
        this.state = state;
        this.jobs = jobs;
        this.standby = standby;
    }

    /** Reads the feed to its end now (unless another node is at it, or this one is read-only); the studies indexed. */
    public int follow() {
        if (!archive.settings().configured() || standby.readOnly()) {
            return 0;
        }
        int[] indexed = {0};
        String url = archive.settings().orthancUrl();
        jobs.runIfFree(JOB + " " + url, () -> indexed[0] = readToEnd(url));
        return indexed[0];
    }

    private int readToEnd(String url) {
        int indexed = 0;
        while (true) {
            long since = state.cursor(url);
            JsonNode page = archive.json("/changes?since=" + since + "&limit=" + PAGE);
            long last = since;
            for (JsonNode change : page.path("Changes")) {
                long seq = change.path("Seq").asLong();
                if ("StableStudy".equals(change.path("ChangeType").asString())) {
                    IndexStudies.Outcome outcome = studies.index(change.path("ID").asString());
                    if (outcome.indexed() != null) {
                        indexed++;
                    }
                }
                state.moveCursor(url, seq);
                last = seq;
            }
            long end = page.path("Last").asLong(last);
            if (page.path("Done").asBoolean(true) || last == since) {
                if (end > last && page.path("Changes").isEmpty()) {
                    state.moveCursor(url, end);
                }
                return indexed;
            }
        }
    }
}
