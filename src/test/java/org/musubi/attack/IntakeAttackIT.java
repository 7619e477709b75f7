package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacker's suite ({@link AttackMatrixIT}) on the data facilities send without an EHR or for 名寄せ: the
 * insured-person number, a patient held for matching, ORCA connectors, publishing by hand and a care office's records.
 */
@MusubiIntegrationTest
class IntakeAttackIT extends AttackFixtures {

    // ---- issue 46: the insured-person number (名寄せ only): one contiguous block ------------------------------------

    /**
     * Hospital A registers its patient with an insured-person number (JP-CLINS {@code JP_Insurance_memberID}) and a
     * diagnosis naming the patient by reference and by that number (as JP-CLINS writes {@code Condition.subject}); the
     * person is consented and linked at A and at clinic B, so that B's callers may read the person. The number is stored
     * as A sent it and A reads it back; no answer to any of B's callers — its systems and its users' browsers — carries
     * the number or a part of it: the person's Patient, A's Patient read by its id (and a version of it), the diagnosis's
     * history and a version of it, {@code $everything} (A's own Patient and diagnosis included), a search of the diagnoses, PDQm and PIXm by
     * A's patient ID, the portal's patient pages; a search (PDQm) and a PIXm query by A's number answer exactly as by a
     * number nobody has.
     */
    @Test
    void clinicBNeverLearnsTheInsuredNumberHospitalASent() {
        Facility hospital = accounts.newHospital();
        String number = String.valueOf(1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8_000_000));
        String symbol = "攻" + number.substring(0, 3);
        String insured = "06139999:" + symbol + ":" + number + ":01";
        String nobody = "06139999:" + symbol + ":" + (Long.parseLong(number) + 1_000_000) + ":01";
        String localId = FhirRecords.localId();
        org.hl7.fhir.r4.model.Patient patient = FhirRecords.newPatient(hospital, localId, FhirRecords.uniqueKana());
        patient.addIdentifier().setSystem(INSURED_NUMBER).setValue(insured);
        IGenericClient a = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String stored = a.create().resource(patient).execute().getId().getIdPart();
        org.hl7.fhir.r4.model.Condition diagnosis = new org.hl7.fhir.r4.model.Condition().setSubject(
                new org.hl7.fhir.r4.model.Reference("Patient/" + stored).setIdentifier(
                        new org.hl7.fhir.r4.model.Identifier().setSystem(INSURED_NUMBER).setValue(insured)));
        diagnosis.getCode().setText("高血圧症").addCoding()
                .setSystem("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full").setCode("I10");
        diagnosis.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        String diagnosisId = FhirRecords.create(a, diagnosis);
        assertThat(clients.context().newJsonParser().encodeResourceToString(
                a.read().resource(org.hl7.fhir.r4.model.Patient.class).withId(stored).execute()))
                .as("A reads back the number it sent").contains(insured);
        long person = clients.personOf(hospital, localId);
        long admin = accounts.networkAdmin().id();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(person, hospital.id(), admin);
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                Set.of(org.musubi.audit.Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        String ownId = encoded(FhirRecords.patientSystem(hospital) + "|" + localId);
        for (Armed caller : callers(clinic)) {
            java.util.function.Function<String, HttpResponse<String>> get = caller.api() != null ? caller.api()::get
                    : path -> path.startsWith("/portal") ? caller.web().get(path)
                    : caller.web().send(RawApi.request(port, "GET", path, null, Map.of()));
            Map<String, HttpResponse<String>> reads = new java.util.LinkedHashMap<>();
            reads.put("Patient", get.apply("Patient/" + person));
            reads.put("A's Patient", get.apply("Patient/" + stored));
            reads.put("A's Patient, version 1", get.apply("Patient/" + stored + "/_history/1"));
            reads.put("diagnosis history", get.apply("Condition/" + diagnosisId + "/_history"));
            reads.put("diagnosis, version 1", get.apply("Condition/" + diagnosisId + "/_history/1"));
            reads.put("$everything", get.apply("Patient/" + person + "/$everything"));
            reads.put("diagnoses", get.apply("Condition?patient=" + person));
            reads.put("PDQm by A's patient ID", get.apply("Patient?identifier=" + ownId));
            reads.put("PIXm by A's patient ID", get.apply("Patient/$ihe-pix?sourceIdentifier=" + ownId));
            if (caller.web() != null) {
                for (String page : List.of("", "/medications", "/notebook")) {
                    reads.put("portal patient" + page, get.apply("/portal/patients/" + person + page));
                }
            }
            reads.forEach((what, answer) -> assertThat(answer.body()).as(caller.attacker() + " / " + what)
                    .doesNotContain(number).doesNotContain(INSURED_NUMBER));
            if (caller.attacker().equals(SYSTEMS.getFirst())) {
                for (String what : List.of("A's Patient", "diagnosis history", "diagnosis, version 1", "$everything",
                        "diagnoses")) {
                    assertThat(reads.get(what).statusCode()).as("B's system reads " + what).isEqualTo(200);
                }
                assertThat(reads.get("$everything").body()).as("A's other identifiers and its diagnosis are shown to B")
                        .contains(FhirRecords.patientSystem(hospital)).contains("Patient/").contains("高血圧症");
            }
            for (String route : List.of("Patient?identifier=", "Patient/$ihe-pix?sourceIdentifier=")) {
                String what = caller.attacker() + " / " + route;
                HttpResponse<String> asked = get.apply(route + encoded(INSURED_NUMBER + "|" + insured));
                HttpResponse<String> none = get.apply(route + encoded(INSURED_NUMBER + "|" + nobody));
                Answers.assertAlike(what, asked, encoded(insured), none, encoded(nobody));
            }
        }
    }

    private static final String INSURED_NUMBER = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- end of the insured-person number --------------------------------------------------------------------------

    // ---- issue 65: a patient held for 名寄せ: one contiguous block ----------------------------------------------------

    @Autowired
    org.musubi.phr.Residents heldResidents;
    @Autowired
    org.musubi.security.internal.smart.SmartLaunches heldLaunches;

    /**
     * A patient hospital A sent that 名寄せ holds (it came without birth date: joined to no person) is A's own, and
     * nobody else's: A's system reads it by its patient ID, its own Patient's id, its lab result and {@code $everything}.
     * Each of clinic B's callers — its systems (each scope) and users of every profession, through the API (also with
     * A's identifier system and A's patient ID) and B's 非常時バックアップ page —, A's own clerk for the lab result and
     * 非常時バックアップ (a clerk's profession sees neither), and a resident's app (whose own person looks alike) gets for
     * every attempt exactly the answer of the same attempt about a patient, a Patient or a result nobody has, never a
     * marker of A's patient (the lab value, A's patient ID, the name), and one audit row.
     */
    @Test
    void aPatientHeldForMatchingIsReadOnlyByTheFacilityThatSentIt() {
        Facility hospital = accounts.newHospital();
        var sender = clients.register(hospital, "system/*.read", "system/*.write");
        IGenericClient a = clients.fhir(port, clients.token(port, sender));
        String localId = FhirRecords.localId();
        String given = FhirRecords.uniqueKana();
        org.hl7.fhir.r4.model.Patient held = new org.hl7.fhir.r4.model.Patient();
        held.addIdentifier().setSystem(FhirRecords.patientSystem(hospital)).setValue(localId);
        held.addName().setFamily("ホリュウ").addGiven(given).addExtension(
                "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation",
                new org.hl7.fhir.r4.model.CodeType("SYL"));
        held.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        String patientId = a.create().resource(held).execute().getId().getIdPart();
        double value = 10 + (java.util.concurrent.ThreadLocalRandom.current().nextInt(11, 99) * 10 + 7) / 1000.0;
        String observationId = FhirRecords.create(a, FhirRecords.lab(hospital, localId, FhirRecords.HBA1C,
                "2026-04-01", value));
        long source = identities.sourcePatient(hospital.id(), localId).orElseThrow().id();
        assertThat(identities.personOf(source)).as("held: joined to no person").isEmpty();
        String system = FhirRecords.patientSystem(hospital);
        String nobody = UUID.randomUUID().toString();
        String noResult = UUID.randomUUID().toString();
        String noId = localId + "0";
        // each route: the path about A's patient, the same about nothing, and the keys in which they differ
        Map<String, String[]> api = new java.util.LinkedHashMap<>();
        api.put("PDQm by A's patient ID", new String[] {"Patient?identifier=" + encoded(system + "|" + localId),
                "Patient?identifier=" + encoded(system + "|" + noId), localId, noId});
        api.put("A's Patient", new String[] {"Patient/" + patientId, "Patient/" + nobody, patientId, nobody});
        api.put("results of A's Patient", new String[] {"Observation?patient=Patient/" + patientId,
                "Observation?patient=Patient/" + nobody, patientId, nobody});
        api.put("$everything of A's Patient", new String[] {"Patient/" + patientId + "/$everything",
                "Patient/" + nobody + "/$everything", patientId, nobody});
        api.put("the result", new String[] {"Observation/" + observationId, "Observation/" + noResult, observationId,
                noResult});
        api.put("PIXm by A's patient ID", new String[] {"Patient/$ihe-pix?sourceIdentifier=" + encoded(system + "|"
                + localId), "Patient/$ihe-pix?sourceIdentifier=" + encoded(system + "|" + noId), localId, noId});
        String marker = String.valueOf(value);

        RawApi own = new RawApi(port, clients.token(port, sender));
        for (String[] route : api.values()) {
            if (!route[0].contains("$ihe-pix")) {
                HttpResponse<String> read = own.get(route[0]);
                assertThat(read.statusCode()).as("A reads " + route[0]).isEqualTo(200);
                assertThat(read.body()).as("A reads " + route[0]).contains(route[0].startsWith("Patient?") ? localId
                        : route[0].startsWith("Patient/") && !route[0].endsWith("$everything") ? given : marker);
            }
        }

        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        List<Armed> callers = new ArrayList<>(callers(clinic));
        User clerk = accounts.memberOf(hospital, Profession.MEDICAL_CLERK);
        Armed aClerk = new Armed(new Attacker("A's clerk", Profession.MEDICAL_CLERK, Set.of()), clerk.id(), null,
                accounts.signedIn(port, clerk));
        callers.add(aClerk);
        var lookAlike = heldResidents.patientAt(port, FacilityKind.HOSPITAL, "ホリュウ");
        var resident = heldResidents.register(lookAlike.personId());
        var app = heldLaunches.register(org.musubi.security.internal.smart.SmartLaunches.SCOPES);
        String appToken = heldLaunches.launch(port, heldResidents.logIn(port, resident), app,
                org.musubi.security.internal.smart.SmartLaunches.SCOPES).text("access_token");
        callers.add(new Armed(new Attacker("a resident's app", Profession.RESIDENT, Set.of()),
                resident.account().id(), new RawApi(port, appToken), null));

        for (Armed caller : callers) {
            Map<String, String[]> routes = new java.util.LinkedHashMap<>(api);
            if (caller == aClerk) {
                routes.keySet().retainAll(List.of("results of A's Patient", "the result"));
            }
            for (Map.Entry<String, String[]> route : routes.entrySet()) {
                String what = caller.attacker() + " / " + route.getKey();
                String[] paths = route.getValue();
                java.util.function.Function<String, HttpResponse<String>> get = caller.api() != null ? caller.api()::get
                        : path -> caller.web().send(RawApi.request(port, "GET", path, null, Map.of()));
                long before = audit.max();
                HttpResponse<String> asked = get.apply(paths[0]);
                long between = audit.max();
                HttpResponse<String> absent = get.apply(paths[1]);
                Answers.assertAlike(what, asked, paths[2], absent, paths[3]);
                assertThat(asked.body().replace(paths[2], "{asked}")).as(what).doesNotContain(marker)
                        .doesNotContain(given).doesNotContain(localId).doesNotContain(observationId);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": one audit row").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": one audit row, absent")
                        .isEqualTo(1);
            }
            if (caller.web() != null) {
                String what = caller.attacker() + " / 非常時バックアップ by A's patient ID";
                long before = audit.max();
                HttpResponse<String> asked = caller.web().post("/portal/own-records", "localId", localId);
                long between = audit.max();
                HttpResponse<String> absent = caller.web().post("/portal/own-records", "localId", noId);
                Answers.assertAlike(what, asked, localId, absent, noId);
                assertThat(asked.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": one audit row").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": one audit row, absent")
                        .isEqualTo(1);
            }
        }
    }

    // ---- end of the patient held for 名寄せ --------------------------------------------------------------------------

    // ---- issue 46: ORCA connectors: one contiguous block ---------------------------------------------------------------

    @Autowired
    org.musubi.ingest.orca.OrcaAdministration orcaConnectors;

    /**
     * Hospital A's ORCA connector (its URL, user and sealed password): no user of clinic B — each staff profession gets
     * 403 for every connector page, real or absent, as for every admin page; B's facility administrator gets for A's
     * connector's page, its "pull now" and a save for A's facility exactly the answer of a connector nobody made (404),
     * and does not see it listed. The connector is left as it was and never pulled. B's systems have no route here.
     */
    @Test
    void clinicBNeverReachesAnotherFacilitysOrcaConnector() {
        Facility hospital = accounts.newHospital();
        var operator = org.musubi.registry.Administrator.of(accounts.networkAdmin());
        String url = "http://orca-" + UUID.randomUUID().toString().substring(0, 8) + ".invalid:8000";
        long id = orcaConnectors.save(operator, hospital.id(), new org.musubi.ingest.orca.OrcaAdministration.Settings(
                url, "ormaster", "secret-" + UUID.randomUUID(), 60, false, null)).orElseThrow().id();
        var before = orcaConnectors.find(operator, id).orElseThrow();
        long absent = id + 1_000_000;
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User clinicAdmin = accounts.adminOf(clinic);
        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                clinicAdmin.id(), null, accounts.signedIn(port, clinicAdmin)));
        for (Armed caller : callers) {
            WebSession web = caller.web();
            Map<String, java.util.function.Function<Long, HttpResponse<String>>> routes = new java.util.LinkedHashMap<>();
            routes.put("page", c -> web.get("/admin/imports/orca/" + c));
            routes.put("pull now", c -> web.post("/admin/imports/orca/" + c + "/pull"));
            for (var route : routes.entrySet()) {
                String what = caller.attacker() + " / ORCA connector " + route.getKey();
                HttpResponse<String> refused = route.getValue().apply(id);
                HttpResponse<String> nothing = route.getValue().apply(absent);
                // the id only where an address names it: a fresh database's first connector is 1, as in "initial-scale=1"
                Answers.assertAlike(what, refused, "orca/" + id, nothing, "orca/" + absent);
                assertThat(refused.statusCode()).as(what).isIn(403, 404);
            }
            HttpResponse<String> saved = web.post("/admin/imports/orca", "facilityId", String.valueOf(hospital.id()),
                    "baseUrl", "http://attacker.invalid", "username", "x", "password", "y", "intervalMinutes", "1",
                    "enabled", "true");
            assertThat(saved.statusCode()).as(caller.attacker() + " / ORCA save for A").isIn(403, 404);
            HttpResponse<String> list = web.get("/admin/imports/orca");
            assertThat(list.body()).as(caller.attacker() + " / ORCA list").doesNotContain(url);
        }
        assertThat(orcaConnectors.find(operator, id).orElseThrow()).as("left as it was").isEqualTo(before);
    }

    @Autowired
    org.musubi.ingest.orca.OrcaConnectors orcaRows;

    /**
     * A facility's administrator never makes the server probe its own machine or the internal networks through the
     * facility's own ORCA connector (issue 66; the tests' operator allows 127.0.0.1 only): the form refuses an address
     * on 127.0.0.2 with the field's message and saves nothing; and the connector made to point there anyway (its name
     * resolving there after it was saved) gives, for "pull now" on a closed port, on a port that does not speak HTTP
     * and on an HTTP server answering 500, the same error on its page — nothing to tell them apart — and none of them
     * is connected to.
     */
    @Test
    void aFacilityAdministratorNeverProbesInternalPortsThroughItsOrcaConnector() throws Exception {
        Facility own = accounts.newHospital();
        User admin = accounts.adminOf(own);
        WebSession web = accounts.signedIn(port, admin);
        try (var closed = org.musubi.testing.PortProbes.closed("127.0.0.2");
             var notHttp = org.musubi.testing.PortProbes.notHttp("127.0.0.2");
             var httpError = org.musubi.testing.PortProbes.httpError("127.0.0.2")) {
            HttpResponse<String> saved = web.post("/admin/imports/orca", "facilityId", String.valueOf(own.id()),
                    "baseUrl", "http://127.0.0.2:" + httpError.port(), "username", "ormaster", "password", "x",
                    "intervalMinutes", "60");
            assertThat(WebSession.location(saved)).endsWith("/admin/imports/orca");
            assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(web.get("/admin/imports/orca").body()))
                    .contains("このURLには接続できません");
            assertThat(orcaRows.ofFacility(own.id())).as("nothing saved").isEmpty();

            long id = orcaConnectors.save(org.musubi.registry.Administrator.of(admin), own.id(),
                    new org.musubi.ingest.orca.OrcaAdministration.Settings("http://orca-" + own.id() + ".invalid:8000",
                            "ormaster", "x", 60, false, null)).orElseThrow().id();
            Map<String, String> pages = new java.util.LinkedHashMap<>();
            for (var target : List.of(closed, notHttp, httpError)) {
                var row = orcaRows.find(id).orElseThrow();
                orcaRows.update(id, "http://127.0.0.2:" + target.port(), row.username(), null, 60, false);
                assertThat(WebSession.location(web.post("/admin/imports/orca/" + id + "/pull")))
                        .endsWith("/admin/imports/orca/" + id);
                java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
                while (java.util.Objects.equals(orcaRows.find(id).orElseThrow().lastErrorAt(), row.lastErrorAt())) {
                    assertThat(java.time.Instant.now()).as("the pull ended").isBefore(deadline);
                    Thread.sleep(100);
                }
                java.util.regex.Matcher error = java.util.regex.Pattern.compile("<dd id=\"orca-error\"[^>]*>([^<]*)</dd>")
                        .matcher(web.get("/admin/imports/orca/" + id).body());
                assertThat(error.find()).isTrue();
                pages.put(target.port() + "", error.group(1).strip());
            }
            assertThat(new java.util.HashSet<>(pages.values())).as("one answer for all: " + pages).hasSize(1);
            assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(pages.values().iterator().next()))
                    .isEqualTo(org.musubi.ingest.orca.OrcaFailure.UNREACHABLE);
            assertThat(List.of(notHttp.connections(), httpError.connections())).as("never connected to")
                    .containsOnly(0);
        }
    }

    // ---- end of ORCA connectors ----------------------------------------------------------------------------------------

    // ---- Publishing by hand and a care office's records (issue 46, publish): one contiguous block ------------------

    @Autowired
    org.musubi.publish.Publishing publishing;

    /**
     * Clinic B, with no link to hospital A's patient, never publishes for them, never corrects nor withdraws what a
     * linked facility published, never opens the care-record form nor records a care event: every caller of B (each
     * profession, signed in) gets for A's patient exactly the answer for a person nobody is, one audit row each; and
     * what was published stays as it was.
     */
    @Test
    void clinicBNeverPublishesNorRecordsCareForAPatientItIsNotLinkedTo() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        org.musubi.record.Reader publisher = new org.musubi.record.Reader(doctor.id(), hospital.id(),
                org.musubi.audit.Purpose.TREATMENT);
        String allergy = publishing.note(publisher, person, new org.musubi.publish.Publishing.Note(List.of(),
                List.of("そばアレルギー"), List.of())).orElseThrow().getFirst();
        String personKey = String.valueOf(person);
        String nobody = String.valueOf(8_000_000_000L + new java.util.Random().nextInt(1_000_000));
        String today = java.time.LocalDate.now().toString();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            municipalAttempt(caller, "publish page", personKey, nobody, id -> web.get("/portal/patients/" + id + "/publish"));
            municipalAttempt(caller, "publish a note", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/publish/note", "allergies", "攻撃"));
            municipalAttempt(caller, "publish a document without a file", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/publish/document", "title", "攻撃", "kind", "OTHER",
                            "date", today));
            municipalAttempt(caller, "correct a publication", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/publish/AllergyIntolerance/" + allergy + "/correct",
                            "title", "攻撃"));
            municipalAttempt(caller, "withdraw a publication", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/publish/AllergyIntolerance/" + allergy + "/withdraw",
                            "confirmed", "yes"));
            municipalAttempt(caller, "care-record form", personKey, nobody,
                    id -> web.get("/portal/patients/" + id + "/care-record"));
            municipalAttempt(caller, "record a visit", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/care-record/visit", "date", today, "time", "10:00",
                            "duration_minutes", "30", "services", "BODY_CARE", "note", "攻撃"));
            municipalAttempt(caller, "record an incident", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/care-record/incident", "date", today, "time", "10:00",
                            "incident_kind", "FALL", "severity", "MINOR", "note", "攻撃"));
        }
        org.musubi.publish.Publishing.Listing listing = publishing.published(publisher, person).orElseThrow();
        assertThat(listing.items()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(allergy);
            assertThat(p.withdrawn()).as("never withdrawn by B").isFalse();
            assertThat(p.version()).as("never corrected by B").isEqualTo(1);
        });
    }

    // ---- end of publishing by hand ---------------------------------------------------------------------------------
}
