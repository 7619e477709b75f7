package org.musubi.imaging.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A study's date and time, in Japan's time, as DICOM writes them. */
class ArchivedStudyTest {

    @Test
    void studyDateAndTimeAreJapansTime() {
        assertThat(ArchivedStudy.started("20261120", "093000")).isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
        assertThat(ArchivedStudy.started("20261120", "093000.123")).isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
        assertThat(ArchivedStudy.started("20261120", null)).isEqualTo(Instant.parse("2026-11-19T15:00:00Z"));
        assertThat(ArchivedStudy.started("2026112", "0930")).isNull();
        assertThat(ArchivedStudy.started("20261340", null)).as("no such day").isNull();
    }
}
