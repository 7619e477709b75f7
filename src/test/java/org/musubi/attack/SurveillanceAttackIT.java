package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacker's suite ({@link AttackMatrixIT}) on infection surveillance: the dashboard, the daily reports and the
 * measure reports.
 */
@MusubiIntegrationTest
class SurveillanceAttackIT extends AttackFixtures {

    // ---- Infection surveillance (issue 48): one contiguous block ----------------------------------------------------

    /**
     * Every web caller of clinic B: the public-health office's dashboard and its CSV answer as a page that does not
     * exist (404, one DENY row each); B's form shows B's own day only, whatever facility or day it is asked for, so
     * hospital A's counts never reach B; a reporting facility's count written through B's form lands on B alone.
     */
    @Test
    void clinicBNeverReadsTheDashboardNorAnotherFacilitysDailyReport() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        java.time.LocalDate today = java.time.LocalDate.now(org.musubi.surveillance.Surveillance.ZONE);
        surveillanceStore.report(hospital.id(), today, java.util.Map.of("COVID19", 4321), null);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            String who = caller.attacker().toString();
            long before = audit.max();
            assertThat(web.get("/surveillance/dashboard").statusCode()).as(who).isEqualTo(404);
            assertThat(web.get("/surveillance/dashboard.csv").statusCode()).as(who).isEqualTo(404);
            assertThat(web.get("/surveillance/dashboard?facility=" + hospital.id()).statusCode()).as(who).isEqualTo(404);
            assertThat(audit.rowsSince(before)).filteredOn(r -> "SurveillanceDashboard".equals(r.resourceType()))
                    .extracting(r -> r.action() + " " + r.outcome()).as(who)
                    .containsExactly("READ DENY", "EXPORT DENY", "READ DENY");
            HttpResponse<String> form = web.get("/surveillance?facility=" + hospital.id() + "&facilityId=" + hospital.id());
            if (form.statusCode() == 200) {
                assertThat(form.body()).as(who).doesNotContain("4321");
                web.post("/surveillance", "day", today.toString(), "facility", String.valueOf(hospital.id()),
                        "count.COVID19", "1");
            } else {
                assertThat(form.statusCode()).as(who).isEqualTo(404);
            }
        }
        assertThat(surveillanceStore.reported(hospital.id(), today)).as("A's day untouched")
                .isEqualTo(java.util.Map.of("COVID19", 4321));
    }

    /**
     * The counts for systems ({@code MeasureReport/$surveillance-daily}): every caller of clinic B — its system's token,
     * each profession's session reading {@code /fhir} — receives no report of hospital A, only B's own facility's.
     */
    @Test
    void clinicBNeverReceivesAnotherFacilitysMeasureReport() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        java.time.LocalDate day = java.time.LocalDate.now(org.musubi.surveillance.Surveillance.ZONE).minusDays(1);
        surveillanceStore.report(hospital.id(), day, java.util.Map.of("RASH", 8765), null);
        String path = "MeasureReport/$surveillance-daily?date=" + day;
        int answered = 0;
        for (Armed caller : callers(clinic)) {
            HttpResponse<String> answer = caller.api() != null ? caller.api().get(path)
                    : caller.web().get("/fhir/" + path);
            assertThat(answer.statusCode()).as(caller.attacker().toString()).isIn(200, 403);
            assertThat(answer.body()).as(caller.attacker().toString()).doesNotContain("8765")
                    .doesNotContain("surveillance-" + hospital.id() + "-");
            answered += answer.statusCode() == 200 && answer.body().contains("\"collection\"") ? 1 : 0;
        }
        assertThat(answered).as("callers answered with a Bundle (the probe reached the operation)").isPositive();
    }

    @Autowired
    org.musubi.surveillance.SurveillanceStore surveillanceStore;

    // ---- end of infection surveillance -----------------------------------------------------------------------------
}
