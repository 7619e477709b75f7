package org.musubi.secretariat.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.disaster.Municipality;
import org.musubi.identity.Person;
import org.musubi.identity.Persons;
import org.musubi.identity.cards.IssueCard;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.StatementCounter;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secretariat's figures on a known set of facilities, persons, cards, consents and audit actions, each asserted
 * against counts this test makes itself (SQL over the source tables and disaster mode's address reading), and their
 * CSV, PDF and population upload over HTTP as the operator.
 */
@MusubiIntegrationTest
class StatisticsIT extends NetworkFixtures {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Statistics statistics;
    @Autowired
    Audit trail;
    @Autowired
    Persons persons;
    @Autowired
    Facilities facilities;
    @Autowired
    IssueCard cards;

    @Test
    void theFiguresAreTheCountsOfTheRegistryConsentIdentityAndTheAuditTrail() {
        User admin = accounts.networkAdmin();
        Facility hospital = accounts.newHospital();
        Facility clinic = facilities.insert(new FacilityDraft("統計試験診療所", "トウケイシケンシンリョウジョ", FacilityKind.CLINIC,
                TestAccounts.unusedInstitutionCode(facilities, 1), 34, "広島県呉市中央1-1", null, false, true,
                FacilityStatus.ACTIVE));
        List<Long> ids = newPersons(12);
        for (int i = 0; i < ids.size(); i++) {
            if (i < 11) {
                consents.grant(ids.get(i), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin.id(),
                        hospital.id());
            }
            if (i < 3) {
                cards.regional(admin.id(), ids.get(i));
            }
        }
        cards.disclosure(admin.id(), ids.getFirst(), hospital.id());
        Actor doctor = new Actor(admin.id(), admin.loginId(), hospital.id(), Profession.DOCTOR.name());
        Actor viewer = new Actor(admin.id(), admin.loginId(), clinic.id(), Profession.DOCTOR.name());
        String patient = String.valueOf(ids.getFirst());
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Observation", "o" + i).patient(patient).by(doctor));
        }
        entries.add(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("Observation", "denied").patient(patient).by(doctor));
        entries.add(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("Observation", "n1").patient(patient).by(doctor));
        entries.add(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on(null, "Condition/c1").patient(patient)
                .reason("import SSMIX2 test").by(doctor));
        entries.add(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("Letter", "l1").patient(patient).by(doctor));
        entries.add(AuditEntry.of(AuditAction.EMERGENCY_OPEN, Outcome.PERMIT).on("Patient", patient).by(doctor));
        entries.add(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT).on("Patient").by(viewer));
        entries.add(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", patient).patient(patient).by(viewer));
        trail.recordAll(entries);
        List<String> names = List.of("呉市", "広島市中区", "広島市南区", "福山市", "尾道市", "東広島市", "竹原市");
        List<StatisticsStore.Population> population = names.stream()
                .map(n -> new StatisticsStore.Population(n, 1_000 + n.length())).toList();
        assertThat(statistics.loadPopulation(population, admin.id())).isTrue();

        Figures.Dashboard d = statistics.dashboard(null);
        LocalDate today = statistics.today();
        YearMonth month = YearMonth.from(today);

        assertThat(d.rollup()).isPresent();
        Figures.FacilityUse atHospital = d.use().stream().filter(u -> u.facilityId() == hospital.id()).findFirst()
                .orElseThrow();
        assertThat(atHospital).as("denied reads and the emergency opening are no use; the letter is no import")
                .isEqualTo(new Figures.FacilityUse(hospital.id(), hospital.nameKanji(), FacilityKind.HOSPITAL, 3, 2, 1));
        assertThat(d.use().stream().filter(u -> u.facilityId() == clinic.id()).findFirst().orElseThrow().views())
                .isEqualTo(2);

        for (Figures.CardMonth c : d.cards()) {
            assertThat(c.regional()).as("regional cards of " + c.month()).isEqualTo(cardsIn(c.month(), "REGIONAL"));
            assertThat(c.disclosure()).as("disclosure cards of " + c.month()).isEqualTo(cardsIn(c.month(), "DISCLOSURE"));
        }
        assertThat(d.cards().getLast().total()).isGreaterThanOrEqualTo(4);

        Map<String, long[]> expected = residentsByAddress(names);
        for (Figures.Residents r : d.residents()) {
            assertThat(new long[] {r.residents(), r.inYear()}).as(r.municipality()).containsExactly(expected.get(r.municipality()));
        }
        assertThat(d.residents()).extracting(Figures.Residents::municipality).containsExactlyElementsOf(names);

        for (Figures.TwoWay t : d.twoWay()) {
            assertThat(t).as(t.days() + " days").isEqualTo(twoWay(t.days(), today));
        }
        assertThat(twoWayFacilities(30, today)).contains(hospital.id()).doesNotContain(clinic.id());

        Figures.FacilityMonth now = d.facilities().getLast();
        Map<FacilityKind, Long> byKind = facilitiesByKind(today);
        for (FacilityKind kind : StatisticsCsv.kinds()) {
            assertThat(now.kind(kind)).as(kind.name()).isEqualTo(byKind.getOrDefault(kind, 0L));
        }
        assertThat(d.queue().open()).isEqualTo(jdbc.sql("SELECT count(*) FROM match_review WHERE status = 'OPEN'")
                .query(Long.class).single());
        assertThat(d.emergency().getLast().month()).isEqualTo(month);
        assertThat(d.emergency().getLast().breakTheGlass() + d.emergency().getLast().crews()).isEqualTo(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'EMERGENCY_OPEN' AND outcome = 'PERMIT'
                   AND facility_id IS NOT NULL AND occurred_at >= ?""").param(start(month)).query(Long.class).single());
    }

    @Test
    void theOperatorDownloadsEachFigureAsCsvForExcelAndTheBoardsReportAsOnePdfPage() throws Exception {
        WebSession web = accounts.signedIn(port, accounts.networkAdmin());
        long before = StatementCounter.count();
        assertThat(web.get("/admin/statistics").statusCode()).isEqualTo(200);
        assertThat(web.post("/admin/statistics/refresh").statusCode()).isEqualTo(302);
        List<String> sent = StatementCounter.last(StatementCounter.count() - before);
        assertThat(sent).as("the page's and the refresh's statements").anyMatch(sql -> sql.contains("stats_usage_day"))
                .anyMatch(sql -> sql.contains("INSERT INTO stats_usage_day"));
        assertThat(sent).as("the page and a refresh read no record (resource, resource_version, _token, _date)")
                .noneMatch(sql -> StatisticsSourcesTest.tables(sql).stream().anyMatch(t -> t.startsWith("resource")));
        for (String figure : StatisticsCsv.FIGURES) {
            HttpResponse<byte[]> csv = web.getBytes("/admin/statistics/" + figure + ".csv");
            assertThat(csv.statusCode()).as(figure).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            byte[] body = csv.body();
            assertThat(body).as(figure + " begins with the BOM").startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
            assertThat(text.lines().findFirst().orElse("")).as(figure + " header").matches("[a-z_]+(,[A-Za-z_0-9]+)*");
        }
        String residents = new String(web.getBytes("/admin/statistics/residents.csv").body(), StandardCharsets.UTF_8);
        residents.lines().skip(1).forEach(line -> {
            String[] f = line.split(",", -1);
            assertThat(f[2]).as("no count of 1 to 9 in " + line).doesNotMatch("[1-9]");
            assertThat(f[4]).as("no count of 1 to 9 in " + line).doesNotMatch("[1-9]");
        });
        assertThat(web.get("/admin/statistics/nothing.csv").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> pdf = web.getBytes("/admin/statistics/report.pdf");
        Assumptions.assumeTrue(pdf.statusCode() != 503, "no Japanese font on this machine: the report cannot be printed");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).as("one page for the board").isEqualTo(1);
        }
    }

    @Test
    void aPopulationCsvWithFaultsNamesLineAndFieldAndLoadsNothingAndAGoodOneReplacesTheList() {
        WebSession web = accounts.signedIn(port, accounts.networkAdmin());
        HttpResponse<String> bad = upload(web, "市区町村,人口\n呉市,1200\n三原市,たくさん\n");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("3 行目の人口").contains("たくさん");
        upload(web, "市区町村,人口\n呉市,1200\n三原市,900\n");
        assertThat(statistics.dashboard(null).residents()).extracting(Figures.Residents::municipality)
                .containsExactly("呉市", "三原市");
        HttpResponse<String> again = upload(web, "尾道市,500\n");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(again)).contains("/admin/statistics/population?loaded=1");
        assertThat(statistics.dashboard(null).residents()).extracting(Figures.Residents::municipality)
                .containsExactly("尾道市");
    }

    private HttpResponse<String> upload(WebSession web, String csv) {
        Matcher token = CSRF.matcher(web.get("/admin/statistics/population").body());
        assertThat(token.find()).isTrue();
        String boundary = "----musubi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"population.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/admin/statistics/population"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private List<Long> newPersons(int count) {
        long seed = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        List<Person> made = new SyntheticNetworkGenerator().persons(seed, count, 34).toList();
        persons.registerAll(made);
        List<Long> ids = new ArrayList<>();
        for (Person p : made) {
            ids.add(jdbc.sql("SELECT id FROM person WHERE regional_id = ?").param(p.regionalId())
                    .query(Long.class).single());
        }
        return ids;
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(Months.JAPAN).toInstant());
    }

    private long cardsIn(YearMonth month, String kind) {
        return jdbc.sql("SELECT count(*) FROM card WHERE kind = ? AND issued_at >= ? AND issued_at < ?")
                .params(kind, start(month), start(month.plusMonths(1))).query(Long.class).single();
    }

    /** Municipality → {residents, first consent within the year}, read with disaster mode's reading of an address. */
    private Map<String, long[]> residentsByAddress(List<String> names) {
        Instant yearAgo = statistics.today().minusYears(1).plusDays(1).atStartOfDay(Months.JAPAN).toInstant();
        Map<String, long[]> counts = new HashMap<>();
        names.forEach(n -> counts.put(n, new long[2]));
        jdbc.sql("""
                SELECT p.address, (SELECT min(captured_at) FROM consent a WHERE a.person_id = p.id) FROM person p
                 WHERE p.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.status = 'ACTIVE')""")
                .query(rs -> {
                    String address = rs.getString(1);
                    boolean inYear = !rs.getTimestamp(2).toInstant().isBefore(yearAgo);
                    for (String n : names) {
                        if (new Municipality(34, n).covers(address)) {
                            counts.get(n)[0]++;
                            counts.get(n)[1] += inYear ? 1 : 0;
                        }
                    }
                });
        return counts;
    }

    private Set<Long> twoWayFacilities(int days, LocalDate today) {
        Timestamp from = Timestamp.from(Months.windowStart(today, days).atStartOfDay(Months.JAPAN).toInstant());
        return new HashSet<>(jdbc.sql("""
                SELECT facility_id FROM audit_event WHERE outcome = 'PERMIT' AND facility_id IS NOT NULL AND occurred_at >= ?
                 GROUP BY facility_id
                HAVING bool_or(action IN ('READ', 'SEARCH', 'EXPORT'))
                   AND bool_or((action IN ('CREATE', 'UPDATE', 'DELETE') AND patient_id IS NOT NULL
                                AND coalesce(resource_type, '') NOT IN ('Letter', 'LetterDraft'))
                               OR (action = 'CREATE' AND resource_type = 'Letter'))""")
                .param(from).query(Long.class).list());
    }

    private Figures.TwoWay twoWay(int days, LocalDate today) {
        Timestamp from = Timestamp.from(Months.windowStart(today, days).atStartOfDay(Months.JAPAN).toInstant());
        List<Long> participating = participating(today);
        Set<Long> sent = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT facility_id FROM audit_event WHERE outcome = 'PERMIT' AND occurred_at >= ?
                   AND ((action IN ('CREATE', 'UPDATE', 'DELETE') AND patient_id IS NOT NULL
                         AND coalesce(resource_type, '') NOT IN ('Letter', 'LetterDraft'))
                        OR (action = 'CREATE' AND resource_type = 'Letter'))""").param(from).query(Long.class).list());
        Set<Long> viewed = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT facility_id FROM audit_event WHERE outcome = 'PERMIT' AND occurred_at >= ?
                   AND action IN ('READ', 'SEARCH', 'EXPORT')""").param(from).query(Long.class).list());
        return new Figures.TwoWay(days, participating.size(), participating.stream().filter(sent::contains).count(),
                participating.stream().filter(viewed::contains).count(),
                participating.stream().filter(f -> sent.contains(f) && viewed.contains(f)).count());
    }

    private List<Long> participating(LocalDate today) {
        return jdbc.sql("""
                SELECT f.id FROM facility f LEFT JOIN facility_profile p ON p.facility_id = f.id
                 WHERE f.status = 'ACTIVE' AND f.kind NOT IN ('PERSONAL_HEALTH_RECORD', 'FIRE_DEPARTMENT', 'MUNICIPALITY')
                   AND coalesce(p.joined_on, (f.created_at AT TIME ZONE 'Asia/Tokyo')::date) <= ?
                   AND (p.left_on IS NULL OR p.left_on >= ?)""")
                .params(java.sql.Date.valueOf(today), java.sql.Date.valueOf(today)).query(Long.class).list();
    }

    private Map<FacilityKind, Long> facilitiesByKind(LocalDate today) {
        Map<FacilityKind, Long> byKind = new EnumMap<>(FacilityKind.class);
        jdbc.sql("""
                SELECT f.kind, count(*) FROM facility f LEFT JOIN facility_profile p ON p.facility_id = f.id
                 WHERE f.kind <> 'PERSONAL_HEALTH_RECORD'
                   AND coalesce(p.joined_on, (f.created_at AT TIME ZONE 'Asia/Tokyo')::date) <= ?
                   AND (p.left_on IS NULL OR p.left_on >= ?) GROUP BY f.kind""")
                .params(java.sql.Date.valueOf(today), java.sql.Date.valueOf(today))
                .query(rs -> {
                    byKind.put(FacilityKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return byKind;
    }
}
