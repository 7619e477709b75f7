package org.musubi.nodes;

import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.SendLetter;
import org.musubi.letters.exchange.OpenLetter;
import org.musubi.letters.exchange.LetterRequest;
import org.musubi.letters.exchange.LetterStatus;
import org.musubi.testing.LetterPatients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Purpose;
import org.musubi.record.Reader;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.disaster.DisasterScenes;
import org.musubi.identity.Person;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.watch.WatchScans;
import org.musubi.phr.ResidentFixtures;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.internal.smart.SmartLaunches;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Musubi nodes on one PostgreSQL (issue 41): this test's own server is node A, a {@code musubi serve} in a child
 * JVM is node B (its own memory; the same database, secret key and blob directory). Clients behind a "load balancer"
 * send each request to the other node ({@link WebSession#alternating}), or begin something on one node and finish it on
 * the other: whatever one node knows, the other answers alike, at the very next request. Node B starts once for the
 * class; it watches the import folders every 300 ms.
 */
@MusubiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("drill")
class TwoNodesIT extends ResidentFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DATA_TOKEN = Pattern.compile("data-token=\"([^\"]+)\"");

    @Autowired javax.sql.DataSource dataSource;
    @Autowired SmartLaunches launches;
    @Autowired DisasterScenes scenes;
    @Autowired org.musubi.disaster.SwitchDisasterMode switching;
    @Autowired PharmacyNotebooks notebooks;
    @Autowired ImportSources sources;
    @Autowired AuditTrail trail;
    @Autowired ApplicationContext context;
    @Autowired SendLetter sendLetter;
    @Autowired OpenLetter openLetter;
    @Autowired LetterPatients letterPatients;
    @Autowired org.musubi.carenet.CareTeams careTeams;
    @Autowired org.musubi.carenet.WriteTeamNote notes;
    @Autowired org.musubi.carenet.AssignTeamTask tasks;
    @Autowired org.musubi.carenet.ChangeTeamTaskStatus statuses;

    @TempDir static Path work;
    private SecondNode b;

    @BeforeAll
    void startNodeB() throws Exception {
        b = SecondNode.start(dataSource, work, "--musubi.ingest.watch=true", "--musubi.ingest.watch-interval=300ms");
    }

    @AfterAll
    void stopNodeB() throws Exception {
        if (b != null) {
            System.out.println("two nodes: " + b.starts());
            b.close();
        }
    }

    /** A browser behind a load balancer whose public address is node A's: each request goes to the next node. */
    private WebSession balanced(int... ports) {
        return WebSession.alternating(ports).withHeader("X-Forwarded-Proto", "http")
                .withHeader("X-Forwarded-Host", "localhost").withHeader("X-Forwarded-Port", String.valueOf(port));
    }

    private String nodeA() {
        return "http://localhost:" + port;
    }

    private String nodeB() {
        return "http://localhost:" + b.port();
    }

    @Test
    @Order(1)
    void aLoginWithPasswordAndTotpWhoseStepsAlternateNodesOpensOneSessionOnBoth() {
        User user = accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE);
        WebSession web = balanced(port, b.port());
        long before = audit.max();

        HttpResponse<String> password = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);
        assertThat(web.lastNode()).isEqualTo(nodeB());
        assertThat(WebSession.location(password)).as("the password step on B, after the login page from A")
                .isEqualTo("/login/second-factor");
        web.get("/login/second-factor");
        HttpResponse<String> code = web.post("/login/second-factor", "code", accounts.nextCode(user.id()));
        assertThat(web.lastNode()).isEqualTo(nodeB());
        assertThat(WebSession.location(code)).as("the code on B, after the second-factor page from A").isEqualTo("/");

        for (String node : List.of(nodeA(), nodeB())) {
            HttpResponse<String> home = web.get("/");
            assertThat(web.lastNode()).isEqualTo(node);
            assertThat(home.statusCode()).as("signed in on " + node).isEqualTo(200);
            assertThat(home.body()).contains("試験 太郎");
        }
        assertThat(audit.since(before, user.loginId())).startsWith("LOGIN_PASSWORD PERMIT", "LOGIN_SECOND_FACTOR PERMIT");
    }

    @Test
    @Order(2)
    void theLoginThrottleCountsFailuresOnBothNodesAsOne() {
        String guesser = "203.0.113.41";
        int limit = 40;
        for (int i = 0; i < limit; i++) {
            WebSession attempt = new WebSession(i % 2 == 0 ? port : b.port()).withHeader("X-Forwarded-For", guesser);
            assertThat(WebSession.location(accounts.passwordStep(attempt, "two-nodes-target-" + i, "password" + i)))
                    .as("failure %d", i + 1).isEqualTo("/login?error");
        }
        User real = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);

        for (int node : List.of(port, b.port())) {
            HttpResponse<String> refused = accounts.passwordStep(
                    new WebSession(node).withHeader("X-Forwarded-For", guesser), real.loginId(), TestAccounts.PASSWORD);
            assertThat(refused.statusCode()).as("20 failures on each node are 40 for the address, on node " + node)
                    .isEqualTo(429);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_THROTTLED' AND client_ip = ?")
                .param(guesser).query(Long.class).single()).as("the moment the address was refused, once").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aSmartCodeIssuedOnARedeemedOnBAndItsRefreshOnAWorkOnceEach() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ニキョテン");
        Residents.Resident resident = residents.register(patient.personId());
        SmartLaunches.App app = launches.register(SmartLaunches.SCOPES);
        SmartLaunches.Pkce pkce = SmartLaunches.Pkce.fresh();
        String back = launches.approveAfterLogin(port, resident,
                SmartLaunches.request(port, app, SmartLaunches.SCOPES, "state-two-nodes", pkce));
        String code = SmartLaunches.parameter(back, "code");

        SmartLaunches.TokenAnswer tokens = SmartLaunches.exchange(b.port(), app, code, pkce);

        assertThat(tokens.status()).as("the code from A on B: " + tokens.json()).isEqualTo(200);
        assertThat(tokens.text("patient")).isEqualTo(String.valueOf(patient.personId()));
        assertThat(readSelf(port, tokens.text("access_token"), patient.personId())).as("B's access token on A").isEqualTo(patient.personId());

        SmartLaunches.TokenAnswer refreshed = SmartLaunches.refresh(port, app, tokens.text("refresh_token"));
        assertThat(refreshed.status()).as("B's refresh token on A: " + refreshed.json()).isEqualTo(200);
        assertThat(refreshed.text("refresh_token")).startsWith("msr_").isNotEqualTo(tokens.text("refresh_token"));
        assertThat(readSelf(b.port(), refreshed.text("access_token"), patient.personId())).as("A's access token on B")
                .isEqualTo(patient.personId());
        SmartLaunches.TokenAnswer again = SmartLaunches.refresh(b.port(), app, refreshed.text("refresh_token"));
        assertThat(again.status()).as("A's new refresh token on B, in its turn").isEqualTo(200);
        assertThat(SmartLaunches.refresh(b.port(), app, tokens.text("refresh_token")).text("error"))
                .as("the rotated refresh token is spent on B too").isEqualTo("invalid_grant");

        // The code presented again, on A: refused, and (RFC 6749 4.1.2) the grant it made is revoked on every node.
        assertThat(SmartLaunches.exchange(port, app, code, pkce).text("error")).as("the code is spent on A too")
                .isEqualTo("invalid_grant");
        assertThatThrownBy(() -> readSelf(b.port(), again.text("access_token"), patient.personId()))
                .as("the revoked grant's newest access token, on B").isInstanceOf(AuthenticationException.class);
    }

    /** The resident's own Patient read with an app's access token on {@code node}: its id. */
    private long readSelf(int node, String accessToken, long personId) {
        IGenericClient api = clients.fhir(node, accessToken);
        Patient self = api.read().resource(Patient.class).withId(String.valueOf(personId)).execute();
        return Long.parseLong(self.getIdElement().getIdPart());
    }

    @Test
    @Order(4)
    void aPasskeyCeremonyBegunOnAIsFinishedOnB() throws Exception {
        Residents.Resident resident = residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "パスキーニキョテン").personId());
        SoftPasskey passkey = SoftPasskey.enrol(jdbc, resident.account().id());
        WebSession web = balanced(b.port(), port);
        long before = audit.max();
        web.get("/phr/login");
        assertThat(WebSession.location(web.post("/login", "username", resident.account().loginId(),
                "password", Residents.PASSWORD, "from", "phr"))).isEqualTo("/login/second-factor");
        Matcher csrf = DATA_TOKEN.matcher(web.get("/login/second-factor").body());
        assertThat(csrf.find()).as("the second-factor page").isTrue();

        HttpResponse<String> options = web.send(HttpRequest.newBuilder(URI.create(nodeA() + "/login/passkey/options"))
                .header("Accept", "application/json").GET());
        assertThat(web.lastNode()).isEqualTo(nodeA());
        assertThat(options.body()).as("the challenge, from A").contains("\"challenge\"");
        HttpResponse<String> used = web.send(HttpRequest.newBuilder(URI.create(nodeA() + "/login/passkey"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(passkey.assertion(options.body(), nodeA()))));

        assertThat(web.lastNode()).isEqualTo(nodeB());
        assertThat(used.statusCode()).as("the assertion, on B: " + used.body()).isEqualTo(200);
        assertThat(used.body()).contains("redirect");
        assertThat(web.get("/phr").statusCode()).as("signed in, on A").isEqualTo(200);
        assertThat(audit.since(before, resident.account().loginId()))
                .anyMatch(row -> row.startsWith("LOGIN_SECOND_FACTOR PERMIT passkey"))
                .noneMatch(row -> row.startsWith("LOGIN_SECOND_FACTOR DENY"));
    }

    @Test
    @Order(5)
    void aConsentWithdrawnOnAIsRefusedOnBAtTheVeryNextRequest() {
        long operator = accounts.networkAdmin().id();
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "テッカイ");
        long personId = clients.personOf(hospital, localId);
        Person person = identities.person(personId).orElseThrow().person();
        Consent consent = consents.grant(personId, ConsentScope.ALL_FACILITIES, null,
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), operator, hospital.id());
        consents.link(personId, clinic.id(), operator);
        WebSession resident = residents.logIn(port, residents.register(personId, cards.regional(operator, personId),
                person.birthDate()));
        WebSession doctorOnB = accounts.signedIn(b.port(), accounts.memberOf(clinic, Profession.DOCTOR));
        FhirHttp systemOnB = new FhirHttp(b.port(), clients.token(b.port(), clients.register(clinic, "system/*.read")));
        assertThat(doctorOnB.get("/portal/patients/" + personId).statusCode()).isEqualTo(200);
        assertThat(systemOnB.get("Patient/" + personId, "application/fhir+json").statusCode()).isEqualTo(200);

        resident.get("/phr/sharing/consents/" + consent.id() + "/withdraw/confirm");
        assertThat(WebSession.location(resident.post("/phr/sharing/consents/" + consent.id() + "/withdraw")))
                .as("withdrawn on A").isEqualTo("/phr/sharing");

        assertThat(doctorOnB.get("/portal/patients/" + personId).statusCode()).as("the clinic's doctor on B").isEqualTo(404);
        assertThat(systemOnB.get("Patient/" + personId, "application/fhir+json").statusCode())
                .as("the clinic's system on B").isEqualTo(404);
    }

    @Test
    @Order(6)
    void aTusUploadBegunOnAIsResumedOnBAndImportedOnce() throws Exception {
        Facility pharmacy = notebooks.pharmacy("二拠点薬局");
        TusClient tus = new TusClient(clients.token(port, clients.register(pharmacy, "system/*.write")));
        byte[] file = PharmacyNotebooks.randomNotebook("試験 継続", "ケイゾク", "二拠点薬局", new Random(41))
                .getBytes(StandardCharsets.UTF_8);
        int half = file.length / 2;
        long auditBefore = audit.max();

        HttpResponse<String> created = tus.create(port, "jahis", "resumed.txt", file.length);
        assertThat(created.statusCode()).as("created on A: " + created.body()).isEqualTo(201);
        String upload = TusClient.path(created);
        HttpResponse<String> first = tus.patch(port, upload, file, 0, half);
        assertThat(first.statusCode()).as("the first half, on A: " + first.body()).isEqualTo(204);
        assertThat(tus.offset(b.port(), upload)).as("B knows what A received").isEqualTo(half);
        HttpResponse<String> rest = tus.patch(b.port(), upload, file, half, file.length);
        assertThat(rest.statusCode()).as("the rest, on B: " + rest.body()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).contains(String.valueOf(file.length));

        for (int node : List.of(b.port(), port)) {
            HttpResponse<String> batch = tus.batch(node, upload);
            assertThat(batch.statusCode()).as("the batch, on " + node + ": " + batch.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(batch.body());
            assertThat(answer.path("status").asString()).isEqualTo("DONE");
            assertThat(answer.path("counts").path("filesDone").asInt()).isEqualTo(1);
        }
        StoredOnce.dispensings(jdbc, pharmacy, PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS, auditBefore);
    }

    @Test
    @Order(7)
    void aFolderWatchedByBothNodesIsImportedOnce() throws Exception {
        Facility pharmacy = notebooks.pharmacy("二拠点監視薬局");
        Path folder = Files.createDirectories(work.resolve("watched"));
        int files = 12;
        Random random = new Random(4141);
        for (int n = 0; n < files; n++) {
            Path file = Files.writeString(folder.resolve("notebook-%03d.txt".formatted(n)), PharmacyNotebooks.randomNotebook(
                    "試験 " + n, "カンシ", "二拠点監視薬局", random), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
        }
        long auditBefore = audit.max();

        ImportSource source = sources.create(pharmacy.id(), ImportKind.JAHIS, "two-nodes", folder.toString(), true);
        // B scans every 300 ms by itself; A scans as its schedule would, from two threads, until every file is known.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<Thread> scanners = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            scanners.add(Thread.ofPlatform().start(() -> {
                while (Instant.now().isBefore(deadline) && filesKnown(source) < files) {
                    WatchScans.scanAll(context);
                }
            }));
        }
        for (Thread scanner : scanners) {
            scanner.join();
        }
        WatchScans.scanAll(context);
        Thread.sleep(1_000); // B's next scans find nothing new

        assertThat(filesKnown(source)).as("every file in the ledger").isEqualTo(files);
        assertThat(jdbc.sql("SELECT coalesce(sum(files_done), 0) FROM import_batch WHERE source_id = ?").param(source.id())
                .query(Long.class).single()).as("each file imported by one batch of one node").isEqualTo(files);
        assertThat(jdbc.sql("SELECT count(*) FROM import_batch WHERE source_id = ? AND status <> 'DONE'")
                .param(source.id()).query(Long.class).single()).as("no batch failed or left running").isZero();
        StoredOnce.dispensings(jdbc, pharmacy, (long) files * PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS, auditBefore);
        sources.update(source.id(), folder.toString(), false, false);
    }

    private long filesKnown(ImportSource source) {
        return jdbc.sql("SELECT count(*) FROM import_file WHERE source_id = ?").param(source.id()).query(Long.class).single();
    }

    @Test
    @Order(8)
    void disasterModeSwitchedOnAIsInForceOnBAtTheNextRequest() {
        String city = DisasterScenes.uniqueCity();
        try {
            DisasterScenes.Resident person = scenes.residentOf(port, accounts.facilityOf(FacilityKind.HOSPITAL),
                    "広島県" + city + "本町1-2-3", Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
            WebSession admin = scenes.admin(port);
            Facility team = scenes.responderFacility(admin);
            WebSession doctorOnB = scenes.staff(b.port(), team, Profession.DOCTOR);
            assertThat(DisasterScenes.findByName(doctorOnB, person.person()).body()).as("before, on B")
                    .doesNotContain("id=\"emergency-form\"").doesNotContain(person.person().givenKana());

            long period = scenes.switchOn(admin, city);

            assertThat(WebSession.location(DisasterScenes.findByName(doctorOnB, person.person())))
                    .as("switched on on A, the look-up on B").isEqualTo("/portal/emergency/open");

            scenes.switchOff(admin, period);

            HttpResponse<String> after = DisasterScenes.findByName(doctorOnB, person.person());
            assertThat(after.statusCode()).as("switched off on A, the look-up on B").isEqualTo(200);
            assertThat(after.body()).doesNotContain(person.person().givenKana());
        } finally {
            scenes.cleanUp(switching, city);
        }
    }

    @Test
    @Order(9)
    void aLetterSentOnAIsInTheInboxOnBAcceptedThereAndSeenSoOnA() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterPatients.Written patient = letterPatients.at(port, clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        Reader sender = new Reader(doctor.id(), clinic.id(), Purpose.TREATMENT);
        LetterRequest request = new LetterRequest(LetterKind.INFORMATION, hospital.id(), null, null,
                new Content(null, null, "二つの結びで読む文書", null, null, null, null, null, null, null, null, null, null),
                null, null, null);
        UUID letter = ((LetterExchange.Sent.Done) sendLetter.send(sender, patient.personId(), request, null)).letter().id();

        WebSession nurseOnB = accounts.signedIn(b.port(), accounts.memberOf(hospital, Profession.NURSE));
        assertThat(nurseOnB.get("/portal/letters").body()).as("the inbox on B").contains("data-letter=\"" + letter + "\"");
        assertThat(nurseOnB.get("/portal/letters/" + letter).body()).contains("二つの結びで読む文書");
        assertThat(WebSession.location(nurseOnB.post("/portal/letters/" + letter + "/accept")))
                .isEqualTo("/portal/letters/" + letter + "?accepted");
        assertThat(openLetter.open(sender, letter).orElseThrow().row().status()).as("seen on A")
                .isEqualTo(LetterStatus.ACCEPTED);
        assertThat(openLetter.open(sender, letter).orElseThrow().history()).extracting(LetterExchange.Event::status)
                .containsExactly(LetterStatus.REQUESTED, LetterStatus.RECEIVED, LetterStatus.ACCEPTED);
    }

    @Test
    @Order(10)
    void aBoxUploadBegunOnAIsResumedOnBSentThereAndDownloadedOnA() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        String token = clients.token(port, clients.register(clinic, "system/*.read", "system/*.write"));
        byte[] file = new byte[2 * 1024 * 1024 + 5];
        new Random(43).nextBytes(file);
        int half = file.length / 2;
        org.musubi.testing.TusUploads onA = new org.musubi.testing.TusUploads("http://localhost:" + port, "Bearer " + token);
        org.musubi.testing.TusUploads onB = new org.musubi.testing.TusUploads("http://localhost:" + b.port(),
                "Bearer " + token);

        String upload = org.musubi.testing.TusUploads.path(onA.create("/api/box/uploads", file.length, "二拠点.bin",
                "application/octet-stream"));
        assertThat(onA.patch(upload, 0, () -> new java.io.ByteArrayInputStream(file, 0, half)).statusCode()).isEqualTo(204);
        assertThat(onB.offset(upload)).as("B knows what A received").isEqualTo(half);
        assertThat(onB.patch(upload, half, () -> new java.io.ByteArrayInputStream(file, half, file.length - half))
                .statusCode()).as("the rest, on B").isEqualTo(204);
        HttpResponse<String> sent = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + b.port() + "/api/box/files?upload="
                                + upload.substring(upload.lastIndexOf('/') + 1) + "&user=" + nurse.id()))
                .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as("sent on B: " + sent.body()).isEqualTo(201);
        String id = sent.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        HttpResponse<byte[]> downloaded = accounts.signedIn(port, nurse).getBytes("/portal/box/files/" + id);
        assertThat(downloaded.statusCode()).as("downloaded on A").isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(file);
    }

    @Test
    @Order(11)
    void aCareTeamsNoteAndTaskWrittenOnAAreOnBAndTheTaskDoneOnAIsSoOnB() {
        Facility hospital = accounts.newHospital();
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User pharmacist = accounts.memberOf(pharmacy, Profession.PHARMACIST);
        long person = linkedConsentedPatientAt(hospital);
        org.musubi.carenet.CareTeams.Actor lead = new org.musubi.carenet.CareTeams.Actor(doctor.id(), hospital.id());
        UUID team = careTeams.create(lead, person, "二拠点チーム", org.musubi.carenet.CareTeams.Role.DOCTOR).id();
        careTeams.invite(lead, team, pharmacist.id(), org.musubi.carenet.CareTeams.Role.PHARMACIST, null);
        notes.write(lead, team, org.musubi.carenet.TeamEntry.Kind.CARE_NOTE, List.of("二つの結びで読むケア記録"));
        String task = tasks.assign(lead, team, "残薬の確認", pharmacist.id(), java.time.LocalDate.now().plusDays(3));

        WebSession pharmacistOnB = accounts.signedIn(b.port(), pharmacist);
        assertThat(pharmacistOnB.get("/").body()).as("the task on B's home").contains("id=\"care-team-tasks\"");
        assertThat(pharmacistOnB.get("/portal/care-teams/" + team).body()).as("the team's timeline on B")
                .contains("二つの結びで読むケア記録").contains("残薬の確認");
        statuses.change(new org.musubi.carenet.CareTeams.Actor(pharmacist.id(), pharmacy.id()), team, task,
                "completed");
        assertThat(accounts.signedIn(b.port(), pharmacist).get("/").body()).as("done: nothing waits on B")
                .doesNotContain("id=\"care-team-tasks\"");
    }

    @Test
    @Order(99)
    void theAuditChainWrittenByBothNodesVerifies() {
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isPositive();
        assertThat(trail.verify().intact()).as("the audit chain").isTrue();
    }
}
