package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.phr.Residents;
import org.musubi.phr.checkups.CheckupImports;
import org.musubi.phr.checkups.PaperEntry;
import org.musubi.phr.checkups.PaperForms;
import org.musubi.phr.checkups.PaperItem;
import org.musubi.phr.checkups.ReadCheckups;
import org.musubi.phr.checkups.RecordPaperCheckup;
import org.musubi.photos.TestPictures;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 健診結果 as an attacker tries it: another resident asking for the victim's checkup photo by its id (a paper result's
 * or a centre's report) gets what an id nobody has gets, and sees none of the victim's checkups; a proxy whose grant
 * ended falls back to their own notebook and the use cases refuse them (one audited refusal each); a clinician's
 * session cannot use the /phr routes at all.
 */
@MusubiIntegrationTest
class PhrCheckupsAttackIT extends NetworkFixtures {

    private static final String PLACE = "ヒガイシャ健診会場";
    @Autowired
    CheckupImports imports;
    @Autowired
    Residents residents;
    @Autowired
    IdentityStore identities;
    @Autowired
    ReadCheckups read;
    @Autowired
    RecordPaperCheckup record;

    private long victim;
    private String victimRegional;
    private WebSession web;
    private String paperReport;
    private String centreReport;

    @BeforeEach
    void aVictimWithACentresCheckupAndAPaperResult() {
        victim = imports.send(imports.examinee(), "20250612", Map.of());
        victimRegional = identities.person(victim).orElseThrow().person().regionalId();
        web = residents.logIn(port, residents.register(victim));
        assertThat(PaperForms.post(web, "a.png", "image/png", TestPictures.png(200, 100), "date",
                LocalDate.now().minusDays(5).toString(), "place", PLACE, "weight", "70.0").statusCode()).isEqualTo(302);
        String page = web.get("/phr/checkups").body();
        paperReport = reportOf(page, PLACE);
        centreReport = reportOf(page, "2025-06-12");
        assertThat(web.getBytes("/phr/checkups/" + paperReport + "/photo").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherResidentsCheckupOrPhotoByGuessedIdAnswersLikeOneNobodyHas() {
        Residents.Resident other = residents.register(residents.patientAt(port, FacilityKind.HOSPITAL, "コウゲキケンシン").personId());
        WebSession attacker = residents.logIn(port, other);
        long before = audit.max();

        HttpResponse<byte[]> theirs = attacker.getBytes("/phr/checkups/" + paperReport + "/photo");
        HttpResponse<byte[]> centres = attacker.getBytes("/phr/checkups/" + centreReport + "/photo");
        HttpResponse<byte[]> nobodys = attacker.getBytes("/phr/checkups/" + "0".repeat(36) + "/photo");
        String list = attacker.get("/phr/checkups").body();

        assertThat(List.of(theirs, centres, nobodys)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).isEqualTo(nobodys.body());
            assertThat(r.headers().firstValue("Content-Type")).isEqualTo(nobodys.headers().firstValue("Content-Type"));
        });
        assertThat(list).doesNotContain(PLACE).doesNotContain(paperReport).doesNotContain(centreReport)
                .doesNotContain("むすび健診センター").contains("id=\"checkups-empty\"");
        assertThat(audit.forPatient(before, victimRegional)).as("nothing of the victim's read").isEmpty();
        assertThat(audit.since(before, other.account().loginId())).as("one row per request, alike")
                .containsExactly("READ PERMIT policy.permit.patientSelfAccess", "READ PERMIT policy.permit.patientSelfAccess",
                        "READ PERMIT policy.permit.patientSelfAccess", "READ PERMIT policy.permit.patientSelfAccess");
    }

    @Test
    void anExpiredProxyFallsBackToTheirOwnNotebookAndTheUseCasesRefuseThem() {
        Residents.Resident child = residents.register(residents.patientAt(port, FacilityKind.HOSPITAL, "キレタダイリ").personId());
        web.get("/phr/proxies");
        web.post("/phr/proxies", "loginId", child.account().loginId(), "until", LocalDate.now().plusDays(10).toString());
        WebSession proxy = residents.logIn(port, child);
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(victim));
        assertThat(proxy.get("/phr/checkups").body()).contains(PLACE).contains("id=\"proxy-banner\"");
        assertThat(proxy.getBytes("/phr/checkups/" + paperReport + "/photo").statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE proxy_grant SET valid_to = now() - interval '1 minute' WHERE person_id = ?").param(victim).update();
        long before = audit.max();
        assertThat(proxy.get("/phr/checkups").body()).doesNotContain(PLACE).doesNotContain("id=\"proxy-banner\"");
        assertThat(proxy.getBytes("/phr/checkups/" + paperReport + "/photo").statusCode()).isEqualTo(404);
        proxy.post("/phr/checkups/paper", "date", LocalDate.now().minusDays(1).toString(), "weight", "99.9");
        assertThat(audit.forPatient(before, victimRegional)).as("the session acts for the proxy's own person").isEmpty();
        assertThat(web.get("/phr/checkups").body()).doesNotContain("99.9");

        before = audit.max();
        assertThat(read.all(child.account().id(), victim)).isEmpty();
        assertThat(record.save(new RecordPaperCheckup.Author(child.account().id(), "子"), victim,
                new PaperEntry(LocalDate.now(), null, Map.of(PaperItem.WEIGHT, new BigDecimal("50"))), null))
                .isEmpty();
        assertThat(read.photo(child.account().id(), victim, paperReport)).isEmpty();
        assertThat(audit.forPatient(before, victimRegional)).containsExactly("READ DENY policy.deny.proxyExpired",
                "CREATE DENY policy.deny.proxyExpired", "READ DENY policy.deny.proxyExpired");
    }

    @Test
    void aClinicianCannotUseThePhrRoutes() {
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(accounts.facilityOf(FacilityKind.CLINIC), Profession.DOCTOR));
        long before = audit.max();

        assertThat(doctor.get("/phr/checkups").statusCode()).isEqualTo(403);
        assertThat(doctor.getBytes("/phr/checkups/" + paperReport + "/photo").statusCode()).isEqualTo(403);
        assertThat(doctor.post("/phr/checkups/paper", "date", LocalDate.now().toString(), "weight", "1.0").statusCode())
                .isEqualTo(403);
        assertThat(audit.forPatient(before, victimRegional)).isEmpty();
        assertThat(web.get("/phr/checkups").body()).doesNotContain(">1.0<");
    }

    private static String reportOf(String page, String text) {
        Matcher section = Pattern.compile("<section class=\"checkup\" data-report=\"([^\"]+)\"[^>]*>(?:(?!</section>).)*"
                + Pattern.quote(text), Pattern.DOTALL).matcher(page);
        assertThat(section.find()).as("a checkup with " + text).isTrue();
        return section.group(1);
    }
}
