package org.musubi.secretariat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void twoWorkingDaysBeforeAMondayMorningIsTheThursdayBefore() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, WorkingDays.ZONE);
        assertThat(WorkingDays.before(monday.toInstant(), 2)).isEqualTo(monday.minusDays(4).toInstant());
    }

    @Test
    void twoWorkingDaysBeforeAThursdayIsTheTuesday() {
        ZonedDateTime thursday = ZonedDateTime.of(2026, 11, 26, 9, 30, 0, 0, WorkingDays.ZONE);
        assertThat(WorkingDays.before(thursday.toInstant(), 2)).isEqualTo(thursday.minusDays(2).toInstant());
    }
}
