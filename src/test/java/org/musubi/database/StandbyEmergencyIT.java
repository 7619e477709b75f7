package org.musubi.database;

import org.musubi.testing.TestDirs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.musubi.audit.Purpose;
import org.musubi.audit.cli.AuditVerifyCommand;
import org.musubi.audit.cli.MergeSpoolCommand;
import org.musubi.consent.Consents;
import org.musubi.disaster.DisasterMode;
import org.musubi.disaster.DisasterScenes;
import org.musubi.emergency.Crews;
import org.musubi.fhirapi.person.IdentifierSystems;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Emergency access on a read-only standby (issue 26, docs/disaster.md): a real primary and a real streaming standby,
 * as in {@link StandbyDrillIT}. On the standby an ambulance crew member finds a person by card, gives a reason and the
 * password, reads the emergency minimum dataset (one spooled audit record with purpose EMERGENCY per read) and hands
 * the person over to a hospital whose emergency doctor opens it; a person without emergency consent is refused; a
 * nurse of an unrelated clinic gets nothing beyond her own break-the-glass, and one user's access (kept in the
 * standby's memory) never helps another; a disaster responder opens a person in the area disaster mode covers (as the
 * primary switched it on) and no one else, and a switch on and off made on the primary while the standby runs reaches
 * the standby Musubi within its refresh interval (1 s here); nothing is written to the standby's database. After failback the merge
 * recreates the accesses for the operators' review (once, however often it runs) and the hand-over (under the crew's
 * recreated access, named again by the doctor's, in the hospital's inbox under a new token; the standby's token answers
 * like one nobody made), the resident's access log shows them, and {@code audit verify} passes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("drill")
class StandbyEmergencyIT extends StandbyDrill {

    private static final Path ROOT = TestDirs.of("standby-emergency").toAbsolutePath();
    private static final Path SPOOL = ROOT.resolve("spool");
    private static final String TAG = "[standby emergency ";

    private TestAccounts accounts;
    private Residents residents;
    private Residents.Patient patient;
    private Residents.Patient second;
    private Residents.Patient noConsent;
    private Residents.Resident resident;
    private IssuedCard card;
    private IssuedCard noConsentCard;
    private Facility er;
    private User paramedic;
    private User otherParamedic;
    private User erDoctor;
    private User nurse;
    private DisasterScenes.Resident flooded;
    private User responder;
    private DisasterScenes scenes;
    private WebSession teamOnStandby;
    private String standbyToken;

    StandbyEmergencyIT() {
        super(ROOT, SPOOL);
    }

    @BeforeAll
    void aPrimaryWithPatientsCrewsAndAHospitalThenAStandby() throws Exception {
        startPrimary();
        accounts = onPrimary.getBean(TestAccounts.class);
        residents = onPrimary.getBean(Residents.class);
        Crews crews = onPrimary.getBean(Crews.class);
        IssueCard cards = onPrimary.getBean(IssueCard.class);

        patient = crews.patient(primaryPort, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        second = crews.patient(primaryPort, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        noConsent = crews.patient(primaryPort, Set.of(Purpose.TREATMENT));
        card = cards.regional(0, patient.personId());
        noConsentCard = cards.regional(0, noConsent.personId());
        resident = residents.register(patient.personId(), card, patient.person().birthDate());
        er = accounts.newHospital();
        paramedic = crews.paramedic();
        otherParamedic = crews.paramedic();
        erDoctor = accounts.memberOf(er, Profession.DOCTOR);
        nurse = accounts.staff(FacilityKind.CLINIC, Profession.NURSE);
        scenes = onPrimary.getBean(DisasterScenes.class);
        String city = DisasterScenes.uniqueCity();
        flooded = scenes.residentOf(primaryPort, accounts.facilityOf(FacilityKind.HOSPITAL), "広島県" + city + "本町1-2-3",
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        WebSession operator = scenes.admin(primaryPort);
        Facility team = scenes.responderFacility(operator);
        scenes.switchOn(operator, city);
        responder = accounts.memberOf(team, Profession.DOCTOR);

        startStandby();
    }

    @Test
    @Order(1)
    void onTheStandbyACrewOpensReadsAndHandsOverInMemoryAuditedThroughTheSpool() throws Exception {
        assertThat(onStandby.getBean(Standby.class).readOnly()).isTrue();
        String rowsBefore = standbyRows();
        WebSession crew = new WebSession(standbyPort);
        accounts.logIn(crew, paramedic);
        assertThat(crew.get("/emergency").body()).contains("id=\"standby-banner\"");

        HttpResponse<String> refused = crew.post("/emergency", "card", noConsentCard.card().number(), "checkCode",
                noConsentCard.printedCheckCode());
        assertThat(refused.statusCode()).as("the person without emergency consent").isEqualTo(200);
        assertThat(refused.body()).contains("data-key=\"emergency.card.noConsent\"");
        assertThat(crew.get("/emergency/persons/" + noConsent.personId()).statusCode()).isEqualTo(404);

        int before = spooled().size();
        HttpResponse<String> found = crew.post("/emergency", "card", card.card().number(), "checkCode",
                card.printedCheckCode());
        assertThat(WebSession.location(found)).isEqualTo("/emergency/open");
        crew.get("/emergency/open");
        HttpResponse<String> noReason = crew.post("/emergency/open", "password", TestAccounts.PASSWORD);
        assertThat(noReason.body()).contains("data-key=\"emergency.reason.required\"");
        HttpResponse<String> wrongPassword = crew.post("/emergency/open", "code", "UNCONSCIOUS", "password", "wrong");
        assertThat(wrongPassword.body()).contains("data-key=\"emergency.password.wrong\"");
        HttpResponse<String> opened = crew.post("/emergency/open", "code", "UNCONSCIOUS", "password",
                TestAccounts.PASSWORD);
        assertThat(opened.statusCode()).as("opening is not refused as a write").isEqualTo(302);
        assertThat(WebSession.location(opened)).isEqualTo("/emergency/persons/" + patient.personId());
        assertThat(mine(before, paramedic)).containsExactly("EMERGENCY_LOOKUP PERMIT EMERGENCY",
                "EMERGENCY_OPEN DENY EMERGENCY", "EMERGENCY_OPEN DENY EMERGENCY", "EMERGENCY_OPEN PERMIT EMERGENCY");
        assertThat(reason(spooled().getLast())).startsWith("UNCONSCIOUS (until ").endsWith(TAG + "CREW UNCONSCIOUS]");

        for (int read = 1; read <= 2; read++) {
            int reads = spooled().size();
            HttpResponse<String> dataset = crew.get("/emergency/persons/" + patient.personId());
            assertThat(dataset.statusCode()).isEqualTo(200);
            assertThat(dataset.body()).contains("ペニシリン系抗菌薬").contains("id=\"emergency-banner\"");
            assertThat(mine(reads, paramedic)).as("exactly one audit record per read").containsExactly("READ PERMIT EMERGENCY");
        }
        int summaries = spooled().size();
        String regional = onStandby.getBean(IdentifierSystems.class).regional() + "|"
                + patient.person().regionalId();
        HttpResponse<String> summary = crew.send(HttpRequest.newBuilder(URI.create(crew.base()
                        + "/fhir/Patient/$summary?identifier=" + URLEncoder.encode(regional, StandardCharsets.UTF_8)))
                .header("Accept", "application/fhir+json").header("X-Purpose-Of-Use", "ETREAT").GET());
        assertThat(summary.statusCode()).as("Patient/$summary by regional ID on the standby").isEqualTo(200);
        assertThat(summary.body()).contains("ペニシリン系抗菌薬");
        assertThat(mine(summaries, paramedic)).as("one audit record, spooled").containsExactly("READ PERMIT EMERGENCY");

        HttpResponse<String> handedOver = crew.post("/emergency/persons/" + patient.personId() + "/handover",
                "facility", String.valueOf(er.id()));
        assertThat(WebSession.location(handedOver)).isEqualTo("/emergency/persons/" + patient.personId() + "?handedOver");
        WebSession doctor = new WebSession(standbyPort);
        accounts.logIn(doctor, erDoctor);
        String inbox = doctor.get("/emergency/inbox").body();
        int link = inbox.indexOf("/emergency/handovers/");
        assertThat(link).as("the hand-over is in the receiving hospital's inbox").isPositive();
        String token = inbox.substring(link + "/emergency/handovers/".length()).split("\"")[0];
        standbyToken = token;
        assertThat(WebSession.location(doctor.get("/emergency/handovers/" + token)))
                .isEqualTo("/emergency/persons/" + patient.personId());
        int reads = spooled().size();
        assertThat(doctor.get("/emergency/persons/" + patient.personId()).statusCode()).isEqualTo(200);
        assertThat(mine(reads, erDoctor)).containsExactly("READ PERMIT EMERGENCY");

        // one person at a time: opening the next person ends the first access, on the standby too
        crew.post("/emergency", "card", "", "kanaName", second.person().familyKana() + " " + second.person().givenKana(),
                "birthDate", second.person().birthDate().toString(), "sex", second.person().sex().name());
        crew.get("/emergency/open");
        assertThat(WebSession.location(crew.post("/emergency/open", "code", "CANNOT_COMMUNICATE", "password",
                TestAccounts.PASSWORD))).isEqualTo("/emergency/persons/" + second.personId());
        assertThat(crew.get("/emergency/persons/" + patient.personId()).statusCode()).isEqualTo(404);
        assertThat(crew.get("/emergency/persons/" + second.personId()).statusCode()).isEqualTo(200);

        assertThat(standbyRows()).as("nothing was written to the standby's database").isEqualTo(rowsBefore);
    }

    @Test
    @Order(2)
    void anotherUserGetsNothingFromAnAccessKeptInMemoryAndANurseNothingBeyondHerOwnGlass() throws Exception {
        String rowsBefore = standbyRows();
        WebSession other = new WebSession(standbyPort);
        accounts.logIn(other, otherParamedic);
        assertThat(other.get("/emergency/persons/" + second.personId()).statusCode())
                .as("the first paramedic's open access does not help the second").isEqualTo(404);
        other.get("/emergency");
        HttpResponse<String> handOver = other.post("/emergency/persons/" + second.personId() + "/handover",
                "facility", String.valueOf(er.id()));
        assertThat(handOver.body()).contains("data-key=\"emergency.handOver.refused\"");

        WebSession clinic = new WebSession(standbyPort);
        accounts.logIn(clinic, nurse);
        for (long person : List.of(patient.personId(), second.personId(), noConsent.personId())) {
            assertThat(clinic.get("/emergency/persons/" + person).statusCode()).isEqualTo(404);
            assertThat(clinic.get("/portal/patients/" + person + "?purpose=EMERGENCY").statusCode()).isEqualTo(404);
            assertThat(clinic.get("/portal/patients/" + person).statusCode()).isEqualTo(404);
        }
        clinic.get("/emergency");
        assertThat(clinic.post("/emergency", "card", card.card().number(), "checkCode", card.printedCheckCode())
                .statusCode()).as("the crews' page is for crews").isEqualTo(403);
        clinic.get("/portal/emergency");
        HttpResponse<String> byName = clinic.post("/portal/emergency", "kanaName", noConsent.person().familyKana() + " "
                + noConsent.person().givenKana(), "birthDate", noConsent.person().birthDate().toString(),
                "sex", noConsent.person().sex().name());
        assertThat(byName.body()).contains("data-key=\"emergency.notFound\"");

        HttpResponse<String> found = clinic.post("/portal/emergency", "kanaName", patient.person().familyKana() + " "
                + patient.person().givenKana(), "birthDate", patient.person().birthDate().toString(),
                "sex", patient.person().sex().name());
        assertThat(WebSession.location(found)).isEqualTo("/portal/emergency/open");
        clinic.get("/portal/emergency/open");
        HttpResponse<String> glass = clinic.post("/portal/emergency/open", "reason", "意識障害で来院、本人確認不能",
                "password", TestAccounts.PASSWORD);
        assertThat(WebSession.location(glass)).isEqualTo("/portal/patients/" + patient.personId() + "?purpose=EMERGENCY");
        assertThat(clinic.get("/portal/patients/" + patient.personId() + "?purpose=EMERGENCY").statusCode()).isEqualTo(200);
        assertThat(clinic.get("/portal/patients/" + patient.personId()).statusCode())
                .as("break-the-glass gives the emergency minimum only, never treatment").isEqualTo(404);
        assertThat(clinic.get("/portal/patients/" + second.personId() + "?purpose=EMERGENCY").statusCode())
                .as("nor another person").isEqualTo(404);
        assertThat(other.get("/emergency/persons/" + patient.personId()).statusCode())
                .as("nor does it help anyone else").isEqualTo(404);
        assertThat(standbyRows()).isEqualTo(rowsBefore);
    }

    @Test
    @Order(3)
    void aDisasterRespondersGlassWorksOnTheStandbyWhereDisasterModeCoversThePersonOnly() throws Exception {
        String rowsBefore = standbyRows();
        teamOnStandby = new WebSession(standbyPort);
        accounts.logIn(teamOnStandby, responder);
        assertThat(teamOnStandby.get("/portal/emergency").body()).contains("id=\"disaster-banner\"");
        HttpResponse<String> outside = DisasterScenes.findByName(teamOnStandby, patient.person());
        assertThat(outside.body()).as("a person outside the disaster area").contains("data-key=\"emergency.notFound\"");

        HttpResponse<String> found = DisasterScenes.findByName(teamOnStandby, flooded.person());
        assertThat(WebSession.location(found)).isEqualTo("/portal/emergency/open");
        teamOnStandby.get("/portal/emergency/open");
        int before = spooled().size();
        HttpResponse<String> opened = teamOnStandby.post("/portal/emergency/open", "reason", "土砂災害の避難所で意識低下",
                "password", TestAccounts.PASSWORD);
        assertThat(WebSession.location(opened)).isEqualTo("/portal/patients/" + flooded.personId() + "?purpose=EMERGENCY");
        HttpResponse<String> view = teamOnStandby.get("/portal/patients/" + flooded.personId() + "?purpose=EMERGENCY");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains(flooded.allergy()).contains("id=\"standby-banner\"");
        assertThat(mine(before, responder)).containsExactly("EMERGENCY_OPEN PERMIT EMERGENCY", "READ PERMIT EMERGENCY");
        assertThat(standbyRows()).isEqualTo(rowsBefore);
    }

    @Test
    @Order(4)
    void aSwitchOnThePrimaryReachesTheRunningStandbyWithinTheRefreshIntervalOnAndOff() throws Exception {
        String city = DisasterScenes.uniqueCity();
        DisasterScenes.Resident stranded = scenes.residentOf(primaryPort, accounts.facilityOf(FacilityKind.HOSPITAL),
                "広島県" + city + "港町5-6", Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        DisasterMode standbyMode = onStandby.getBean(DisasterMode.class);
        // the same session as before: a second login on the standby could reuse the TOTP step it keeps in memory
        teamOnStandby.get("/portal/emergency");
        awaitStandby(() -> onStandby.getBean(IdentityStore.class).person(stranded.personId())
                .isPresent(), "the person replicated");
        assertThat(DisasterScenes.findByName(teamOnStandby, stranded.person()).body()).as("before the switch")
                .contains("data-key=\"emergency.notFound\"");

        WebSession operator = scenes.admin(primaryPort);
        long period = scenes.switchOn(operator, city);
        long switchedOn = System.nanoTime();
        awaitStandby(() -> covers(standbyMode, city), "disaster mode on, seen by the standby Musubi");
        assertThat(Duration.ofNanos(System.nanoTime() - switchedOn)).as("within the interval (1 s) and the lag")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(teamOnStandby.get("/portal/emergency").body()).contains("id=\"disaster-banner\"").contains("広島県" + city);
        awaitReplayed();
        String rowsBefore = standbyRows();
        HttpResponse<String> found = DisasterScenes.findByName(teamOnStandby, stranded.person());
        assertThat(WebSession.location(found)).isEqualTo("/portal/emergency/open");
        teamOnStandby.get("/portal/emergency/open");
        int before = spooled().size();
        assertThat(WebSession.location(teamOnStandby.post("/portal/emergency/open", "reason", "津波の避難所で意識低下",
                "password", TestAccounts.PASSWORD)))
                .isEqualTo("/portal/patients/" + stranded.personId() + "?purpose=EMERGENCY");
        HttpResponse<String> view = teamOnStandby.get("/portal/patients/" + stranded.personId() + "?purpose=EMERGENCY");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains(stranded.allergy());
        assertThat(mine(before, responder)).containsExactly("EMERGENCY_OPEN PERMIT EMERGENCY", "READ PERMIT EMERGENCY");
        assertThat(standbyRows()).as("nothing was written to the standby's database").isEqualTo(rowsBefore);

        scenes.switchOff(operator, period);
        awaitStandby(() -> !covers(standbyMode, city), "disaster mode off, seen by the standby Musubi");
        awaitReplayed();
        String rowsAfterOff = standbyRows();
        assertThat(teamOnStandby.get("/portal/emergency").body()).doesNotContain("広島県" + city);
        int after = spooled().size();
        HttpResponse<String> closed = teamOnStandby.get("/portal/patients/" + stranded.personId() + "?purpose=EMERGENCY");
        assertThat(closed.statusCode()).as("the open access closes with disaster mode").isEqualTo(404);
        assertThat(closed.body()).doesNotContain(stranded.allergy());
        assertThat(mine(after, responder)).as("one audit record for the refused read").containsExactly("READ DENY EMERGENCY");
        assertThat(DisasterScenes.findByName(teamOnStandby, stranded.person()).body()).as("the next attempt")
                .contains("data-key=\"emergency.notFound\"").doesNotContain(stranded.person().givenKana());
        assertThat(standbyRows()).as("nothing was written to the standby's database").isEqualTo(rowsAfterOff);
    }

    @Test
    @Order(5)
    void afterFailbackTheAccessesAreOnTheOperatorsListOnceTheLogShowsThemAndTheTrailVerifies() throws Exception {
        onStandby.close();
        onStandby = null;
        standby.stop();
        List<JsonNode> spooled = spooled();
        List<JsonNode> opens = spooled.stream().filter(r -> r.get("action").asString().equals("EMERGENCY_OPEN")
                && r.get("outcome").asString().equals("PERMIT")).toList();
        assertThat(opens).extracting(r -> DrillMusubi.text(r, "loginId")).containsExactly(paramedic.loginId(),
                erDoctor.loginId(), paramedic.loginId(), nurse.loginId(), responder.loginId(), responder.loginId());
        String spoolId = DrillMusubi.spoolId(SPOOL);
        Path file = SPOOL.resolve("audit-spool.jsonl");
        Path kept = ROOT.resolve("spool-copy.jsonl");
        Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
        MergeSpoolCommand merge = onPrimary.getBean(MergeSpoolCommand.class);
        assertThat(run(merge)).startsWith("0 ").contains(spooled.size() + " added");

        List<String[]> rows = recreated(spoolId);
        assertThat(rows).extracting(r -> r[0] + " " + r[1] + " " + r[2]).containsExactly(
                "CREW " + paramedic.id() + " UNCONSCIOUS", "HANDOVER " + erDoctor.id() + " null",
                "CREW " + paramedic.id() + " CANNOT_COMMUNICATE", "GLASS " + nurse.id() + " null",
                "GLASS " + responder.id() + " null", "GLASS " + responder.id() + " null");
        for (int i = 0; i < opens.size(); i++) {
            assertThat(rows.get(i)[3]).as("opened at the audit record's time")
                    .isEqualTo(Instant.ofEpochMilli(opens.get(i).get("at").asLong()).toString());
            assertThat(rows.get(i)[5]).doesNotContain(TAG).endsWith("[standby spool " + spoolId + "#"
                    + opens.get(i).get("n").asLong() + "]");
        }
        assertThat(rows.get(0)[4]).as("the first crew access ended when the next person was opened")
                .isEqualTo(rows.get(2)[3]);
        assertThat(rows.get(2)[4]).isEqualTo("null");

        JsonNode madeOnStandby = spooled.stream().filter(r -> r.get("action").asString().equals("EMERGENCY_HANDOVER")
                && r.get("outcome").asString().equals("PERMIT")).findFirst().orElseThrow();
        List<String[]> handOvers = handOvers(patient.personId());
        assertThat(handOvers).as("the hand-over made on the standby, made again on the primary").hasSize(1);
        String[] handOver = handOvers.getFirst();
        assertThat(handOver[1] + " " + handOver[2] + " " + handOver[3]).as("by the paramedic, to the ER, under the"
                + " crew's recreated access").isEqualTo(paramedic.id() + " " + er.id() + " " + rows.get(0)[6]);
        assertThat(handOver[4]).as("made at the audit record's time")
                .isEqualTo(Instant.ofEpochMilli(madeOnStandby.get("at").asLong()).toString());
        String until = reason(madeOnStandby).replaceFirst("(?s).* \\(until (\\S+)\\).*", "$1");
        assertThat(Duration.between(Instant.parse(until), Instant.parse(handOver[5])).abs())
                .as("expires when it did on the standby (PostgreSQL rounds to the microsecond)")
                .isLessThanOrEqualTo(Duration.ofNanos(500));
        assertThat(handOver[6]).as("a new token: links handed out on the standby do not carry over").isNotEqualTo(standbyToken);
        assertThat(handOverOf(rows.get(1)[6])).as("the ER doctor's access names the hand-over again").isEqualTo(handOver[0]);

        Files.copy(kept, file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(run(merge)).startsWith("0 ").contains(", 0 added");
        assertThat(recreated(spoolId)).as("a second merge recreates nothing twice").hasSize(rows.size());
        assertThat(handOvers(patient.personId())).as("nor the hand-over").hasSize(1);
        assertThat(handOverOf(rows.get(1)[6])).isEqualTo(handOver[0]);

        WebSession doctor = new WebSession(DrillMusubi.port(onPrimary));
        accounts.logIn(doctor, erDoctor);
        assertThat(doctor.get("/emergency/inbox").body()).as("the receiving hospital's inbox keeps it until it expires")
                .contains("/emergency/handovers/" + handOver[6]).doesNotContain(standbyToken);
        HttpResponse<String> oldLink = doctor.get("/emergency/handovers/" + standbyToken);
        assertThat(oldLink.statusCode()).as("the standby's token answers like one nobody made").isEqualTo(404);
        assertThat(oldLink.body()).contains("id=\"emergency-not-found\"").doesNotContain(patient.person().givenKana());

        WebSession admin = new WebSession(DrillMusubi.port(onPrimary));
        accounts.logIn(admin, accounts.networkAdmin());
        String list = admin.get("/admin/emergency").body();
        for (String[] row : rows) {
            assertThat(list).contains("data-access=\"" + row[6] + "\"");
        }
        assertThat(list).contains("待機系で開始");
        assertThat(list).as("the hand-over under the crew's access").contains("class=\"handover\"");
        long person = patient.personId();
        assertThat(onPrimary.getBean(Consents.class).emergencies(person)).filteredOn(e -> e.openedOnStandby()).hasSize(3);

        String log = residents.logIn(DrillMusubi.port(onPrimary), resident).get("/phr/access-log").body();
        assertThat(log).contains("class=\"emergency\"").contains(er.nameKanji());

        ByteArrayOutputStream verified = new ByteArrayOutputStream();
        int exit = onPrimary.getBean(AuditVerifyCommand.class).run(new PrintStream(verified, true, StandardCharsets.UTF_8));
        assertThat(verified.toString(StandardCharsets.UTF_8)).contains("OK: the audit trail is intact");
        assertThat(exit).isZero();
    }

    private static boolean covers(DisasterMode mode, String city) {
        return mode.active().stream().anyMatch(p -> p.area().municipalities().stream().anyMatch(m -> m.name().equals(city)));
    }

    /** Waits (up to 30 s) for what the standby should see once the primary's change has streamed and been read. */
    private static void awaitStandby(BooleanSupplier seen, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!seen.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /**
     * Waits until the primary's trail has been still for a moment (a request's audit row may commit just after its
     * answer reached the test) and the standby has replayed everything the primary wrote until then.
     */
    private void awaitReplayed() throws Exception {
        String lastSeq = "SELECT coalesce(max(seq), 0)::text FROM audit_event";
        String seq = primary.query(lastSeq);
        for (int still = 0; still < 3; ) {
            Thread.sleep(100);
            String now = primary.query(lastSeq);
            still = now.equals(seq) ? still + 1 : 0;
            seq = now;
        }
        String written = primary.query("SELECT pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"true".equals(standby.query("SELECT (pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn)::text"))) {
            assertThat(System.nanoTime()).as("the standby replays the primary's writes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** What can change on the standby's database: its emergency accesses, hand-overs, refused attempts and trail. */
    private String standbyRows() throws Exception {
        return standby.query("SELECT (SELECT count(*) FROM emergency_access) || ' ' || (SELECT count(*) FROM emergency_handover)"
                + " || ' ' || (SELECT count(*) FROM refused_attempt) || ' ' || (SELECT count(*) FROM audit_event WHERE "
                + PEOPLES_ROWS + ")");
    }

    /** The emergency accesses the merge recreated: kind, user, reason code, opened, ended, reason, id; by id. */
    private List<String[]> recreated(String spoolId) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = primary.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT kind, user_id, reason_code, opened_at, ended_at, reason, id"
                     + " FROM emergency_access WHERE reason LIKE '%[standby spool " + spoolId + "#%' ORDER BY id")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant().toString(),
                        rs.getTimestamp(5) == null ? "null" : rs.getTimestamp(5).toInstant().toString(), rs.getString(6),
                        rs.getString(7)});
            }
        }
        return rows;
    }

    /** The person's hand-overs on the primary: id, from user, to facility, from access, created, expires, token; by id. */
    private List<String[]> handOvers(long person) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = primary.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, from_user, to_facility, from_access, created_at, expires_at,"
                     + " token FROM emergency_handover WHERE person_id = " + person + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant().toString(), rs.getTimestamp(6).toInstant().toString(), rs.getString(7)});
            }
        }
        return rows;
    }

    /** The hand-over an emergency access names ({@code null} when none). */
    private String handOverOf(String access) throws Exception {
        return primary.query("SELECT coalesce(handover_id::text, 'null') FROM emergency_access WHERE id = " + access);
    }

    /** The user's spooled records after the first {@code from}: action, outcome and purpose. */
    private static List<String> mine(int from, User user) throws Exception {
        List<JsonNode> spooled = spooled();
        return spooled.subList(from, spooled.size()).stream()
                .filter(r -> user.loginId().equals(DrillMusubi.text(r, "loginId")))
                .map(r -> r.get("action").asString() + " " + r.get("outcome").asString() + " "
                        + r.get("purpose").asString()).toList();
    }

    private static String reason(JsonNode record) {
        return DrillMusubi.text(record, "reason");
    }

    private static List<JsonNode> spooled() throws Exception {
        return DrillMusubi.spooled(SPOOL);
    }

    /** The exit code, a space, then what the command printed. */
    private static String run(MergeSpoolCommand merge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = merge.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return exit + " " + out.toString(StandardCharsets.UTF_8);
    }
}
