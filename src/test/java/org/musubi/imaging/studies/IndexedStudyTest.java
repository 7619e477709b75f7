package org.musubi.imaging.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * A study's date and time as every imaging page writes them: Japan's, from the stored instant, whatever the JVM's own
 * zone (the machines run in UTC; the test sets another zone to be sure the result does not follow it).
 */
class IndexedStudyTest {

    private static IndexedStudy startedAt(String instant) {
        return new IndexedStudy("1.2.3", "r", 1, 1, "CT", null, instant == null ? null : Instant.parse(instant), 1, 1);
    }

    @Test
    void aStudyAtEightInJapanIsOnItsOwnDayNotTheDayBeforeInUtc() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"UTC", "America/Los_Angeles", "Asia/Tokyo"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                IndexedStudy study = startedAt("2026-11-27T23:00:00Z");
                assertThat(study.startedInJapan()).as(zone).isEqualTo(LocalDateTime.of(2026, 11, 28, 8, 0));
                assertThat(study.startedText()).as(zone).isEqualTo("2026-11-28 08:00");
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void aStudyWithoutATimeIsWrittenAsItsDayAndOneWithoutADateAsNothing() {
        // the archive's StudyDate without StudyTime is read as midnight in Japan (ArchivedStudy.started)
        assertThat(startedAt("2026-11-27T15:00:00Z").startedText()).isEqualTo("2026-11-28");
        assertThat(startedAt("2026-11-27T15:00:01Z").startedText()).isEqualTo("2026-11-28 00:00");
        assertThat(startedAt(null).startedText()).isNull();
        assertThat(startedAt(null).startedInJapan()).isNull();
        assertThat(IndexedStudy.startedText(Instant.parse("2026-12-31T15:30:00Z"))).isEqualTo("2027-01-01 00:30");
    }
}
