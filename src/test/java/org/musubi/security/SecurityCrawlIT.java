package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crawls the running application as a browser would (every same-site link of every page, from the
 * home page) as a network administrator and as a clinic doctor with a linked patient, and checks
 * every answer: the security headers, no caching of pages, cookies that are Secure, HttpOnly and
 * SameSite, no server error and no stack trace or SQL in any page.
 */
@MusubiIntegrationTest
class SecurityCrawlIT extends NetworkFixtures {

    private static final Pattern HREF = Pattern.compile("(?:href|src)=\"(/[^\"#]*)\"");
    private static final int MAX_PAGES = 250;

    @Autowired
    Facilities facilities;

    @Test
    void everyPageAnOperatorReachesCarriesTheHeadersAndRevealsNothingInternal() {
        WebSession admin = accounts.signedIn(port, accounts.networkAdmin());

        List<String> crawled = crawl(admin);

        assertThat(crawled).as("pages crawled").hasSizeGreaterThan(20)
                .contains("/", "/admin/facilities", "/admin/users", "/admin/audit", "/admin/imports", "/admin/notices",
                        "/portal/facilities");
    }

    @Test
    void everyPageOfAPatientTheClinicSeesIsUncachedAndCarriesTheHeaders() {
        Facility clinic = facilities.insert(new FacilityDraft("巡回診療所", "ジュンカイ", FacilityKind.CLINIC,
                MedicalInstitutionCode.of(34, 1, 100000 + ThreadLocalRandom.current().nextInt(899999)).value(), 34,
                "広島市中区", "082-000-0000", true, true, FacilityStatus.ACTIVE));
        long person = patientWithRecords(clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);

        List<String> crawled = crawl(web);

        String patient = "/portal/patients/" + person;
        assertThat(crawled).contains("/", patient);
        assertThat(crawled).anyMatch(p -> p.startsWith(patient + "/medications"))
                .anyMatch(p -> p.startsWith(patient + "/labs?") || p.equals(patient + "/labs"));
        assertThat(crawled).anyMatch(p -> p.startsWith(patient + "/labs/trend"))
                .anyMatch(p -> p.startsWith(patient + "/documents/") && p.contains("/content"));
        String content = crawled.stream().filter(p -> p.contains("/content")).findFirst().orElseThrow();
        HttpResponse<String> pdf = web.get(content);
        assertThat(pdf.statusCode()).as("the viewer's own link to the PDF, " + content).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void staticAssetsAreNotSniffedAndTheLoginPageSetsAStrictSessionCookie() {
        WebSession anonymous = new WebSession(port);
        HttpResponse<String> login = anonymous.get("/login");
        check("/login", login);
        for (String asset : assets(login.body())) {
            HttpResponse<String> response = anonymous.get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(asset).hasValue("nosniff");
        }
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty();
    }

    private long patientWithRecords(Facility clinic) {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "クロール");
        long person = clients.personOf(hospital, localId);
        FhirRecords.create(api, FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-05-01", 7.2));
        FhirRecords.create(api, FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-08-01", 6.9));
        DocumentReference letter = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId));
        letter.getType().setText("診療情報提供書");
        letter.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("紹介状")
                .setData("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        FhirRecords.create(api, letter);
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        return person;
    }

    /** Every page reachable by GET links from the home page, each checked; returns the paths in crawl order. */
    private List<String> crawl(WebSession web) {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> crawled = new ArrayList<>();
        while (!queue.isEmpty() && crawled.size() < MAX_PAGES) {
            String path = queue.poll();
            HttpResponse<String> response = web.get(path);
            check(path, response);
            crawled.add(path);
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            for (String link : links(response.body())) {
                if (seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return crawled;
    }

    /** The same-site pages a page links to, leaving out logging out, static assets and language switches. */
    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (link.startsWith("/logout") || link.startsWith("/css/") || link.startsWith("/js/")
                    || link.startsWith("/webjars/") || link.startsWith("/favicon") || link.contains("lang=")
                    || link.startsWith("//")) {
                continue;
            }
            links.add(URI.create(link.replace(" ", "%20")).toString());
        }
        return links;
    }

    private static List<String> assets(String html) {
        List<String> assets = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            if (m.group(1).startsWith("/css/") || m.group(1).startsWith("/js/") || m.group(1).startsWith("/webjars/")) {
                assets.add(m.group(1));
            }
        }
        return assets;
    }

    private static void check(String path, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of " + path).isIn(200, 302, 303, 400, 403, 404);
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).as("CSP of " + path).hasValueSatisfying(csp -> {
            assertThat(csp).containsAnyOf("default-src 'self'", "default-src 'none'");
            assertThat(csp).containsAnyOf("frame-ancestors 'none'", "frame-ancestors 'self'");
        });
        assertThat(headers.firstValue("X-Content-Type-Options")).as("nosniff on " + path).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as("frame options of " + path).isPresent();
        assertThat(headers.firstValue("Cache-Control")).as("caching of " + path)
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        for (String cookie : headers.allValues("Set-Cookie")) {
            assertThat(cookie).as("cookie set by " + path).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=");
        }
        assertThat(response.body()).as("body of " + path).doesNotContain("at org.").doesNotContain("Exception")
                .doesNotContain("PSQLException").doesNotContain("SELECT ");
    }
}
