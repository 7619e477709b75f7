package org.musubi.consent.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.MergedSpoolListener;
import org.musubi.audit.Outcome;
import org.musubi.consent.EmergencyAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recreates, when a standby's audit spool is merged, the emergency accesses opened on that standby (kept only in its
 * memory, {@link StandbyEmergencies}) as rows of {@code emergency_access}, so that the operators review them like any
 * other: from each permitted {@code EMERGENCY_OPEN} record whose reason ends with
 * {@link EmergencyAccess#standbyTag()} — the person (the record's resource), the user and facility (its actor), the
 * opening time (its time), the reason, the expiry, the kind and the reason code. The row's reason ends with the
 * record's spool mark: that marks it as opened on the standby and is the key that makes a repeated merge add nothing
 * twice. A crew's opening ends the user's accesses open at that time, as it did on the standby. A hand-over made on
 * the standby is made again by the emergency module's listener, which runs after this one (it refers to these rows) and
 * makes each access opened from a hand-over name it again.
 */
@Component
@Order(0)
class StandbyEmergencyRecovery implements MergedSpoolListener {

    private static final Logger log = LoggerFactory.getLogger(StandbyEmergencyRecovery.class);
    private static final Pattern OPENED = Pattern.compile(
            "(?s)(.*) \\(until (\\S+)\\)" + Pattern.quote(EmergencyAccess.STANDBY_TAG) + "(GLASS|CREW|HANDOVER) ([A-Z_]+|-)]");
    private static final String RECREATE = """
            WITH ended AS (
                UPDATE emergency_access SET expires_at = CAST(:at AS timestamptz), ended_at = CAST(:at AS timestamptz)
                WHERE CAST(:endOthers AS boolean) AND user_id = :user
                  AND expires_at > CAST(:at AS timestamptz) AND opened_at < CAST(:at AS timestamptz)
                  AND NOT EXISTS (SELECT 1 FROM emergency_access WHERE person_id = :person AND position(:mark IN reason) > 0))
            INSERT INTO emergency_access (person_id, user_id, reason, opened_at, expires_at, kind, facility_id, reason_code)
            SELECT CAST(:person AS bigint), CAST(:user AS bigint), CAST(:reason AS text), CAST(:at AS timestamptz),
                   CAST(:expires AS timestamptz), CAST(:kind AS text), CAST(:facility AS bigint), CAST(:code AS text)
            WHERE NOT EXISTS (SELECT 1 FROM emergency_access WHERE person_id = :person AND position(:mark IN reason) > 0)""";
    private final JdbcClient jdbc;

    StandbyEmergencyRecovery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void merged(String spoolId, List<AuditRecord> records) {
        int recreated = 0;
        for (AuditRecord record : records) {
            Matcher opened = record.action() == AuditAction.EMERGENCY_OPEN && record.outcome() == Outcome.PERMIT
                    && record.reason() != null && record.actor().userId() != null && record.resourceIds().size() == 1
                    ? OPENED.matcher(record.reason()) : null;
            if (opened != null && opened.matches()) {
                recreated += recreate(record, opened, MergedSpoolListener.mark(spoolId, record.seq()));
            }
        }
        if (recreated > 0) {
            log.warn("Recreated {} emergency accesses opened on the standby (spool {}): review them on /admin/emergency",
                    recreated, spoolId);
        }
    }

    private int recreate(AuditRecord record, Matcher opened, String mark) {
        Instant expires;
        long person;
        try {
            expires = Instant.parse(opened.group(2));
            person = Long.parseLong(record.resourceIds().getFirst());
        } catch (DateTimeParseException | NumberFormatException e) {
            log.error("An emergency access opened on the standby could not be read back from {}", mark);
            return 0;
        }
        String kind = opened.group(3);
        OffsetDateTime at = record.occurredAt().atOffset(ZoneOffset.UTC);
        return jdbc.sql(RECREATE).param("at", at).param("endOthers", kind.equals(EmergencyAccess.Kind.CREW.name()))
                .param("user", record.actor().userId()).param("person", person).param("mark", mark)
                .param("reason", opened.group(1) + " " + mark).param("expires", expires.atOffset(ZoneOffset.UTC))
                .param("kind", kind).param("facility", record.actor().facilityId())
                .param("code", opened.group(4).equals("-") ? null : opened.group(4)).update();
    }
}
