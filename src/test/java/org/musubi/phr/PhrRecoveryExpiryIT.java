package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.recovery.ExpireRecoveries;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pending recovery nobody confirmed within {@code musubi.phr.recovery-validity} (30 days) counts as gone at once:
 * the resident's home and the operator's page no longer show it and it cannot be confirmed; the expiry then records it
 * once (credentials wiped, one {@code PHR_RECOVERY_EXPIRE} row naming the person), however often it runs.
 */
@MusubiIntegrationTest
class PhrRecoveryExpiryIT extends NetworkFixtures {

    @Autowired
    Residents residents;
    @Autowired
    IssueCard cards;
    @Autowired
    ExpireRecoveries expiry;

    @Test
    void aPendingRecoveryOlderThanThirtyDaysIsGoneAndIsRecordedExpiredOnce() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "キゲンギレ");
        IssuedCard card = cards.regional(accounts.networkAdmin().id(), patient.personId());
        Residents.Resident resident = residents.register(patient.personId(), card,
                patient.person().birthDate());
        residents.registerOverHttp(port, patient.personId(), card, patient.person().birthDate(),
                "late" + patient.personId(), "a passphrase asked for long ago");
        long id = jdbc.sql("SELECT id FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING'")
                .param(patient.personId()).query(Long.class).single();
        WebSession home = residents.logIn(port, resident);
        assertThat(home.get("/phr").body()).contains("id=\"recovery-pending\"");
        jdbc.sql("UPDATE phr_account_recovery SET requested_at = now() - interval '30 days 1 minute' WHERE id = ?")
                .param(id).update();

        assertThat(home.get("/phr").body()).doesNotContain("id=\"recovery-pending\"");
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        assertThat(operator.get("/admin/persons/" + patient.personId()).body()).contains("id=\"phr-recovery-none\"");
        operator.post("/admin/persons/" + patient.personId() + "/phr-recovery/" + id + "/confirm");
        assertThat(operator.get("/admin/persons/" + patient.personId()).body())
                .contains("data-key=\"phr.recovery.notPending\"");
        long before = audit.max();

        int expired = expiry.expire();
        int again = expiry.expire();

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(again).isZero();
        assertThat(jdbc.sql("""
                SELECT state || ' ' || (password_hash IS NULL AND totp_secret IS NULL) FROM phr_account_recovery
                WHERE id = ?""").param(id).query(String.class).single()).isEqualTo("EXPIRED true");
        List<AuditRows.Row> rows = audit.rowsSince(before).stream()
                .filter(r -> patient.person().regionalId().equals(r.patientId())).toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.action() + " " + row.outcome()).isEqualTo("PHR_RECOVERY_EXPIRE PERMIT");
            assertThat(row.resourceIds()).containsExactly(String.valueOf(id));
            assertThat(row.reason()).startsWith("not confirmed within 30 days");
        });
        residents.logIn(port, resident);
    }
}
