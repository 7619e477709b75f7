package org.musubi.phr.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.phr.Residents;
import org.musubi.photos.TestPictures;
import org.musubi.phr.points.PointsLedger;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 健診結果 over real HTTP: a resident whose checkup centre sent two years of 特定健診 files (the team's sample through
 * the real import) sees both, newest first, grouped, with reference ranges and high/low flags, and each item's values
 * across the years, in one audited read; adds a paper result with a photo (EXIF location removed), stored as FHIR under
 * their own notebook source with a Provenance, listed as entered by them and joined to the trends, earning no checkup
 * points; a partial entry saves, implausible values are refused naming the field and store nothing; a proxy's entry
 * says who acted for whom. Each page read and each write is exactly one audit row.
 */
@MusubiIntegrationTest
class PhrCheckupsIT {

    static final String SELF = "policy.permit.patientSelfAccess";
    private static final String FIRST_LINK =
            "IDENTITY_LINK PERMIT SELF_REGISTRATION: the resident's own entries in the health notebook";

    @LocalServerPort
    int port;
    @Autowired
    CheckupImports imports;
    @Autowired
    Residents residents;
    @Autowired
    IdentityStore identities;
    @Autowired
    AuditRows audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PointsLedger ledger;
    @Autowired
    TestAccounts accounts;

    private long personId;
    private String regionalId;
    private WebSession web;

    @BeforeEach
    void aResidentWhoseCentreSentTwoYears() {
        CheckupImports.Examinee examinee = imports.examinee();
        String h = "\n              <interpretationCode code=\"H\" codeSystem=\"2.16.840.1.113883.5.83\"/>";
        imports.send(examinee, "20240610", Map.of("value=\"72.4\"", "value=\"70.1\"",
                "value=\"165\" unit=\"mg/dl\"/>" + h, "value=\"120\" unit=\"mg/dl\"/>",
                "value=\"108\" unit=\"mg/dl\"/>" + h, "value=\"112\" unit=\"mg/dl\"/>"));
        personId = imports.send(examinee, "20250612", Map.of());
        regionalId = identities.person(personId).orElseThrow().person().regionalId();
        web = residents.logIn(port, residents.register(personId));
    }

    @Test
    void theResidentSeesBothCheckupsWithRangesFlagsAndTrendsInOneAuditedRead() {
        long before = audit.max();
        HttpResponse<String> page = web.get("/phr/checkups");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(audit.forPatient(before, regionalId)).containsExactly("READ PERMIT " + SELF);
        String body = page.body();
        assertThat(body.indexOf("data-checkup=\"2025-06-12\"")).as("newest first").isPositive()
                .isLessThan(body.indexOf("data-checkup=\"2024-06-10\""));
        String latest = section(body, "2025-06-12");
        assertThat(latest).contains("むすび健診センター").contains("身体計測").contains("血圧").contains("脂質")
                .contains("肝機能").contains("血糖").contains("尿").contains("判定").contains("質問票")
                .doesNotContain("本人入力");
        assertThat(value(latest, "3F015")).as("triglycerides above the range the centre sent")
                .contains("data-flag=\"high\"").contains(">165<").contains("mg/dl").contains("基準 30–149")
                .contains("class=\"badge flag\">高<");
        assertThat(value(latest, "9A751")).contains("data-flag=\"high\"").contains("基準 80–129").contains("mmHg");
        assertThat(value(latest, "3F070")).as("HDL within (interpretation N, no range)").doesNotContain("data-flag=\"high\"")
                .doesNotContain("data-flag=\"low\"").doesNotContain("badge flag");
        assertThat(value(latest, "9N006")).contains(">体重<").contains(">72.4<").contains("kg");
        assertThat(value(latest, "1A020")).contains("尿糖").contains(">－<");
        String earlier = section(body, "2024-06-10");
        assertThat(value(earlier, "3F015")).as("within the range, no interpretation sent").contains(">120<")
                .doesNotContain("data-flag=\"high\"").doesNotContain("badge flag");
        assertThat(value(earlier, "3D010")).as("above the range, no interpretation sent").contains(">112<")
                .contains("data-flag=\"high\"").contains("基準 70–99");

        String trends = between(body, "id=\"checkup-trends\"", "</ul>");
        assertThat(trend(trends, "9N006")).contains("data-date=\"2024-06-10\"").contains(">70.1<")
                .contains("data-date=\"2025-06-12\"").contains(">72.4<").contains("<polyline");
        assertThat(trends).as("items measured once have no trend").doesNotContain("data-key=\"9N501\"");
    }

    @Test
    void aPaperResultWithAPhotoIsTheResidentsOwnListedTrendedAndEarnsNoCheckupPoints() throws Exception {
        ledger.setRule(new PointsLedger.Rule(PointsLedger.Kind.CHECKUP, 100, null), accounts.networkAdmin().id());
        ledger.setRule(new PointsLedger.Rule(PointsLedger.Kind.VITALS_DAYS, 0, 20), accounts.networkAdmin().id());
        String day = LocalDate.now().minusDays(20).toString();
        byte[] original = TestPictures.jpegWithExif(400, 300, 1);
        assertThat(TestPictures.indexOf(original, TestPictures.GPS_MARK)).isNotNegative();
        long before = audit.max();

        HttpResponse<String> saved = PaperForms.post(web, "IMG_0042.JPG", "image/jpeg", original, "date", day,
                "place", "むすびクリニック（職場健診）", "height", "171.0", "weight", "69.4", "ldl", "１３０", "systolic", "128",
                "diastolic", "80");

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).isEqualTo("/phr/checkups?saved=added");
        assertThat(audit.forPatient(before, regionalId)).containsExactly(FIRST_LINK, "CREATE PERMIT " + SELF);
        assertThat(stored("DiagnosticReport")).singleElement().asString().startsWith("LAB_RESULTS:")
                .contains("urn:musubi:blob-sha256:").contains("\"display\":\"むすびクリニック（職場健診）\"")
                .contains("\"code\":\"10\"");
        assertThat(stored("Observation")).hasSize(6).anyMatch(o -> o.startsWith("VITALS:") && o.contains("9N011000000000001")
                && o.contains("\"value\":23.7") && o.contains("derivedFrom"))
                .anyMatch(o -> o.startsWith("LAB_RESULTS:") && o.contains("3F077000002327101") && o.contains("\"value\":130"))
                .anyMatch(o -> o.startsWith("VITALS:") && o.contains("9A751000000000001") && o.contains("8480-6"));
        assertThat(stored("Provenance")).singleElement().asString().contains("DiagnosticReport/").doesNotContain("onBehalfOf");

        before = audit.max();
        String body = web.get("/phr/checkups?saved=added").body();
        assertThat(audit.forPatient(before, regionalId)).containsExactly("READ PERMIT " + SELF);
        String own = section(body, day);
        assertThat(own).contains("むすびクリニック（職場健診）").contains("本人入力").contains(">BMI<").contains(">23.7<")
                .contains(">LDLコレステロール<").doesNotContain("badge flag");
        assertThat(trend(between(body, "id=\"checkup-trends\"", "</ul>"), "9N006")).contains(">69.4<")
                .contains("data-date=\"" + day + "\"").contains("本人入力");
        Matcher photo = Pattern.compile("href=\"(/phr/checkups/[^\"]+/photo)\"").matcher(own);
        assertThat(photo.find()).isTrue();

        before = audit.max();
        HttpResponse<byte[]> served = web.getBytes(photo.group(1));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(TestPictures.indexOf(served.body(), TestPictures.GPS_MARK)).as("EXIF location removed").isNegative();
        assertThat(ImageIO.read(new ByteArrayInputStream(served.body())).getWidth()).isEqualTo(400);
        assertThat(audit.forPatient(before, regionalId)).containsExactly("READ PERMIT " + SELF);

        before = audit.max();
        HttpResponse<String> again = PaperForms.post(web, "IMG_0042.JPG", "image/jpeg", original, "date", day,
                "place", "むすびクリニック（職場健診）", "height", "171.0", "weight", "69.4", "ldl", "130", "systolic", "128",
                "diastolic", "80");
        assertThat(WebSession.location(again)).as("the same result twice is stored once").isEqualTo("/phr/checkups?saved=unchanged");
        assertThat(audit.forPatient(before, regionalId)).containsExactly("CREATE PERMIT " + SELF);
        assertThat(stored("DiagnosticReport")).hasSize(1);

        before = audit.max();
        assertThat(points(web.get("/phr/points").body())).as("two checkups the centre sent, not the paper one")
                .isEqualTo(200);
        assertThat(audit.reasons(before, "PHR_POINTS", "Person")).hasSize(2)
                .allMatch(r -> r.toString().startsWith("awarded 100 for checkup:"))
                .noneMatch(r -> r.toString().contains(reportId(own)));
    }

    @Test
    void aPartialEntrySavesAndImplausibleValuesAreRefusedNamingTheField() {
        String day = LocalDate.now().minusYears(1).toString();
        long before = audit.max();
        HttpResponse<String> refused = web.post("/phr/checkups/paper", "date", day, "weight", "1000", "systolic", "80",
                "diastolic", "90", "hba1c", "五・六", "place", "x".repeat(101));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-field=\"weight\"").contains("体重（kg）: 1〜400 kg の範囲で入力してください")
                .contains("data-field=\"diastolic\"").contains("最低血圧は最高血圧より低い値です")
                .contains("data-field=\"hba1c\"").contains("data-field=\"place\"").contains("value=\"1000\"");
        assertThat(web.post("/phr/checkups/paper", "date", "", "hba1c", "5.6").body()).contains("data-field=\"date\"");
        assertThat(web.post("/phr/checkups/paper", "date", LocalDate.now().plusDays(2).toString(), "hba1c", "5.6").body())
                .contains("data-field=\"date\"").contains("今日までの日付");
        assertThat(web.post("/phr/checkups/paper", "date", day).body()).as("nothing entered").contains("data-field=\"values\"");
        assertThat(PaperForms.post(web, "scan.gif", "image/gif", "GIF89a\u0001\u0000".getBytes(
                StandardCharsets.ISO_8859_1), "date", day, "hba1c", "5.6").body())
                .contains("data-field=\"photo\"").contains("JPEG か PNG の写真だけ使えます（scan.gif）");
        assertThat(stored("DiagnosticReport")).as("a refused form stores nothing").isEmpty();
        assertThat(audit.forPatient(before, regionalId)).as("and reads and writes nothing").isEmpty();

        HttpResponse<String> partial = web.post("/phr/checkups/paper", "date", day.replace('-', '/'), "hba1c", "５.６");
        assertThat(WebSession.location(partial)).isEqualTo("/phr/checkups?saved=added");
        assertThat(audit.forPatient(before, regionalId)).containsExactly(FIRST_LINK, "CREATE PERMIT " + SELF);
        assertThat(stored("Observation")).singleElement().asString().contains("3D046000001906202").contains("\"value\":5.6");

        before = audit.max();
        String nextDay = LocalDate.parse(day).plusDays(1).toString();
        assertThat(WebSession.location(web.post("/phr/checkups/paper", "date", nextDay, "ggt", "48")))
                .isEqualTo("/phr/checkups?saved=added");
        assertThat(audit.forPatient(before, regionalId)).as("one row per write").containsExactly("CREATE PERMIT " + SELF);
        assertThat(value(section(web.get("/phr/checkups").body(), nextDay), "3B090")).contains(">48<").contains("U/L");
    }

    @Test
    void aProxysPaperResultSaysWhoActedForWhom() {
        Residents.Patient child = residents.patientAt(port, FacilityKind.HOSPITAL, "ダイリケンシン");
        Residents.Resident childAccount = residents.register(child.personId());
        web.get("/phr/proxies");
        web.post("/phr/proxies", "loginId", childAccount.account().loginId(), "until", LocalDate.now().plusDays(10).toString());
        WebSession proxy = residents.logIn(port, childAccount);
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(personId));
        String page = proxy.get("/phr/checkups").body();
        assertThat(page).contains("id=\"proxy-banner\"").contains("data-checkup=\"2025-06-12\"");

        long before = audit.max();
        String day = LocalDate.now().minusDays(3).toString();
        assertThat(WebSession.location(proxy.post("/phr/checkups/paper", "date", day, "weight", "68.0")))
                .isEqualTo("/phr/checkups?saved=added");
        assertThat(audit.forPatient(before, regionalId)).last().asString().isEqualTo("CREATE PERMIT policy.permit.proxyAccess");
        assertThat(stored("Provenance")).singleElement().asString().contains("\"onBehalfOf\"")
                .contains(childAccount.account().nameKanji());
        assertThat(web.get("/phr/checkups").body()).contains("data-checkup=\"" + day + "\"");
    }

    /** The person's stored resources of a type as {@code category:json}. */
    private List<String> stored(String type) {
        return jdbc.sql("""
                SELECT r.category || ':' || r.content::text FROM resource r
                  JOIN person_link l ON l.source_patient_id = r.patient_key
                  JOIN source_patient s ON s.id = r.patient_key
                  JOIN facility f ON f.id = s.facility_id
                 WHERE l.person_id = ? AND r.type = ? AND NOT r.deleted AND f.kind = 'PERSONAL_HEALTH_RECORD'""")
                .param(personId).param(type).query(String.class).list();
    }

    static String section(String body, String date) {
        int at = body.indexOf("data-checkup=\"" + date + "\"");
        assertThat(at).as("a checkup of " + date).isPositive();
        int end = body.indexOf("</section>", at);
        return body.substring(at, end);
    }

    static String value(String section, String key) {
        return between(section, "data-key=\"" + key + "\"", "</li>");
    }

    static String trend(String trends, String key) {
        return between(trends, "data-key=\"" + key + "\"", "</table>");
    }

    static String between(String text, String start, String end) {
        int at = text.indexOf(start);
        assertThat(at).as(start).isNotNegative();
        return text.substring(at, text.indexOf(end, at));
    }

    private static String reportId(String section) {
        Matcher id = Pattern.compile("data-report=\"([^\"]+)\"").matcher(section);
        return id.find() ? id.group(1) : "none";
    }

    private static int points(String page) {
        Matcher balance = Pattern.compile("data-balance=\"(-?\\d+)\"").matcher(page);
        assertThat(balance.find()).isTrue();
        return Integer.parseInt(balance.group(1));
    }
}
