package org.musubi.secretariat.helpdesk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working days as the secretariat counts them for a question's due time: Monday to Friday in Japan's time zone
 * (national holidays are not known here and count as working days).
 */
public final class WorkingDays {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private WorkingDays() {
    }

    /** The instant {@code days} working days before {@code now}: a question asked before it is overdue. */
    public static Instant before(Instant now, int days) {
        ZonedDateTime at = now.atZone(ZONE);
        int left = days;
        while (left > 0) {
            at = at.minusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }
}
