package org.musubi.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 48's surveillance over HTTP: a hospital's nurse reports today and corrects a past day on the form; what is out
 * of range is not stored; the region's figures she sees are suppressed below 10 while the public-health officer's
 * dashboard shows them; the dashboard and its CSV answer 404 to anyone but an officer; every request leaves one audit row.
 */
@MusubiIntegrationTest
class SurveillanceIT extends NetworkFixtures {

    @Autowired
    Surveillance surveillance;
    @Autowired
    ReportSurveillanceCounts reports;
    @Autowired
    Facilities facilities;
    @Autowired
    FacilityProfiles profiles;

    @Test
    void aNurseReportsTodayAndCorrectsAPastDayEachRequestAuditedOnce() {
        SurveillanceRegion region = SurveillanceRegion.make(accounts, facilities, profiles);
        long hospital = region.hospitals().getFirst().id();
        User nurse = accounts.memberOf(region.hospitals().getFirst(), Profession.NURSE);
        WebSession web = accounts.signedIn(port, nurse);
        LocalDate today = surveillance.today();
        long before = audit.max();

        HttpResponse<String> form = web.get("/surveillance");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"count.INFLUENZA_LIKE\"", "data-day=\"" + today + "\"");
        HttpResponse<String> saved = web.post("/surveillance", "day", today.toString(), "count.INFLUENZA_LIKE", "3",
                "count.RASH", "0");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).contains("day=" + today, "saved");
        web.get("/surveillance?day=" + today.minusDays(3));
        assertThat(web.post("/surveillance", "day", today.minusDays(3).toString(), "count.GASTROENTERITIS", "7")
                .statusCode()).isEqualTo(302);
        HttpResponse<String> future = web.post("/surveillance", "day", today.plusDays(1).toString(), "count.RASH", "1");
        HttpResponse<String> tooOld = web.post("/surveillance", "day", today.minusDays(57).toString(), "count.RASH", "1");
        HttpResponse<String> negative = web.post("/surveillance", "day", today.toString(), "count.RASH", "-1");
        HttpResponse<String> notANumber = web.post("/surveillance", "day", today.toString(), "count.RASH", "a");

        assertThat(List.of(future, tooOld, negative, notANumber)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("id=\"surveillance-faults\"");
        });
        assertThat(surveillance.reported(hospital, today)).isEqualTo(Map.of("INFLUENZA_LIKE", 3, "RASH", 0));
        assertThat(surveillance.reported(hospital, today.minusDays(3))).isEqualTo(Map.of("GASTROENTERITIS", 7));
        assertThat(surveillance.reported(hospital, today.plusDays(1))).isEmpty();
        assertThat(surveillance.reported(hospital, today.minusDays(57))).isEmpty();
        List<AuditRows.Row> rows = audit.rows(before, nurse.loginId()).stream()
                .filter(r -> r.resourceType() != null && r.resourceType().startsWith("Surveillance")).toList();
        assertThat(rows).extracting(r -> r.action() + " " + r.outcome()).containsExactly("READ PERMIT", "UPDATE PERMIT",
                "READ PERMIT", "UPDATE PERMIT", "UPDATE DENY", "UPDATE DENY", "UPDATE DENY", "UPDATE DENY");
        assertThat(rows).allSatisfy(r -> assertThat(r.resourceIds()).containsExactly(String.valueOf(hospital)));
    }

    @Test
    void smallCountsAreSuppressedOnTheFormButNotOnTheOfficersDashboard() {
        SurveillanceRegion region = SurveillanceRegion.make(accounts, facilities, profiles);
        LocalDate today = surveillance.today();
        reports.report(region.hospitals().get(0).id(), today, Map.of("RASH", 2, "INFLUENZA_LIKE", 6), null);
        reports.report(region.hospitals().get(1).id(), today, Map.of("RASH", 1, "INFLUENZA_LIKE", 6), null);
        User nurse = accounts.memberOf(region.hospitals().get(2), Profession.NURSE);
        User officer = accounts.memberOf(region.office(), Profession.PUBLIC_HEALTH_NURSE);

        String form = accounts.signedIn(port, nurse).get("/surveillance").body();
        String dashboard = accounts.signedIn(port, officer).get("/surveillance/dashboard").body();
        String csv = accounts.signedIn(port, officer).get("/surveillance/dashboard.csv").body();

        assertThat(form).contains(region.municipality());
        assertThat(cell(form, "data-syndrome=\"RASH\"")).isEqualTo("&lt; 10");
        assertThat(cell(form, "data-syndrome=\"INFLUENZA_LIKE\"")).isEqualTo("12");
        assertThat(dashboard).contains("data-municipality=\"" + region.municipality() + "\" data-syndrome=\"RASH\"");
        assertThat(csv).contains("\"" + region.municipality() + "\"," + today + ",RASH,3,");
        assertThat(csv).contains("\"" + region.municipality() + "\"," + today + ",INFLUENZA_LIKE,12,");
    }

    @Test
    void theDashboardIsAbsentForAnyoneButAPublicHealthOfficer() {
        SurveillanceRegion region = SurveillanceRegion.make(accounts, facilities, profiles);
        User doctor = accounts.memberOf(region.hospitals().getFirst(), Profession.DOCTOR);
        User clerkAtTheOffice = accounts.memberOf(region.office(), Profession.MEDICAL_CLERK);
        User officer = accounts.memberOf(region.office(), Profession.PUBLIC_HEALTH_NURSE);
        long before = audit.max();

        for (User outsider : List.of(doctor, clerkAtTheOffice, accounts.networkAdmin(),
                accounts.staff(FacilityKind.PHARMACY, Profession.PHARMACIST))) {
            WebSession web = accounts.signedIn(port, outsider);
            assertThat(web.get("/surveillance/dashboard").statusCode()).as(outsider.loginId()).isEqualTo(404);
            assertThat(web.get("/surveillance/dashboard.csv").statusCode()).as(outsider.loginId()).isEqualTo(404);
            assertThat(audit.rows(before, outsider.loginId())).filteredOn(r -> "SurveillanceDashboard".equals(r.resourceType()))
                    .extracting(AuditRows.Row::outcome).containsExactly("DENY", "DENY");
        }
        WebSession office = accounts.signedIn(port, officer);
        assertThat(office.get("/surveillance").statusCode()).as("the office reports nothing").isEqualTo(404);
        HttpResponse<String> page = office.get("/surveillance/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"surveillance-table\"");
        assertThat(audit.rows(before, officer.loginId())).extracting(r -> r.action() + " " + r.outcome() + " "
                + r.resourceType()).containsSubsequence("READ DENY SurveillanceReport", "READ PERMIT SurveillanceDashboard");
    }

    /** The text of the region table's cell on the row with {@code rowAttribute}. */
    private static String cell(String page, String rowAttribute) {
        int row = page.indexOf(rowAttribute, page.indexOf("id=\"surveillance-region\""));
        int start = page.indexOf("class=\"count\">", row) + "class=\"count\">".length();
        return page.substring(start, page.indexOf('<', start));
    }

    @Test
    void theHeaderLinksEachUserToTheSurveillancePageThatIsTheirsAndNobodyElse() {
        SurveillanceRegion region = SurveillanceRegion.make(accounts, facilities, profiles);
        WebSession officerSession = accounts.signedIn(port, accounts.memberOf(region.office(), Profession.PUBLIC_HEALTH_NURSE));
        // issue 67: the officer's home is the dashboard (not the linked patients an office has none of)
        assertThat(WebSession.location(officerSession.get("/"))).endsWith("/surveillance/dashboard");
        String officer = officerSession.open("/").body();
        String nurse = accounts.signedIn(port, accounts.memberOf(region.hospitals().getFirst(), Profession.NURSE))
                .get("/").body();
        String clerkAtTheOffice = accounts.signedIn(port, accounts.memberOf(region.office(), Profession.MEDICAL_CLERK))
                .get("/").body();
        // issue 67: a reporting hospital's clerk is no reporter either (the daily counts are its clinical staff's)
        String clerkAtTheHospital = accounts.signedIn(port, accounts.memberOf(region.hospitals().getFirst(),
                Profession.MEDICAL_CLERK)).get("/").body();
        assertThat(clerkAtTheHospital).contains("id=\"nav-home\"").doesNotContain("nav-surveillance");
        assertThat(officer).contains("id=\"nav-surveillance\" href=\"/surveillance/dashboard\"");
        assertThat(nurse).contains("id=\"nav-surveillance\" href=\"/surveillance\"");
        assertThat(clerkAtTheOffice).doesNotContain("nav-surveillance");
        assertThat(accounts.signedIn(port, accounts.networkAdmin()).get("/").body()).doesNotContain("nav-surveillance");
    }
}
