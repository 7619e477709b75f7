package org.musubi.imaging.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.musubi.database.Standby;
import org.musubi.imaging.archive.ArchiveProperties;
import org.musubi.imaging.archive.OrthancClient;

/**
 * A read-only standby never reads the change feed (it could write nothing; the primary's indexer fills the index the
 * standby replicates), nor does a Musubi without an archive: the feed returns before it touches the archive, the
 * cursor or a job lock (all absent here).
 */
class ChangeFeedTest {

    private static final OrthancClient CONFIGURED = new OrthancClient(new ArchiveProperties("http://127.0.0.1:9",
            "u", "p", "/dicom-web/", Duration.ofSeconds(1)));

    @Test
    void aReadOnlyStandbyDoesNotIndex() {
        assertThat(new ChangeFeed(CONFIGURED, null, null, null, Standby.fixed(true)).follow()).isZero();
    }

    @Test
    void withoutAnArchiveNothingIsIndexed() {
        OrthancClient none = new OrthancClient(new ArchiveProperties("", "", "", "/dicom-web/", Duration.ofSeconds(1)));
        assertThat(new ChangeFeed(none, null, null, null, Standby.fixed(false)).follow()).isZero();
    }
}
