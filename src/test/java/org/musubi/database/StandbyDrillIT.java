package org.musubi.database;

import org.musubi.testing.TestDirs;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.assertj.core.api.Assertions;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Purpose;
import org.musubi.audit.cli.AuditVerifyCommand;
import org.musubi.audit.cli.MergeSpoolCommand;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.cli.ImportCommand;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.ChildServers;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.musubi.web.standby.ReadOnlyRoutes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standby drill (issue 26, docs/disaster.md): a real primary and a real streaming standby, two PostgreSQL processes
 * of the embedded binaries, the standby made with the low-level backup API. Musubi on the primary makes a patient with
 * a lab result that a clinic's doctor may see, and the patient registers for the health notebook; Musubi on the standby
 * serves that doctor the patient's page, the resident their notebook, and a FHIR read (with a token the standby
 * issues), refuses a vital-sign entry, a portal post, a FHIR create, an upload and the command-line
 * import, and every POST, PUT, DELETE and PATCH route the application has (walked from its handler mapping, so a
 * route added later is covered; the emergency routes it serves, which keep their accesses in memory, send anonymous
 * users to log in and neither write nor fail for a doctor posting nothing useful; StandbyEmergencyIT opens them for real),
 * and spools its audit records. Failback: the primary's Musubi merges the spool, once
 * cut short and resumed, once again (nothing added twice), refuses a tampered spool, and {@code audit verify} passes
 * with every spooled record in the trail exactly once, in order, with its time and actor. Last, a second standby is
 * promoted ({@code pg_ctl promote}) under a running Musubi, which notices, merges its own spool and takes writes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("drill")
class StandbyDrillIT extends StandbyDrill {

    private static final Path ROOT = TestDirs.of("standby-drill").toAbsolutePath();
    private static final Path SPOOL = ROOT.resolve("spool");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<RequestMethod> WRITES = EnumSet.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestAccounts accounts;
    private FhirClients clients;
    private Facility hospital;
    private long person;
    private User doctor;
    private ApiClientAdministration.NewApiClient clinicSystem;
    private ApiClientAdministration.NewApiClient hospitalSystem;
    private WebSession doctorOnStandby;
    private Residents residents;
    private Residents.Resident resident;

    StandbyDrillIT() {
        super(ROOT, SPOOL);
    }

    @BeforeAll
    void primaryWithDataThenAStreamingStandbyAndMusubiOnEach() throws Exception {
        startPrimary();
        accounts = onPrimary.getBean(TestAccounts.class);
        clients = onPrimary.getBean(FhirClients.class);

        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        hospitalSystem = clients.register(hospital, "system/*.read", "system/*.write");
        IGenericClient hospitalApi = clients.fhir(primaryPort, clients.token(primaryPort, hospitalSystem));
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(hospitalApi, hospital, localId, "タイキ");
        person = clients.personOf(hospital, localId);
        FhirRecords.create(hospitalApi, FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2025-01-10", 6.1));
        long admin = accounts.networkAdmin().id();
        Consents consents = onPrimary.getBean(Consents.class);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        doctor = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        residents = onPrimary.getBean(Residents.class);
        resident = residents.register(person);
        clinicSystem = clients.register(clinic, "system/*.read");

        startStandby();
    }

    private static final String PEOPLES_TRAIL = "SELECT count(*) FROM audit_event WHERE " + PEOPLES_ROWS;

    @Test
    @Order(1)
    void theStandbyServesTheViewerRefusesWritesAndSpoolsItsAudit() throws Exception {
        assertThat(onStandby.getBean(Standby.class).readOnly()).isTrue();
        long trailBefore = Long.parseLong(standby.query(PEOPLES_TRAIL));

        doctorOnStandby = new WebSession(standbyPort);
        HttpResponse<String> loggedIn = accounts.logIn(doctorOnStandby, doctor);
        assertThat(WebSession.location(loggedIn)).as("logging in works without writing").isEqualTo("/");
        HttpResponse<String> page = doctorOnStandby.get("/portal/patients/" + person);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"standby-banner\"").contains("読み取り専用の待機系で動いています");

        String clinicToken = clients.token(standbyPort, clinicSystem);
        Patient read = clients.fhir(standbyPort, clinicToken).read().resource(Patient.class)
                .withId(String.valueOf(person)).execute();
        assertThat(read.getIdElement().getIdPart()).isEqualTo(String.valueOf(person));

        WebSession notebook = residents.logIn(standbyPort, resident);
        HttpResponse<String> home = notebook.get("/phr");
        assertThat(home.statusCode()).as("the resident's notebook").isEqualTo(200);
        assertThat(home.body()).contains("id=\"standby-banner\"");
        HttpResponse<String> vitals = notebook.post("/phr/vitals", "systolic", "120", "diastolic", "80");
        assertThat(vitals.statusCode()).isEqualTo(503);
        assertThat(vitals.body()).contains("id=\"standby-refused\"").contains("読み取り専用の待機系");

        HttpResponse<String> portalPost = doctorOnStandby.post("/portal/link", "card", "1234567890123456");
        assertThat(portalPost.statusCode()).isEqualTo(503);
        assertThat(portalPost.body()).contains("読み取り専用の待機系").contains("read-only standby");
        String hospitalToken = clients.token(standbyPort, hospitalSystem);
        HttpResponse<String> fhirCreate = send("POST", "/fhir/Observation", hospitalToken, "application/fhir+json",
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}");
        assertThat(fhirCreate.statusCode()).isEqualTo(503);
        assertThat(fhirCreate.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("read-only standby");
        HttpResponse<String> upload = send("POST", "/import/jahis?name=rx.txt", hospitalToken, "text/plain", "JAHISTC08");
        assertThat(upload.statusCode()).isEqualTo(503);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int cliImport = onStandby.getBean(ImportCommand.class).run("jahis", ROOT, Map.of("facility", hospital.code().value()),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cliImport).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(Standby.MESSAGE);
        Assertions.assertThatThrownBy(() -> onStandby.getBean(RunImport.class).run(null, null, null, null))
                .isInstanceOf(ReadOnlyStandbyException.class);

        assertThat(Long.parseLong(standby.query(PEOPLES_TRAIL)))
                .as("nothing reached the standby's own trail").isEqualTo(trailBefore);
        List<JsonNode> spooled = spooled();
        assertThat(spooled).extracting(r -> r.get("action").asString() + " " + r.get("outcome").asString() + " "
                + text(r, "loginId"))
                .contains("LOGIN_PASSWORD PERMIT " + doctor.loginId(), "LOGIN_SECOND_FACTOR PERMIT " + doctor.loginId(),
                        "READ PERMIT " + doctor.loginId());
        assertThat(spooled).as("the page view left exactly one audit record")
                .filteredOn(r -> doctor.loginId().equals(text(r, "loginId")))
                .extracting(r -> r.get("action").asString()).filteredOn(a -> a.equals("READ") || a.equals("SEARCH"))
                .containsExactly("READ");
        assertThat(spooled).extracting(r -> r.get("action").asString()).contains("API_TOKEN_ISSUE", "READ");
        assertThat(spooled).extracting(r -> r.get("n").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, spooled.size()).boxed().toList());
    }

    @Test
    @Order(2)
    void everyWriteRouteOfTheApplicationIsRefusedOnTheStandby() throws Exception {
        assertThat(doctorOnStandby).as("the first test logged the doctor in on the standby").isNotNull();
        RequestMappingHandlerMapping mappings = onStandby.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        WebSession anonymous = new WebSession(standbyPort);
        List<String> served = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        List<String> emergencyAnswers = new ArrayList<>();
        int walked = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? WRITES
                    : EnumSet.copyOf(info.getMethodsCondition().getMethods());
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "1").replace("**", "x").replace("*", "x");
                for (RequestMethod method : methods) {
                    if (!WRITES.contains(method)) {
                        continue;
                    }
                    if (ReadOnlyRoutes.served(method.name(), path)) {
                        served.add(method + " " + path);
                        if (ReadOnlyRoutes.emergency(path)) {
                            emergencyAnswers.addAll(emergencyRoute(path, doctorOnStandby, anonymous));
                        }
                        continue;
                    }
                    walked++;
                    for (WebSession session : List.of(doctorOnStandby, anonymous)) {
                        HttpResponse<String> answer = session.send(HttpRequest.newBuilder(URI.create(session.base() + path))
                                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                                .method(method.name(), HttpRequest.BodyPublishers.ofString("a=1")));
                        if (answer.statusCode() != 503 || answer.headers().firstValue("X-Musubi-Read-Only").isEmpty()) {
                            notRefused.add(method + " " + path + " -> " + answer.statusCode());
                        }
                    }
                }
            }
        }
        String token = clients.token(standbyPort, clinicSystem);
        for (String[] write : List.of(new String[] {"POST", "/fhir/Observation"}, new String[] {"PUT", "/fhir/Patient/1"},
                new String[] {"DELETE", "/fhir/Patient/1"}, new String[] {"PATCH", "/fhir/Patient/1"},
                new String[] {"POST", "/fhir"}, new String[] {"POST", "/fhir/Patient/1/$everything"})) {
            walked++;
            HttpResponse<String> answer = send(write[0], write[1], token, "application/fhir+json", "{}");
            if (answer.statusCode() != 503 || !answer.body().contains("OperationOutcome")) {
                notRefused.add(write[0] + " " + write[1] + " -> " + answer.statusCode());
            }
        }
        HttpResponse<String> search = send("POST", "/fhir/Patient/_search", token, "application/x-www-form-urlencoded",
                "_id=" + person);
        System.out.printf("standby drill: %d write routes refused, served on the standby: %s%n", walked, served);

        assertThat(walked).as("the handler mapping was walked").isGreaterThan(80);
        assertThat(notRefused).as("write routes a standby did not refuse").isEmpty();
        assertThat(served).as("only the allowed POSTs are served").allSatisfy(route -> {
            String path = route.substring(route.indexOf(' ') + 1);
            assertThat(ReadOnlyRoutes.POSTS.contains(path) || ReadOnlyRoutes.emergency(path)).as(route).isTrue();
        });
        assertThat(served).as("the emergency routes are served").contains("POST /emergency", "POST /emergency/open",
                "POST /portal/emergency", "POST /portal/emergency/open", "POST /emergency/persons/1/handover",
                "POST /emergency/persons/1/glass");
        assertThat(emergencyAnswers).as("emergency routes opened nothing, wrote nothing and sent anonymous users to log in")
                .isEmpty();
        assertThat(onStandby.getBean(Consents.class).openEmergenciesOf(doctor.id(), Instant.now())).isEmpty();
        assertThat(search.statusCode()).as("a FHIR search by POST is a read").isEqualTo(200);
    }

    @Test
    @Order(3)
    void failbackMergesTheSpoolOnceInOrderAndTheTrailVerifies() throws Exception {
        onStandby.close();
        onStandby = null;
        standby.stop();
        List<JsonNode> spooled = spooled();
        assertThat(spooled).as("the first tests spooled records").hasSizeGreaterThan(5);
        Path file = SPOOL.resolve("audit-spool.jsonl");
        List<String> lines = Files.readAllLines(file);
        String spoolId = JSON.readTree(lines.getFirst()).get("spool").asString();
        MergeSpoolCommand merge = onPrimary.getBean(MergeSpoolCommand.class);

        // a merge cut short after its first records (the spool's first half, a valid chain of its own) ...
        int half = spooled.size() / 2;
        Files.write(file, lines.subList(0, 1 + half));
        assertThat(run(merge)).startsWith("0 ").contains(half + " added");
        // ... is resumed by merging the whole spool: only the rest is added
        Files.write(file, lines);
        assertThat(run(merge)).startsWith("0 ").contains((spooled.size() - half) + " added, " + half + " already");
        // and merging it once more adds nothing
        Files.write(file, lines);
        assertThat(run(merge)).startsWith("0 ").contains("0 added, " + spooled.size() + " already");
        // a tampered spool (one record's time moved by a millisecond) is refused and left where it is
        List<String> tampered = new ArrayList<>(lines);
        long at = JSON.readTree(lines.get(2)).get("at").asLong();
        tampered.set(2, lines.get(2).replace("\"at\":" + at + ",", "\"at\":" + (at + 1) + ","));
        assertThat(tampered.get(2)).isNotEqualTo(lines.get(2));
        Files.write(file, tampered);
        long trailBefore = Long.parseLong(primary.query("SELECT count(*) FROM audit_event"));
        String refused = run(merge);
        assertThat(refused).startsWith("1 ").contains("hash chain").contains("ハッシュ連鎖");
        assertThat(file).exists();
        Files.delete(file);

        ByteArrayOutputStream verified = new ByteArrayOutputStream();
        int exit = onPrimary.getBean(AuditVerifyCommand.class).run(new PrintStream(verified, true, StandardCharsets.UTF_8));
        assertThat(verified.toString(StandardCharsets.UTF_8)).contains("OK: the audit trail is intact");
        assertThat(exit).isZero();
        List<String[]> merged = new ArrayList<>();
        try (Connection connection = primary.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT reason, occurred_at, login_id, action FROM audit_event"
                     + " WHERE reason LIKE '%[standby spool " + spoolId + "#%' ORDER BY seq")) {
            while (rs.next()) {
                merged.add(new String[] {rs.getString(1), rs.getTimestamp(2).toInstant().toString(), rs.getString(3),
                        rs.getString(4)});
            }
        }
        assertThat(Long.parseLong(primary.query("SELECT count(*) FROM audit_event")))
                .as("the refused spool added nothing").isEqualTo(trailBefore + 1); // its refusal is not audited; verify is
        assertThat(merged).as("every spooled record once, in order").hasSize(spooled.size());
        for (int i = 0; i < spooled.size(); i++) {
            JsonNode record = spooled.get(i);
            String[] row = merged.get(i);
            assertThat(row[0]).endsWith("[standby spool " + spoolId + "#" + (i + 1) + "]");
            assertThat(row[1]).isEqualTo(Instant.ofEpochMilli(record.get("at").asLong()).toString());
            assertThat(row[2]).isEqualTo(text(record, "loginId"));
            assertThat(row[3]).isEqualTo(record.get("action").asString());
        }
    }

    @Test
    @Order(4)
    void aPromotedStandbyTakesWritesAgainAndMergesItsOwnSpool() throws Exception {
        DrillPostgres second = primary.standby(ROOT.resolve("standby-2"), ChildServers.freePort());
        Path secondSpool = ROOT.resolve("spool-2");
        ConfigurableApplicationContext onSecond = musubi(second, false, secondSpool);
        try {
            int port = port(onSecond);
            WebSession web = accounts.signedIn(port, doctor);
            assertThat(web.get("/portal/patients/" + person).statusCode()).isEqualTo(200);
            assertThat(web.post("/portal/link", "card", "1234567890123456").statusCode()).isEqualTo(503);
            int spooled = spooled(secondSpool).size();
            assertThat(spooled).isGreaterThanOrEqualTo(3);
            String spoolId = JSON.readTree(Files.readAllLines(secondSpool.resolve("audit-spool.jsonl")).getFirst())
                    .get("spool").asString();

            second.promote();
            Standby standbyState = onSecond.getBean(Standby.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((standbyState.readOnly() || Files.exists(secondSpool.resolve("audit-spool.jsonl")))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }

            assertThat(standbyState.readOnly()).as("the promoted database is seen as writable").isFalse();
            assertThat(secondSpool.resolve("audit-spool.jsonl")).as("the spool was merged and moved aside").doesNotExist();
            assertThat(Long.parseLong(second.query(
                    "SELECT count(*) FROM audit_event WHERE reason LIKE '%[standby spool " + spoolId + "#%'")))
                    .as("the promoted database's trail holds the spool").isEqualTo(spooled);
            assertThat(onSecond.getBean(AuditTrail.class).verify().intact()).isTrue();
            assertThat(web.get("/portal/patients/" + person).body()).doesNotContain("id=\"standby-banner\"");
            assertThat(web.post("/portal/link", "card", "1234567890123456").statusCode())
                    .as("writes are taken again").isNotEqualTo(503);
        } finally {
            onSecond.close();
            second.stop();
        }
    }

    /**
     * An emergency route posted with nothing useful: anonymous users are sent to log in; the doctor (an emergency
     * profession, so eligible for break-the-glass) gets a form, a refusal or a redirect — never the standby's refusal
     * (503), which a write the database refused would give, nor a server error. What went otherwise, as text.
     */
    private static List<String> emergencyRoute(String path, WebSession doctor, WebSession anonymous) {
        List<String> wrong = new ArrayList<>();
        HttpResponse<String> anon = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.base() + path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=1")));
        String location = anon.headers().firstValue("Location").orElse("");
        if (!(anon.statusCode() == 302 && location.contains("/login")) && anon.statusCode() != 401
                && anon.statusCode() != 403) {
            wrong.add("anonymous POST " + path + " -> " + anon.statusCode() + " " + location);
        }
        doctor.get("/portal/emergency"); // a page with the form's CSRF token
        HttpResponse<String> signedIn = doctor.post(path, "a", "1");
        if (signedIn.statusCode() >= 500 || signedIn.headers().firstValue("X-Musubi-Read-Only").isPresent()) {
            wrong.add("doctor POST " + path + " -> " + signedIn.statusCode());
        }
        return wrong;
    }

    /** The records in the spool, in order (the header line left out). */
    private static List<JsonNode> spooled() throws Exception {
        return DrillMusubi.spooled(SPOOL);
    }

    private static List<JsonNode> spooled(Path directory) throws Exception {
        return DrillMusubi.spooled(directory);
    }

    private static String text(JsonNode record, String field) {
        return DrillMusubi.text(record, field);
    }

    /** The exit code, a space, then what the command printed. */
    private static String run(MergeSpoolCommand merge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = merge.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return exit + " " + out.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, String token, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + standbyPort + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .header("Accept", "application/fhir+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Musubi against the drill's database: on the primary with the demo network, on the standby without. */
    private static ConfigurableApplicationContext musubi(DrillPostgres database, boolean onPrimary, Path spool) {
        return DrillMusubi.musubi(ROOT, database, onPrimary, spool);
    }

    private static int port(ConfigurableApplicationContext context) {
        return DrillMusubi.port(context);
    }
}
