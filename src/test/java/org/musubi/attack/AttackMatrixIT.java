package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.musubi.attack.Victim.Marker;
import org.musubi.fhirapi.mhd.MhdSubmissions;
import org.musubi.identity.IdentityStore;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestCertificates;
import org.musubi.testing.TestServerCertificates;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacker's suite: clinic B attacks hospital A's patient in every way Musubi offers, generated over every
 * consent/link state ({@link AttackState}) × every caller (B's own system with each kind of scope, and B's users
 * of every profession, in the portal and through /fhir with the browser's session) × every FHIR interaction and
 * operation and every portal page about a patient ({@link Probe}): 5,430 attempts, each asked twice, about A's real
 * id and about one of the same form that nothing has. Each attempt is judged against the promise
 * ({@link Oracle}), not against the policy's code (and hospital A's resumable uploads, which no caller of B reaches,
 * {@link #clinicBNeverReachesHospitalAsUploads}):
 * <ul>
 *   <li>what the caller may not see answers exactly like what does not exist: status, headers and body alike
 *       for A's real id and an id of the same form that nothing has ({@link Answers#assertAlike});</li>
 *   <li>no answer carries a marker of a kind of data the caller may not see (a lab value, a diagnosis, an
 *       allergy, a medicine, a document, a container, a care team, A's claim — which no caller of B ever sees —,
 *       A's own patient id, the person's name);</li>
 *   <li>what the caller may see is shown;</li>
 *   <li>every attempt, refused or absent, leaves exactly one audit row of the caller.</li>
 * </ul>
 */
@MusubiIntegrationTest
class AttackMatrixIT extends NetworkFixtures {

    private static final List<Attacker> SYSTEMS = List.of(
            Attacker.system("system/*.read+write", "system/*.read", "system/*.write"),
            Attacker.system("system/Patient.read", "system/Patient.read"),
            Attacker.system("system/Patient+Observation.read", "system/Patient.read", "system/Observation.read"));

    @Autowired
    Facilities facilities;
    @Autowired
    IdentityStore identities;
    @Autowired
    LetterExchange letters;
    @Autowired
    org.musubi.box.Box box;
    @Autowired
    org.musubi.registry.Users users;
    @Autowired
    org.musubi.carenet.CareTeams careTeams;
    @Autowired
    org.musubi.carenet.municipal.MunicipalDocuments municipal;
    @Autowired
    org.musubi.carenet.municipal.Places municipalPlaces;
    @Autowired
    org.musubi.consult.Consultations consultations;

    /** A caller ready to attack: a system's token, or a user's signed-in browser. */
    private record Armed(Attacker attacker, long userId, RawApi api, WebSession web) {
    }

    @TestFactory
    List<DynamicNode> clinicBNeverLearnsWhatItMayNotSeeAboutHospitalAsPatient() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility otherHospital = facilities.search(null, FacilityKind.HOSPITAL, null, new PageRequest(1, 2)).items().get(1);
        List<Armed> callers = callers(clinic);
        ApiClientAdministration.NewApiClient sender = clients.register(hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, sender);
        Victims victims = new Victims(clients.fhir(port, token), new RawApi(port, token), hospital, consents,
                accounts.networkAdmin().id()).lookingUpIn(clients, clients.fhirFor(port, clinic, "system/*.read",
                "system/*.write")).writingLettersAs(letters, accounts.memberOf(hospital, Profession.DOCTOR).id());
        List<Long> glassUsers = callers.stream().filter(c -> !c.attacker().api()).map(Armed::userId).toList();
        List<DynamicNode> states = new ArrayList<>();
        for (AttackState state : AttackState.values()) {
            Victim victim = victims.create(state, clinic, otherHospital, glassUsers);
            List<DynamicNode> byCaller = new ArrayList<>();
            for (Armed caller : callers) {
                List<DynamicTest> attempts = new ArrayList<>();
                for (Probe probe : Probe.all(FhirRecords.patientSystem(hospital))) {
                    if (applies(probe, caller.attacker())) {
                        attempts.add(DynamicTest.dynamicTest(probe.name(), () -> attempt(victim, caller, probe)));
                    }
                }
                byCaller.add(DynamicContainer.dynamicContainer(caller.attacker().toString(), attempts));
            }
            states.add(DynamicContainer.dynamicContainer(state.name(), byCaller));
        }
        return states;
    }

    /**
     * Systems use the API, and write; users in a browser read the API (GET) with their session and use the web pages
     * (the portal, the notebook's counter routes, the crews' page).
     */
    private static boolean applies(Probe probe, Attacker attacker) {
        if (attacker.api()) {
            return !probe.portal();
        }
        return probe.portal() || probe.method().equals("GET");
    }

    private void attempt(Victim victim, Armed caller, Probe probe) {
        Attacker attacker = caller.attacker();
        String real = probe.real(victim);
        String absent = probe.absent(victim, id -> identities.person(id).isPresent());
        long before = audit.max();
        HttpResponse<String> asked = send(caller, probe, victim, real);
        long between = audit.max();
        HttpResponse<String> nothing = send(caller, probe, victim, absent);
        String what = victim.state() + " / " + attacker + " / " + probe.name();

        assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on A's patient (answered " + asked.statusCode() + ")").isEqualTo(1);
        assertThat(audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on nothing (answered " + nothing.statusCode() + ")").isEqualTo(1);
        String body = asked.body().replace(real, "{asked}");
        boolean refusedByScope = attacker.api() && !probe.scopeTypes().stream().allMatch(t -> probe.kind() == Probe.Kind.WRITE
                ? attacker.scopeWrites(t) : attacker.scopeReads(t));
        boolean shown = !refusedByScope && switch (probe.kind()) {
            case RESOURCE -> Oracle.sees(probe.primary(), victim.state(), attacker);
            // asked by A's own patient id: only a caller who sees A's data may use A's identifier
            case PERSON -> probe.key() == Probe.Key.LOCAL_ID ? Oracle.sees(Marker.LOCAL_ID, victim.state(), attacker)
                    : Oracle.opens(victim.state(), attacker);
            case HOLDER -> !Oracle.emergency(victim.state()) && Oracle.holds(victim.state(), attacker);
            case ENTRY -> Oracle.entersOnBehalf(victim.state(), attacker);
            case WRITE, NEVER -> false;
        };
        if (!shown) {
            Answers.assertAlike(what, asked, real, nothing, absent);
        } else {
            assertThat(asked.statusCode()).as(what + ": " + asked.body()).isEqualTo(200);
            if (probe.primary() != null && Oracle.sees(probe.primary(), victim.state(), attacker)) {
                assertThat(body).as(what + ": shows " + probe.primary()).contains(victim.marker(probe.primary()));
            }
        }
        for (Marker marker : Marker.values()) {
            if (!shown || !Oracle.sees(marker, victim.state(), attacker)) {
                assertThat(body).as(what + ": must not show " + marker).doesNotContain(victim.marker(marker));
            }
        }
        if (!Oracle.opens(victim.state(), attacker)) {
            assertThat(body).as(what + ": must not name the person (their id is their regional ID)")
                    .doesNotContain(String.valueOf(victim.personId()));
        }
    }

    private HttpResponse<String> send(Armed caller, Probe probe, Victim victim, String key) {
        boolean emergency = Oracle.emergency(victim.state());
        String path = probe.path().replace("{key}", key).replace("{person}", String.valueOf(victim.personId()));
        if (probe.portal()) {
            String asked = path + (emergency ? (path.contains("?") ? "&" : "?") + "purpose=EMERGENCY" : "");
            return probe.method().equals("POST") ? caller.web().post(asked, probe.form(victim, key))
                    : caller.web().get(asked);
        }
        Map<String, String> headers = emergency ? Map.of("X-Purpose-Of-Use", "ETREAT") : Map.of();
        String body = probe.body(victim, key);
        if (caller.api() != null) {
            return caller.api().send(probe.method(), path, body, headers);
        }
        HttpRequest.Builder request = RawApi.request(port, probe.method(), path, body, headers);
        return caller.web().send(request);
    }

    /**
     * Hospital A's resumable upload (tus, {@code /import/{kind}/uploads/<id>}) is never clinic B's: every caller of B
     * (its systems, whatever their scopes, and its users' browsers) gets for each method exactly the answer of an upload
     * id nothing has, under A's kind and under another, and A's upload is left as it was. Uploads hold no patient's
     * record until imported (the import audits what it stores), so these attempts leave no audit row to count.
     */
    @Test
    void clinicBNeverReachesHospitalAsUploads() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        String owner = clients.token(port, clients.register(hospital, "system/*.write"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(tus(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/import/jahis/uploads")).header("Authorization", "Bearer " + owner).header("Upload-Length", "100")
                .POST(HttpRequest.BodyPublishers.noBody())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String real = created.headers().firstValue("Location").orElseThrow();
        String realId = real.substring(real.lastIndexOf('/') + 1);
        for (Armed caller : callers(clinic)) {
            for (String kind : List.of("jahis", "lab")) {
                for (String method : List.of("HEAD", "PATCH", "DELETE", "GET", "OPTIONS")) {
                    String absentId = UUID.randomUUID().toString();
                    String what = caller.attacker() + " / " + method + " " + kind;
                    HttpResponse<String> asked = uploadRequest(http, caller, method, "/import/" + kind + "/uploads/" + realId);
                    HttpResponse<String> nothing = uploadRequest(http, caller, method, "/import/" + kind + "/uploads/"
                            + absentId);
                    Answers.assertAlike(what, asked, realId, nothing, absentId);
                    assertThat(asked.statusCode()).as(what).isIn(403, 404, 200, 204);
                }
            }
        }
        HttpResponse<String> after = http.send(tus(HttpRequest.newBuilder(URI.create("http://localhost:" + port + real))
                .header("Authorization", "Bearer " + owner).method("HEAD", HttpRequest.BodyPublishers.noBody())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("A's upload is still there").isEqualTo(204);
        assertThat(after.headers().firstValue("Upload-Offset")).as("and unchanged").hasValue("0");
    }

    /**
     * Certificate login's routes: the administrators' screens of a user's client certificates
     * ({@code /admin/users/{id}/certificates}, registering, revoking) and the certificate login itself. No user of
     * clinic B — its facility administrator included — sees, registers or revokes a certificate of hospital A's doctor:
     * each attempt answers exactly as for a user or certificate id nobody has, and leaves one audit row of the caller;
     * B's administrator cannot revoke A's certificate under one of B's own users either. Sending A's doctor's
     * certificate as the proxy's header, without or with a wrong proxy secret, signs nobody in. A's certificate is
     * left as it was.
     */
    @Test
    void clinicBNeverManagesNorUsesTheClientCertificatesOfHospitalAsUsers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User victim = accounts.memberOf(hospital, Profession.DOCTOR);
        TestCertificates.Issued certificate = TestCertificates.user(TestServerCertificates.authority(), "A " + victim.id());
        WebSession hospitalAdmin = accounts.signedIn(port, accounts.adminOf(hospital));
        String victimPage = "/admin/users/" + victim.id() + "/certificates";
        hospitalAdmin.get(victimPage);
        assertThat(WebSession.location(hospitalAdmin.post(victimPage, "pem", certificate.pem())))
                .as("A's administrator registers for A's doctor").isEqualTo(victimPage);
        long certificateId = jdbc.sql("SELECT id FROM client_certificate WHERE user_id = ?").param(victim.id())
                .query(Long.class).single();
        long nobody = jdbc.sql("SELECT max(id) + 1000 FROM app_user").query(Long.class).single();
        long noCertificate = certificateId + 1_000_000;
        User clinicAdmin = accounts.adminOf(clinic);
        User clinicDoctor = accounts.memberOf(clinic, Profession.DOCTOR);
        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                clinicAdmin.id(), null, accounts.signedIn(port, clinicAdmin)));
        for (Armed caller : callers) {
            WebSession web = caller.web();
            String what = caller.attacker() + " / certificates";
            certificateAttempt(caller, what + " page", "/users/" + victim.id() + "/", "/users/" + nobody + "/",
                    () -> web.get(victimPage), () -> web.get("/admin/users/" + nobody + "/certificates"));
            certificateAttempt(caller, what + " register", "/users/" + victim.id() + "/", "/users/" + nobody + "/",
                    () -> post(web, victimPage, "pem", TestCertificates.user(TestServerCertificates.authority(), "x").pem()),
                    () -> post(web, "/admin/users/" + nobody + "/certificates", "pem",
                            TestCertificates.user(TestServerCertificates.authority(), "y").pem()));
            certificateAttempt(caller, what + " revoke", "/" + certificateId + "/", "/" + noCertificate + "/",
                    () -> post(web, victimPage + "/" + certificateId + "/revoke", "confirmed", "yes"),
                    () -> post(web, "/admin/users/" + nobody + "/certificates/" + noCertificate + "/revoke",
                            "confirmed", "yes"));
            certificateAttempt(caller, what + " revoke under B's own user", "/" + certificateId + "/",
                    "/" + noCertificate + "/",
                    () -> post(web, "/admin/users/" + clinicDoctor.id() + "/certificates/" + certificateId + "/revoke",
                            "confirmed", "yes"),
                    () -> post(web, "/admin/users/" + clinicDoctor.id() + "/certificates/" + noCertificate + "/revoke",
                            "confirmed", "yes"));
        }
        assertThat(post(callers.getLast().web(), victimPage).statusCode()).as("B's administrator reaches the screens")
                .isEqualTo(404);
        long before = audit.max();
        for (String secret : new String[] {null, "not-" + TestServerCertificates.PROXY_SECRET}) {
            for (WebSession web : List.of(new WebSession(port), callers.getFirst().web())) {
                web.withHeader(TestServerCertificates.CERTIFICATE_HEADER, TestServerCertificates.escaped(certificate.certificate()));
                if (secret != null) {
                    web.withHeader(TestServerCertificates.SECRET_HEADER, secret);
                }
                web.get("/login");
                assertThat(WebSession.location(web.post("/login/certificate"))).isEqualTo("/login?certificateRefused");
                assertThat(web.get("/login/second-factor").statusCode()).as("no step of A's doctor's login").isNotEqualTo(200);
            }
        }
        assertThat(audit.since(before, victim.loginId())).as("A's doctor never signed in").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM client_certificate WHERE user_id = ? AND revoked_at IS NULL")
                .param(victim.id()).query(Long.class).single()).as("A's certificate as it was").isEqualTo(1);
    }

    /** One attempt about A's user or certificate and one about nothing: alike, each with one audit row of the caller. */
    private void certificateAttempt(Armed caller, String what, String realKey, String absentKey,
                                    Supplier<HttpResponse<String>> real,
                                    Supplier<HttpResponse<String>> absent) {
        caller.web().get("/");
        long before = audit.max();
        HttpResponse<String> asked = real.get();
        long between = audit.max();
        HttpResponse<String> nothing = absent.get();
        Answers.assertAlike(what, asked, realKey, nothing, absentKey);
        assertThat(asked.statusCode()).as(what).isIn(403, 404);
        assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on A's").isEqualTo(1);
        assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                .isEqualTo(1);
    }

    private static HttpResponse<String> post(WebSession web, String path, String... form) {
        return web.post(path, form);
    }

    private HttpResponse<String> uploadRequest(HttpClient http, Armed caller, String method, String path) throws Exception {
        HttpRequest.Builder request = tus(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)));
        if (method.equals("PATCH")) {
            request.header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(new byte[10]));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (caller.api() != null) {
            return http.send(request.header("Authorization", "Bearer " + caller.api().token()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return caller.web().send(request);
    }

    private static HttpRequest.Builder tus(HttpRequest.Builder request) {
        return request.header("Tus-Resumable", "1.0.0");
    }

    // ---- Letters over IHE MHD on /fhir (ITI-65, ITI-66, ITI-67, ITI-68): one contiguous block --------------------

    /**
     * A letter hospital A's system sent over MHD (ITI-65) to another hospital: no caller of clinic B (its systems,
     * whatever their scopes, and its users' browsers) retrieves its document, signature or PDF ({@code Binary/letter-<id>…},
     * ITI-68) or reads its DocumentReference or SubmissionSet by id — each attempt answers exactly as a letter id nobody
     * has, with one audit row of the caller — nor finds it
     * among the letters B's searches without a patient list (DocumentReference, ITI-67; SubmissionSet List, ITI-66),
     * again with one audit row each.
     */
    @Test
    void clinicBNeverRetrievesNorFindsALetterBetweenHospitalAAndAnotherFacility() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility addressee = accounts.newHospital();
        IGenericClient sender = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        String patientId = FhirRecords.create(sender, FhirRecords.withKanjiName(
                FhirRecords.newPatient(hospital, localId, "テガミ"), "手紙", "花子"));
        clients.linkedPersonOf(hospital, localId);
        UUID letter = MhdSubmissions.sentLetter(sender.transaction().withBundle(MhdSubmissions.provide("Patient/" + patientId,
                addressee.code().value(), MhdSubmissions.referral(clients.context(), hospital, addressee, localId, "攻撃"),
                "application/fhir+json")).execute());
        for (Armed caller : callers(clinic)) {
            for (String path : List.of("Binary/letter-%s", "Binary/letter-%s-signature", "Binary/letter-%s-pdf",
                    "DocumentReference/letter-%s", "List/letter-%s")) {
                String absent = UUID.randomUUID().toString();
                String what = caller.attacker() + " / " + path;
                long before = audit.max();
                HttpResponse<String> asked = letterGet(caller, path.formatted(letter));
                long between = audit.max();
                HttpResponse<String> nothing = letterGet(caller, path.formatted(absent));
                Answers.assertAlike(what, asked, letter.toString(), nothing, absent);
                assertThat(asked.statusCode()).as(what).isIn(403, 404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's letter").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
            for (String search : List.of("DocumentReference?_lastUpdated=ge2000-01-01", "List?code=submissionset")) {
                String what = caller.attacker() + " / " + search;
                long before = audit.max();
                HttpResponse<String> found = letterGet(caller, search);
                assertThat(found.statusCode()).as(what).isIn(200, 403);
                assertThat(found.body()).as(what + ": A's letter is not B's").doesNotContain(letter.toString());
                assertThat(audit.countByUser(before, caller.userId())).as(what + ": audit rows").isEqualTo(1);
            }
        }
    }

    private HttpResponse<String> letterGet(Armed caller, String path) {
        if (caller.api() != null) {
            return caller.api().get(path);
        }
        return caller.web().send(RawApi.request(port, "GET", path, null, Map.of()));
    }

    // ---- end of the letters over IHE MHD ----------------------------------------------------------------------------

    // ---- Box files over IHE MHD (issue 43): one contiguous block ---------------------------------------------------

    /**
     * A file hospital A's system sent with Box over MHD (ITI-65) to a named nurse of another hospital and to A's own
     * nurses: no caller of clinic B (its systems, whatever their scopes, and its users' browsers on /fhir) retrieves it
     * ({@code Binary/box-<id>}, ITI-68) or reads its DocumentReference ({@code DocumentReference/box-<id>}) — each attempt
     * answers exactly as a file id nobody has, with one audit row of the caller — nor finds it among the Box files its
     * search lists ({@code DocumentReference?category=urn:musubi:box|file}, ITI-67), one audit row.
     */
    @Test
    void clinicBNeverRetrievesNorFindsABoxFileSentOverMhdBetweenOthers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility other = accounts.newHospital();
        User named = accounts.memberOf(other, Profession.NURSE);
        IGenericClient sender = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String file = MhdSubmissions.sentBoxFile(sender.transaction().withBundle(MhdSubmissions.box(List.of(
                MhdSubmissions.practitioner(named.id()), MhdSubmissions.organization(hospital, List.of("NURSE"))),
                "攻撃対象.txt", "text/plain", "Box の攻撃試験（MHD）".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, null)).execute());
        String real = file.substring("box-".length());
        for (Armed caller : callers(clinic)) {
            for (String path : List.of("Binary/box-%s", "DocumentReference/box-%s")) {
                String absent = UUID.randomUUID().toString();
                String what = caller.attacker() + " / " + path;
                long before = audit.max();
                HttpResponse<String> asked = letterGet(caller, path.formatted(real));
                long between = audit.max();
                HttpResponse<String> nothing = letterGet(caller, path.formatted(absent));
                Answers.assertAlike(what, asked, real, nothing, absent);
                assertThat(asked.statusCode()).as(what).isIn(403, 404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
            String what = caller.attacker() + " / Box files' search";
            long before = audit.max();
            HttpResponse<String> found = letterGet(caller, "DocumentReference?category=urn:musubi:box%7Cfile");
            assertThat(found.statusCode()).as(what).isIn(200, 403);
            assertThat(found.body()).as(what + ": A's file is not B's").doesNotContain(real);
            assertThat(audit.countByUser(before, caller.userId())).as(what + ": audit rows").isEqualTo(1);
        }
    }

    // ---- end of Box files over IHE MHD ------------------------------------------------------------------------------

    // ---- Care teams (issue 44): one contiguous block --------------------------------------------------------------

    /**
     * A care-team membership is the one route around the link rule, so every way it can be missing or lost answers a
     * care manager's viewer (the timeline, the medicines) exactly like a person nobody has: never a member, a member
     * who left or was removed, a membership past its end, a member whose care office the patient blocked, a member after
     * the patient withdrew consent. While it is live and consented, the same pages open.
     */
    @Test
    void careTeamMembershipOpensTheRecordOnlyWhileLiveAndConsented() {
        Facility hospital = accounts.newHospital();
        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User member = accounts.memberOf(office, Profession.CARE_MANAGER);
        User never = accounts.memberOf(office, Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        long admin = accounts.networkAdmin().id();
        org.musubi.carenet.CareTeams.Actor lead = new org.musubi.carenet.CareTeams.Actor(doctor.id(), hospital.id());
        java.util.UUID team = careTeams.create(lead, person, null, org.musubi.carenet.CareTeams.Role.DOCTOR).id();
        careTeams.invite(lead, team, member.id(), org.musubi.carenet.CareTeams.Role.CARE_MANAGER, null);
        String absent = String.valueOf(person + 1_000_000_000L);
        WebSession memberWeb = accounts.signedIn(port, member);
        List<String> pages = List.of("/portal/patients/%s", "/portal/patients/%s/medications");
        for (String page : pages) {
            assertThat(memberWeb.get(page.formatted(person)).statusCode()).as("the live member: " + page).isEqualTo(200);
        }
        java.util.function.Consumer<String> refusedAlike = what -> {
            for (String page : pages) {
                Answers.assertAlike(what + " " + page, memberWeb.get(page.formatted(person)), String.valueOf(person),
                        memberWeb.get(page.formatted(absent)), absent);
            }
        };
        WebSession neverWeb = accounts.signedIn(port, never);
        for (String page : pages) {
            Answers.assertAlike("never a member " + page, neverWeb.get(page.formatted(person)), String.valueOf(person),
                    neverWeb.get(page.formatted(absent)), absent);
        }
        consents.block(person, office.id(), admin);
        refusedAlike.accept("the member's care office blocked");
        consents.unblock(person, office.id());
        for (org.musubi.consent.Consent consent : consents.of(person)) {
            consents.withdraw(consent.id(), admin);
        }
        refusedAlike.accept("consent withdrawn");
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                Set.of(org.musubi.audit.Purpose.TREATMENT), admin, hospital.id());
        jdbc.sql("UPDATE care_team_member SET valid_until = now() - interval '1 second' WHERE team_id = ? AND user_id = ?")
                .params(team, member.id()).update();
        refusedAlike.accept("membership past its end");
        careTeams.invite(lead, team, member.id(), org.musubi.carenet.CareTeams.Role.CARE_MANAGER, null);
        assertThat(memberWeb.get(pages.getFirst().formatted(person)).statusCode()).as("renewed").isEqualTo(200);
        careTeams.end(lead, team, member.id());
        refusedAlike.accept("an ex-member");

        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        String guessedTeam = java.util.UUID.randomUUID().toString();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            String what = caller.attacker() + " / care team";
            Answers.assertAlike(what + " page", caller.web().get("/portal/patients/" + person + "/care-team"),
                    String.valueOf(person), caller.web().get("/portal/patients/" + absent + "/care-team"), absent);
            caller.web().get("/portal/care-teams");
            Answers.assertAlike(what + " invitation", caller.web().post("/portal/care-teams/" + team + "/members",
                    "user", String.valueOf(caller.userId()), "role", "HELPER"), team.toString(),
                    caller.web().post("/portal/care-teams/" + guessedTeam + "/members", "user",
                            String.valueOf(caller.userId()), "role", "HELPER"), guessedTeam);
            assertThat(caller.web().get("/portal/care-teams").body()).as(what + ": not listed")
                    .doesNotContain(team.toString());
        }
    }

    // ---- end of care teams -----------------------------------------------------------------------------------------

    // ---- Box (issue 43): one contiguous block -------------------------------------------------------------------

    /**
     * A file hospital A's doctor sent with Box to a named nurse of another hospital and to A's own nurses: no user of
     * clinic B downloads it by its URL — each attempt answers exactly as a file id nobody has, with one audit row — nor
     * sees it listed; B's systems have no Box route at all (the pages are for signed-in users).
     */
    @Test
    void clinicBNeverDownloadsNorSeesABoxFileSentBetweenOthers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility other = accounts.newHospital();
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(other, Profession.NURSE);
        org.musubi.box.Box.Sent sent = box.send(new org.musubi.record.Reader(sender.id(), hospital.id()),
                List.of(new org.musubi.box.Box.Upload("攻撃対象.txt", "text/plain", new java.io.ByteArrayInputStream(
                        "Box の攻撃試験".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                new org.musubi.box.Box.Recipients(Set.of(named.id()), hospital.id(), Set.of(Profession.NURSE)), null);
        String file = sent.files().getFirst().id().toString();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            String what = caller.attacker() + " / Box download";
            String absent = UUID.randomUUID().toString();
            long before = audit.max();
            HttpResponse<String> asked = caller.web().get("/portal/box/files/" + file);
            long between = audit.max();
            HttpResponse<String> nothing = caller.web().get("/portal/box/files/" + absent);
            Answers.assertAlike(what, asked, file, nothing, absent);
            assertThat(asked.statusCode()).as(what).isEqualTo(404);
            assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                    .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
            assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                    .isEqualTo(1);
            assertThat(caller.web().get("/portal/box").body()).as(what + ": not listed").doesNotContain(file);
        }
    }

    /**
     * A Box file about a patient, and a resumable upload, of hospital A: clinic B's users and systems get for the file
     * (page and API) and for the upload (HEAD, PATCH, its send) exactly the answer of ids nobody has. Then the
     * legitimate recipients lose it in each of the ways they can, and each is answered as for an id nobody has: the
     * patient blocks the named nurse's facility, a facility's member leaves it, the file expires (before any sweep).
     */
    @Test
    void boxFilesAboutAPatientAndUploadsNeverOpenForTheWrongCaller() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility other = accounts.newHospital();
        Facility office = accounts.newHospital();
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(other, Profession.NURSE);
        User member = accounts.memberOf(office, Profession.NURSE);
        long person = linkedConsentedPatientAt(hospital);
        long admin = accounts.networkAdmin().id();
        org.musubi.box.Box.Sent sent = box.send(new org.musubi.record.Reader(sender.id(), hospital.id()),
                List.of(upload("患者の資料.pdf")), new org.musubi.box.Box.Recipients(Set.of(named.id()), office.id(),
                        Set.of(Profession.NURSE)), null, new org.musubi.box.Box.About(person, false));
        assertThat(sent.faults()).isEmpty();
        String file = sent.files().getFirst().id().toString();
        WebSession own = accounts.signedIn(port, sender);
        own.get("/portal/box/new");
        org.musubi.testing.TusUploads tus = new org.musubi.testing.TusUploads(own.base(), null, "Cookie",
                own.cookieHeader(), "X-CSRF-TOKEN", own.csrf());
        String upload = org.musubi.testing.TusUploads.path(tus.create("/portal/box/uploads", 5, "a.txt", "text/plain"));
        String uploadId = upload.substring(upload.lastIndexOf('/') + 1);

        for (Armed caller : callers(clinic)) {
            String absent = UUID.randomUUID().toString();
            if (caller.web() != null) {
                String what = caller.attacker() + " / Box file about a patient";
                Answers.assertAlike(what, caller.web().get("/portal/box/files/" + file), file,
                        caller.web().get("/portal/box/files/" + absent), absent);
                String probe = caller.attacker() + " / A's resumable upload (HEAD)";
                Answers.assertAlike(probe, caller.web().send(java.net.http.HttpRequest.newBuilder(
                                URI.create(own.base() + "/portal/box/uploads/" + uploadId)).header("Tus-Resumable", "1.0.0")
                                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())), uploadId,
                        caller.web().send(java.net.http.HttpRequest.newBuilder(URI.create(own.base()
                                        + "/portal/box/uploads/" + absent)).header("Tus-Resumable", "1.0.0")
                                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())), absent);
                assertThat(caller.web().post("/portal/box", "facility", String.valueOf(hospital.id()), "user",
                        String.valueOf(sender.id()), "upload", uploadId, "confirmed", "yes").body()).as(caller.attacker()
                        + " / sending A's upload").contains("box.upload.notReady");
            } else {
                String what = caller.attacker() + " / Box API";
                Answers.assertAlike(what, caller.api().outside("GET", "/api/box/files/" + file, Map.of()), file,
                        caller.api().outside("GET", "/api/box/files/" + absent, Map.of()), absent);
                Answers.assertAlike(what + " upload", caller.api().outside("HEAD", "/api/box/uploads/" + uploadId,
                        Map.of("Tus-Resumable", "1.0.0")), uploadId, caller.api().outside("HEAD", "/api/box/uploads/"
                        + absent, Map.of("Tus-Resumable", "1.0.0")), absent);
            }
        }

        WebSession nurse = accounts.signedIn(port, named);
        String absent = UUID.randomUUID().toString();
        assertThat(nurse.getBytes("/portal/box/files/" + file).statusCode()).as("the named nurse, permitted").isEqualTo(200);
        consents.block(person, other.id(), admin);
        Answers.assertAlike("the patient blocked the named nurse's facility", nurse.get("/portal/box/files/" + file), file,
                nurse.get("/portal/box/files/" + absent), absent);
        consents.unblock(person, other.id());
        WebSession leaving = accounts.signedIn(port, member);
        assertThat(leaving.getBytes("/portal/box/files/" + file).statusCode()).as("the office's nurse").isEqualTo(200);
        users.update(member.id(), new org.musubi.registry.UserDraft(member.loginId(), member.nameKanji(),
                member.nameKana(), member.profession(), List.of(new User.Membership(other.id(), false)), false,
                org.musubi.registry.UserStatus.ACTIVE));
        WebSession moved = accounts.signedIn(port, member);
        Answers.assertAlike("a member who left the facility it was sent to", moved.get("/portal/box/files/" + file), file,
                moved.get("/portal/box/files/" + absent), absent);
        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 second' WHERE id = ?::uuid").param(file).update();
        Answers.assertAlike("an expired file, before any sweep", nurse.get("/portal/box/files/" + file), file,
                nurse.get("/portal/box/files/" + absent), absent);
    }

    /**
     * Box previews: the preview page and the content it shows (a PDF here, which the named would see drawn) of a file
     * sent between others — no user of clinic B reaches either by its URL: each attempt answers exactly as a file id
     * nobody has, with one audit row (the content without the page's pass is a view of its own, refused alike).
     */
    @Test
    void clinicBNeverPreviewsABoxFileSentBetweenOthers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        org.musubi.box.Box.Sent sent = box.send(new org.musubi.record.Reader(sender.id(), hospital.id()),
                List.of(new org.musubi.box.Box.Upload("攻撃対象.pdf", "application/pdf", new java.io.ByteArrayInputStream(
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))),
                new org.musubi.box.Box.Recipients(Set.of(named.id()), hospital.id(), Set.of(Profession.NURSE)), null);
        String file = sent.files().getFirst().id().toString();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            for (String route : List.of("/preview", "/preview/content")) {
                String what = caller.attacker() + " / Box " + route;
                String absent = UUID.randomUUID().toString();
                long before = audit.max();
                HttpResponse<String> asked = caller.web().get("/portal/box/files/" + file + route);
                long between = audit.max();
                HttpResponse<String> nothing = caller.web().get("/portal/box/files/" + absent + route);
                Answers.assertAlike(what, asked, file, nothing, absent);
                assertThat(asked.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on nothing").isEqualTo(1);
            }
        }
    }

    // ---- end of Box ------------------------------------------------------------------------------------------------

    // ---- Box over WOPI (issue 43): one contiguous block ------------------------------------------------------------

    @Autowired
    org.musubi.box.wopi.WopiAccess wopiAccess;

    /**
     * Hospital A's Box file through the WOPI host: every user of clinic B, holding a good access token for a file of
     * their own, asks for A's file on each WOPI route (CheckFileInfo, GetFile, Lock, PutFile) and on the portal's
     * "編集 / Edit" page; each attempt answers exactly as a file id nobody has, with one audit row. B's systems' bearer
     * tokens are no access token (401, whatever the id).
     */
    @Test
    void clinicBNeverOpensABoxFileSentBetweenOthersThroughTheEditor() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        String file = box.send(new org.musubi.record.Reader(sender.id(), hospital.id()), List.of(upload("攻撃対象.docx")),
                new org.musubi.box.Box.Recipients(Set.of(named.id()), null, null), null).files().getFirst().id().toString();
        User colleague = accounts.memberOf(clinic, Profession.MEDICAL_CLERK);
        HttpClient http = HttpClient.newHttpClient();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                HttpResponse<String> asked = http.send(wopi(file, "/contents", caller.api().token()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(asked.statusCode()).as(caller.attacker() + " / WOPI with a bearer token").isEqualTo(401);
                continue;
            }
            org.musubi.record.Reader me = new org.musubi.record.Reader(caller.userId(), clinic.id());
            java.util.UUID own = box.send(me, List.of(upload("自分の.docx")), new org.musubi.box.Box.Recipients(
                    Set.of(colleague.id()), null, null), null).files().getFirst().id();
            String token = wopiAccess.launch(me, own).orElseThrow().token().token();
            Map<String, Supplier<HttpRequest.Builder>> routes = new java.util.LinkedHashMap<>();
            for (String id : List.of(file, java.util.UUID.randomUUID().toString())) {
                routes.put("CheckFileInfo " + id, () -> wopi(id, "", token).GET());
                routes.put("GetFile " + id, () -> wopi(id, "/contents", token).GET());
                routes.put("Lock " + id, () -> wopi(id, "", token).header("X-WOPI-Override", "LOCK")
                        .header("X-WOPI-Lock", "attack").POST(HttpRequest.BodyPublishers.noBody()));
                routes.put("PutFile " + id, () -> wopi(id, "/contents", token).header("X-WOPI-Override", "PUT")
                        .header("X-WOPI-Lock", "attack").POST(HttpRequest.BodyPublishers.ofString("上書き")));
            }
            String absent = java.util.UUID.randomUUID().toString();
            for (String route : List.of("CheckFileInfo ", "GetFile ", "Lock ", "PutFile ", "Edit ")) {
                String what = caller.attacker() + " / WOPI " + route.strip();
                long before = audit.max();
                HttpResponse<String> asked = route.equals("Edit ") ? caller.web().get("/portal/box/files/" + file + "/edit")
                        : http.send(routes.get(route + file).get().build(), HttpResponse.BodyHandlers.ofString());
                long between = audit.max();
                HttpResponse<String> nothing = route.equals("Edit ") ? caller.web().get("/portal/box/files/" + absent
                        + "/edit") : http.send(wopiAbsent(routes, route, file).get().build(),
                        HttpResponse.BodyHandlers.ofString());
                String nothingId = route.equals("Edit ") ? absent : absentId(routes, route, file);
                Answers.assertAlike(what, asked, file, nothing, nothingId);
                assertThat(asked.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
        }
    }

    private HttpRequest.Builder wopi(String id, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wopi/files/" + id + path
                + "?access_token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Supplier<HttpRequest.Builder> wopiAbsent(Map<String, Supplier<HttpRequest.Builder>> routes,
                                                            String route, String real) {
        return routes.get(route + absentId(routes, route, real));
    }

    private static String absentId(Map<String, Supplier<HttpRequest.Builder>> routes, String route, String real) {
        return routes.keySet().stream().filter(k -> k.startsWith(route) && !k.endsWith(real)).findFirst().orElseThrow()
                .substring(route.length());
    }

    private static org.musubi.box.Box.Upload upload(String name) {
        return new org.musubi.box.Box.Upload(name, "application/octet-stream", new java.io.ByteArrayInputStream(
                ("Box の攻撃試験 " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    // ---- end of Box over WOPI --------------------------------------------------------------------------------------

    // ---- Case consultations (issue 44): one contiguous block -------------------------------------------------------

    /**
     * A case consultation hospital A's doctor asked a specialist of another hospital, with an attachment: no user of
     * clinic B — of any profession — reads the thread, its attachment, posts to it, sets its meeting, closes it, or asks
     * about A's patient, by URL: each attempt answers exactly as an id (or a person) nobody has, with one audit row;
     * B's list shows nothing of it. B's systems have no consultation route (the pages are for signed-in users; the
     * FHIR API's Communication searches are the matrix's probes).
     */
    @Test
    void clinicBNeverReadsNorWritesACaseConsultationBetweenOthers() {
        Facility asking = accounts.newHospital();
        Facility asked = accounts.newHospital();
        User doctor = accounts.memberOf(asking, Profession.DOCTOR);
        User specialist = accounts.memberOf(asked, Profession.DOCTOR);
        long person = linkedConsentedPatientAt(asking);
        org.musubi.consult.ConsultThread thread = consultations.ask(new org.musubi.record.Reader(doctor.id(),
                asking.id()), person, new org.musubi.consult.Consultations.Question(asked.id(), specialist.id(), "内科",
                "攻撃試験の相談", "ご意見をお願いします。", List.of(), List.of(new org.musubi.consult.Upload("a.txt",
                "text/plain", "攻撃試験".getBytes(java.nio.charset.StandardCharsets.UTF_8))))).orElseThrow();
        String id = thread.id().toString();
        String guessed = java.util.UUID.randomUUID().toString();
        String binary = jdbc.sql("SELECT resource_id FROM consult_row WHERE thread_id = ? AND kind = 'ATTACHMENT'")
                .param(thread.id()).query(String.class).single();
        String absentPerson = String.valueOf(person + 1_000_000_000L);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            Map<String, java.util.function.Function<String, HttpResponse<String>>> routes = new java.util.LinkedHashMap<>();
            routes.put("thread", t -> web.get("/portal/consultations/" + t));
            routes.put("attachment", t -> web.get("/portal/consultations/" + t + "/attachments/" + binary));
            routes.put("post", t -> web.post("/portal/consultations/" + t + "/messages", "text", "攻撃"));
            routes.put("meeting", t -> web.post("/portal/consultations/" + t + "/meeting", "at", "2026-12-01T10:00",
                    "url", "https://meet.example.jp/x"));
            routes.put("close", t -> web.post("/portal/consultations/" + t + "/close", "confirmed", "yes"));
            for (var route : routes.entrySet()) {
                String what = caller.attacker() + " / consultation " + route.getKey();
                long before = audit.max();
                HttpResponse<String> refused = route.getValue().apply(id);
                long between = audit.max();
                HttpResponse<String> nothing = route.getValue().apply(guessed);
                Answers.assertAlike(what, refused, id, nothing, guessed);
                assertThat(refused.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's thread").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
            String what = caller.attacker() + " / consultation";
            Answers.assertAlike(what + " form", web.get("/portal/patients/" + person + "/consultations/new?facility="
                    + asked.id()), String.valueOf(person), web.get("/portal/patients/" + absentPerson
                    + "/consultations/new?facility=" + asked.id()), absentPerson);
            Answers.assertAlike(what + " ask", web.post("/portal/patients/" + person + "/consultations", "facility",
                    String.valueOf(asked.id()), "subject", "件名", "text", "本文"), String.valueOf(person),
                    web.post("/portal/patients/" + absentPerson + "/consultations", "facility", String.valueOf(asked.id()),
                            "subject", "件名", "text", "本文"), absentPerson);
            assertThat(web.get("/portal/consultations?tab=open").body()).as(what + ": not listed").doesNotContain(id)
                    .doesNotContain("攻撃試験の相談");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM consult_row WHERE thread_id = ?").param(thread.id())
                .query(Long.class).single()).as("nothing was posted").isEqualTo(2);
    }

    // ---- end of case consultations ---------------------------------------------------------------------------------

    /**
     * B's systems, one per kind of scope, and one user of B for every staff profession, signed in (residents belong
     * to no facility: their attacks are {@code PhrAttackIT}'s and {@code ResidentSharingAttackIT}'s).
     */
    private List<Armed> callers(Facility clinic) {
        List<Armed> armed = new ArrayList<>();
        for (Attacker system : SYSTEMS) {
            ApiClientAdministration.NewApiClient client = clients.register(clinic, system.scopes().toArray(String[]::new));
            armed.add(new Armed(system, client.client().userId(), new RawApi(port, clients.token(port, client)), null));
        }
        Map<Profession, User> users = new EnumMap<>(Profession.class);
        Arrays.stream(Profession.values()).filter(p -> p != Profession.FACILITY_SYSTEM && p != Profession.RESIDENT)
                .forEach(p -> users.put(p, accounts.memberOf(clinic, p)));
        users.forEach((profession, user) -> {
            WebSession web = accounts.signedIn(port, user);
            armed.add(new Armed(Attacker.user(profession), user.id(), null, web));
        });
        return armed;
    }

    // ---- issue 44: pathway templates (the operators' editor, Questionnaire read-only on the API) ---------------------

    @Autowired
    org.musubi.carenet.catalog.TemplateStore templates;

    /**
     * The pathway templates are changed by network operators only, and never over the API. Every user of B (each
     * staff profession, and B's facility administrator) gets for a draft template's pages, its exports and every
     * change exactly the answer given for a template nobody made; B's systems get for a draft's stage form the answer
     * of a form that does not exist, and every write of a Questionnaire, real or absent, is refused 405 alike with one
     * audit row. The draft is left as it was.
     */
    @Test
    void pathwayTemplatesAreChangedOnlyByNetworkOperatorsAndNeverOverTheApi() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        var operator = org.musubi.registry.Administrator.of(accounts.networkAdmin());
        String code = "attack-" + UUID.randomUUID().toString().substring(0, 8);
        String absent = "absent-" + UUID.randomUUID().toString().substring(0, 8);
        templates.create(operator, code, "攻撃試験", "Attack test");
        templates.edit(operator, code, 1, "stage", e -> e.addStage("first", "初回", "First", List.of("CLINIC"), 0)
                .addItem("first", "", "done", "boolean", "実施"));
        String stored = jdbc.sql("SELECT body FROM pathway_template WHERE code = ?").param(code).query(String.class).single();
        List<Armed> callers = new ArrayList<>(callers(clinic));
        User clinicAdmin = accounts.adminOf(clinic);
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                clinicAdmin.id(), null, accounts.signedIn(port, clinicAdmin)));
        for (Armed caller : callers) {
            String who = caller.attacker() + " / pathway templates ";
            if (caller.web() != null) {
                WebSession web = caller.web();
                web.get("/");
                for (String page : List.of("/1", "/1/export", "/1/stages/first", "/1/stages/first/export",
                        "/1/stages/first/items/done")) {
                    Answers.assertAlike(who + page, web.get("/admin/pathways/" + code + page), code,
                            web.get("/admin/pathways/" + absent + page), absent);
                }
                for (String change : List.of("/1/publish", "/1/retire", "/new-version", "/1/title",
                        "/1/stages/first/items", "/1/stages/first/items/done/remove", "/1/stages/first/remove")) {
                    Answers.assertAlike(who + change, post(web, "/admin/pathways/" + code + change, "titleJa", "x",
                            "linkId", "x", "type", "string", "confirmed", "yes"), code, post(web, "/admin/pathways/"
                            + absent + change, "titleJa", "x", "linkId", "x", "type", "string", "confirmed", "yes"), absent);
                }
                assertThat(web.get("/admin/pathways").statusCode()).as(who + "list").isEqualTo(403);
            } else {
                RawApi api = caller.api();
                Answers.assertAlike(who + "draft form", api.get("Questionnaire/" + code + ".first.1"), code,
                        api.get("Questionnaire/" + absent + ".first.1"), absent);
                for (String id : List.of("stroke.acute.1", code + ".first.1", absent + ".first.1")) {
                    long before = audit.max();
                    HttpResponse<String> put = api.send("PUT", "Questionnaire/" + id,
                            "{\"resourceType\":\"Questionnaire\",\"id\":\"" + id + "\",\"status\":\"active\"}");
                    assertThat(put.statusCode()).as(who + "PUT " + id).isEqualTo(405);
                    assertThat(put.body()).contains("OperationOutcome");
                    assertThat(api.send("DELETE", "Questionnaire/" + id, null).statusCode()).as(who + "DELETE " + id)
                            .isEqualTo(405);
                    assertThat(audit.countByUser(before, caller.userId())).as(who + "one row per attempt").isEqualTo(2);
                }
                assertThat(api.post("Questionnaire", "{\"resourceType\":\"Questionnaire\",\"status\":\"active\"}")
                        .statusCode()).as(who + "create").isEqualTo(405);
                assertThat(api.get("Questionnaire/stroke.acute.1").statusCode()).as(who + "published form").isEqualTo(200);
            }
        }
        assertThat(jdbc.sql("SELECT body FROM pathway_template WHERE code = ? AND status = 'DRAFT'").param(code)
                .query(String.class).single()).as("the draft as it was").isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM pathway_template WHERE code IN (?, ?)").params(code, absent)
                .query(Long.class).single()).isEqualTo(1);
    }
    // ---- Care-team workspace (issue 44): one contiguous block ------------------------------------------------------

    @Autowired
    org.musubi.carenet.WriteTeamNote teamNotes;
    @Autowired
    org.musubi.carenet.AssignTeamTask teamTasks;
    @Autowired
    org.musubi.carenet.AddTeamPhoto teamPhotos;

    /**
     * A care team's workspace (its page, each of its writes, a task's status, a photo and the photo upload) answers
     * everyone but a live, consented
     * member exactly like a team nobody has — never a member, an ex-member, a member of a facility the patient blocked,
     * after the consent's withdrawal, past the membership's end — with one audit row per attempt and nothing stored;
     * clinic B's users get the same for the real and a guessed team, and B's users and systems find neither the team's
     * notes, its tasks nor its photo by FHIR search of Communication, Task or Media.
     */
    @Test
    void aCareTeamsWorkspaceAnswersEveryoneButALiveConsentedMemberLikeATeamNobodyHas() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        org.musubi.carenet.HomeCareTeam home = org.musubi.carenet.HomeCareTeam.of(accounts, careTeams, hospital, person);
        Facility station = home.station();
        User doctor = home.doctor();
        User nurse = home.nurse();
        long admin = accounts.networkAdmin().id();
        org.musubi.carenet.CareTeams.Actor lead = org.musubi.carenet.HomeCareTeam.actor(doctor);
        UUID team = home.team().id();
        org.musubi.carenet.CareTeams.Actor member = org.musubi.carenet.HomeCareTeam.actor(nurse);
        String note = teamNotes.write(member, team, org.musubi.carenet.TeamEntry.Kind.CARE_NOTE,
                List.of("攻撃試験のケア記録"));
        String task = teamTasks.assign(member, team, "攻撃試験のタスク", doctor.id(), null);
        byte[] png = org.musubi.photos.TestPictures.png(40, 30);
        String photo = teamPhotos.add(member, team, "wound.png", png, "攻撃試験の写真", "仙骨部");
        String guessed = UUID.randomUUID().toString();
        long stored = jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(team).query(Long.class)
                .single();

        java.util.function.BiConsumer<String, WebSession> refusedAlike = (what, web) -> {
            web.get("/portal/care-teams");
            List<java.util.function.Function<String, HttpResponse<String>>> probes = List.of(
                    t -> web.get("/portal/care-teams/" + t),
                    t -> web.post("/portal/care-teams/" + t + "/notes", "kind", "CARE_NOTE", "text", "攻撃"),
                    t -> web.post("/portal/care-teams/" + t + "/vitals", "pulse", "70"),
                    t -> web.post("/portal/care-teams/" + t + "/tasks", "text", "攻撃", "assignee",
                            String.valueOf(doctor.id())),
                    t -> web.post("/portal/care-teams/" + t + "/tasks/" + task + "/status", "status", "cancelled"),
                    t -> web.get("/portal/care-teams/" + t + "/photos/" + photo),
                    t -> org.musubi.phr.checkups.PaperForms.multipart(web, "/portal/care-teams/" + t + "/photos",
                            web.csrf(), "wound.png", "image/png", png, "caption", "攻撃"));
            for (int i = 0; i < probes.size(); i++) {
                long before = audit.max();
                HttpResponse<String> asked = probes.get(i).apply(team.toString());
                long between = audit.max();
                HttpResponse<String> nothing = probes.get(i).apply(guessed);
                Answers.assertAlike(what + " workspace probe " + i, asked, team.toString(), nothing, guessed);
                assertThat(asked.statusCode()).as(what + " probe " + i).isEqualTo(404);
                assertThat(audit.countSince(before) - audit.countSince(between)).as(what + " probe " + i + ": rows")
                        .isEqualTo(1);
            }
        };
        WebSession nurseWeb = accounts.signedIn(port, nurse);
        assertThat(nurseWeb.get("/portal/care-teams/" + team).body()).as("the live member")
                .contains("攻撃試験のケア記録");
        assertThat(nurseWeb.getBytes("/portal/care-teams/" + team + "/photos/" + photo).statusCode())
                .as("the live member sees the team's photo").isEqualTo(200);
        refusedAlike.accept("never a member", accounts.signedIn(port, home.outsider()));
        consents.block(person, station.id(), admin);
        refusedAlike.accept("the member's station blocked", nurseWeb);
        consents.unblock(person, station.id());
        for (org.musubi.consent.Consent consent : consents.of(person)) {
            consents.withdraw(consent.id(), admin);
        }
        refusedAlike.accept("consent withdrawn", nurseWeb);
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                Set.of(org.musubi.audit.Purpose.TREATMENT), admin, hospital.id());
        jdbc.sql("UPDATE care_team_member SET valid_until = now() - interval '1 second' WHERE team_id = ? AND user_id = ?")
                .params(team, nurse.id()).update();
        refusedAlike.accept("membership past its end", nurseWeb);
        careTeams.invite(lead, team, nurse.id(), org.musubi.carenet.CareTeams.Role.VISITING_NURSE, null);
        careTeams.end(lead, team, nurse.id());
        refusedAlike.accept("an ex-member", nurseWeb);

        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        for (Armed caller : callers(clinic)) {
            if (caller.web() != null) {
                refusedAlike.accept(caller.attacker() + " / care-team workspace", caller.web());
            }
            for (String search : List.of("Communication?patient=Patient/%s", "Task?patient=Patient/%s",
                    "Communication?_id=" + note, "Task?_id=" + task, "Media?_id=" + photo)) {
                String what = caller.attacker() + " / " + search;
                long before = audit.max();
                HttpResponse<String> found = letterGet(caller, search.formatted(person));
                assertThat(found.body()).as(what + ": the team's note and task are not B's").doesNotContain(note)
                        .doesNotContain(task).doesNotContain(photo).doesNotContain("攻撃試験");
                if (search.contains("patient=")) {
                    assertThat(audit.countByUser(before, caller.userId())).as(what + ": audit rows").isEqualTo(1);
                }
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(team).query(Long.class)
                .single()).as("nothing stored by any refused attempt").isEqualTo(stored);
    }

    // ---- end of care-team workspace ----------------------------------------------------------------------------------
    // ---- Regional pathways: enrolment, stage forms, progress (issue 44): one contiguous block ----------------------

    /**
     * Hospital A enrols its linked patient in the stroke pathway and assigns the maintenance stage to clinic B, which
     * has no link to the patient: no user of B learns anything of the pathway — the enrolment's page, a stage's form
     * (read and sent), withdrawing, the patient's pathway page and enrolling answer exactly like an id or a person
     * nobody has; B's pathway list and home page do not show it.
     */
    @Test
    void clinicBWithoutALinkNeverSeesNorFillsAPathwayStageAssignedToIt(
            @Autowired org.musubi.carenet.enrolment.Pathways pathways) {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        long person = linkedConsentedPatientAt(hospital);
        String id = pathways.enrol(new org.musubi.record.Reader(doctor.id(), hospital.id()), person, "stroke",
                Map.of("maintenance", clinic.id())).orElseThrow().id().toString();
        String guessed = java.util.UUID.randomUUID().toString();
        String absent = String.valueOf(person + 1_000_000_000L);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            String what = caller.attacker() + " / pathway";
            Answers.assertAlike(what + " enrolment", web.get("/portal/pathways/" + id), id,
                    web.get("/portal/pathways/" + guessed), guessed);
            for (int position = 0; position < 3; position++) {
                Answers.assertAlike(what + " form " + position, web.get("/portal/pathways/" + id + "/stages/" + position),
                        id, web.get("/portal/pathways/" + guessed + "/stages/" + position), guessed);
                Answers.assertAlike(what + " fill " + position, web.post("/portal/pathways/" + id + "/stages/" + position,
                        "f.recurrence", "false"), id, web.post("/portal/pathways/" + guessed + "/stages/" + position,
                        "f.recurrence", "false"), guessed);
            }
            Answers.assertAlike(what + " withdraw", web.post("/portal/pathways/" + id + "/withdraw", "confirmed", "yes"),
                    id, web.post("/portal/pathways/" + guessed + "/withdraw", "confirmed", "yes"), guessed);
            Answers.assertAlike(what + " patient page", web.get("/portal/patients/" + person + "/pathways"),
                    String.valueOf(person), web.get("/portal/patients/" + absent + "/pathways"), absent);
            Answers.assertAlike(what + " enrol", web.post("/portal/patients/" + person + "/pathways", "template", "stroke"),
                    String.valueOf(person), web.post("/portal/patients/" + absent + "/pathways", "template", "stroke"),
                    absent);
            assertThat(web.get("/portal/pathways").body()).as(what + ": not listed").doesNotContain(id);
            assertThat(web.get("/").body()).as(what + ": nothing waiting").doesNotContain("id=\"pathway-waiting\"");
        }
        assertThat(jdbc.sql("SELECT status FROM pathway_enrolment WHERE id = ?").param(java.util.UUID.fromString(id))
                .query(String.class).single()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM pathway_stage WHERE enrolment_id = ? AND filled_at IS NOT NULL")
                .param(java.util.UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    // ---- end of regional pathways ----------------------------------------------------------------------------------

    // ---- municipal documents, discharge sheets, the disaster-help flag (issue 44): one contiguous block ----------

    /**
     * A 主治医意見書 a municipality asked of another hospital's doctor (answered), a discharge sheet that hospital sent to a
     * care manager, and their patient: no user of clinic B opens either document, its PDF, nor answers, declines or
     * completes it, nor opens the patient's care-and-municipal page, the composers, nor asks, sends or sets a flag for
     * the patient — each attempt answers exactly as a document id or a person nobody has, with one audit row of the
     * caller — nor sees the documents in any list. B's systems have no route here (the pages are for signed-in users).
     */
    @Test
    void clinicBNeverReachesMunicipalDocumentsNorTheirPatient() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        Facility city = municipalPlaces.municipality();
        Facility office = municipalPlaces.careOffice();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User manager = accounts.memberOf(office, Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        consents.link(person, city.id(), accounts.networkAdmin().id());
        org.musubi.record.Reader nurseOfCity = new org.musubi.record.Reader(
                accounts.memberOf(city, Profession.PUBLIC_HEALTH_NURSE).id(), city.id());
        String opinion = municipal.request(nurseOfCity, new org.musubi.carenet.municipal.MunicipalDocuments.Request(
                person, doctor.id(), java.time.LocalDate.now().plusDays(10), "NEW", null, null)).value().toString();
        assertThat(municipal.answer(new org.musubi.record.Reader(doctor.id(), hospital.id()), UUID.fromString(opinion),
                org.musubi.carenet.municipal.Places.opinion()).ok()).isTrue();
        String sheet = municipal.sendSheet(new org.musubi.record.Reader(accounts.memberOf(hospital, Profession.NURSE).id(),
                hospital.id()), person, manager.id(), org.musubi.carenet.municipal.Places.sheet()).value().toString();
        String personKey = String.valueOf(person);
        String nobody = String.valueOf(8_000_000_000L + new java.util.Random().nextInt(1_000_000));
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            for (String doc : List.of(opinion, sheet)) {
                municipalAttempt(caller, "document page", doc, UUID.randomUUID().toString(),
                        id -> web.get("/portal/municipal/documents/" + id));
                municipalAttempt(caller, "document PDF", doc, UUID.randomUUID().toString(),
                        id -> web.send(java.net.http.HttpRequest.newBuilder(URI.create(web.base()
                                + "/portal/municipal/documents/" + id + "/pdf")).header("Accept", "text/html").GET()));
            }
            municipalAttempt(caller, "answer", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/answer", "diagnosis1", "攻撃",
                            "confirmed", "yes"));
            municipalAttempt(caller, "decline", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/decline", "reason", "攻撃",
                            "confirmed", "yes"));
            municipalAttempt(caller, "answer, asked", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/answer", "diagnosis1", "攻撃"));
            municipalAttempt(caller, "decline, asked", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/decline", "reason", "攻撃"));
            municipalAttempt(caller, "complete", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/complete"));
            municipalAttempt(caller, "patient's municipal page", personKey, nobody,
                    id -> web.get("/portal/patients/" + id + "/municipal"));
            municipalAttempt(caller, "opinion request form", personKey, nobody,
                    id -> web.get("/portal/patients/" + id + "/opinion-requests/new"));
            municipalAttempt(caller, "discharge sheet composer", personKey, nobody,
                    id -> web.get("/portal/patients/" + id + "/discharge-sheets/new"));
            for (String confirmed : List.of("yes", "")) { // the act, and its question (issue 67)
                municipalAttempt(caller, "request an opinion " + confirmed, personKey, nobody,
                        id -> web.post("/portal/patients/" + id + "/opinion-requests", "doctor", String.valueOf(doctor.id()),
                                "due", java.time.LocalDate.now().plusDays(5).toString(), "application", "NEW",
                                "confirmed", confirmed));
                municipalAttempt(caller, "send a discharge sheet " + confirmed, personKey, nobody,
                        id -> web.post("/portal/patients/" + id + "/discharge-sheets", "careManager",
                                String.valueOf(manager.id()), "diagnoses", "攻撃", "confirmed", confirmed));
            }
            municipalAttempt(caller, "set the disaster-help flag", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/disaster-flag", "on", "true", "reason", "攻撃"));
            for (String list : List.of("/portal/municipal/opinions", "/portal/municipal/opinions/inbox",
                    "/portal/municipal/sheets", "/portal/municipal/sheets/inbox")) {
                assertThat(web.get(list).body()).as(caller.attacker() + " / " + list).doesNotContain(opinion)
                        .doesNotContain(sheet);
            }
        }
        assertThat(municipal.open(new org.musubi.record.Reader(manager.id(), office.id()), UUID.fromString(sheet),
                java.util.Locale.JAPANESE)).as("still there for its addressee").isPresent();
    }

    /** One attempt on A's document or patient and one on an id nobody has: alike, one audit row each. */
    private void municipalAttempt(Armed caller, String probe, String real, String absent,
                                  java.util.function.Function<String, HttpResponse<String>> ask) {
        String what = caller.attacker() + " / " + probe;
        long before = audit.max();
        HttpResponse<String> asked = ask.apply(real);
        long between = audit.max();
        HttpResponse<String> nothing = ask.apply(absent);
        Answers.assertAlike(what, asked, real, nothing, absent);
        assertThat(asked.statusCode()).as(what).isEqualTo(404);
        assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on A's").isEqualTo(1);
        assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                .isEqualTo(1);
    }

    // ---- end of municipal documents --------------------------------------------------------------------------------

    // ---- Secretariat statistics (issue 45): one contiguous block -----------------------------------------------------

    @Autowired
    org.musubi.phr.Residents statisticsResidents;
    @Autowired
    org.musubi.database.JobLocks statisticsJobs;

    /**
     * The secretariat's statistics (the dashboard, every CSV, the board's PDF, the refresh and the population upload)
     * answer a clinic's clerk, its facility administrator, a hospital's doctor and a resident signed in to the notebook
     * exactly as every other network-only /admin page does (/admin/facilities: the same status and redirect), for a
     * figure that exists and one that does not, and change nothing: the rollup's time and the population list stay.
     */
    @Test
    void theSecretariatsStatisticsAnswerEveryoneButANetworkAdministratorLikeAnyOtherAdminPage() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        var patient = statisticsResidents.patientAt(port, hospital, "トウケイ");
        Map<String, WebSession> callers = new java.util.LinkedHashMap<>();
        callers.put("clerk", accounts.signedIn(port, accounts.memberOf(clinic, Profession.MEDICAL_CLERK)));
        callers.put("facility administrator", accounts.signedIn(port, accounts.adminOf(clinic)));
        callers.put("doctor", accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR)));
        callers.put("resident", statisticsResidents.logIn(port, statisticsResidents.register(patient.personId())));
        // the hourly refresh waits while this test runs, so that only a caller could change the rollup's time
        try (var held = statisticsJobs.hold(org.musubi.secretariat.stats.StatisticsRefresh.JOB)) {
            String rollup = jdbc.sql("SELECT coalesce(max(computed_at)::text, '') FROM stats_rollup").query(String.class).single();
            String population = jdbc.sql("SELECT coalesce(string_agg(municipality || population, ','), '') FROM stats_population")
                    .query(String.class).single();
            for (var caller : callers.entrySet()) {
                WebSession web = caller.getValue();
                web.get("/");
                HttpResponse<String> reference = web.get("/admin/facilities");
                assertThat(reference.statusCode()).as(caller.getKey() + " on /admin/facilities").isIn(302, 403, 404);
                for (String page : List.of("/admin/statistics", "/admin/statistics?month=2026-01",
                        "/admin/statistics/cards.csv", "/admin/statistics/residents.csv", "/admin/statistics/use.csv",
                        "/admin/statistics/nothing.csv", "/admin/statistics/report.pdf", "/admin/statistics/population")) {
                    HttpResponse<String> asked = web.get(page);
                    assertThat(asked.statusCode()).as(caller.getKey() + " GET " + page).isEqualTo(reference.statusCode());
                    assertThat(asked.headers().firstValue("Location")).as(caller.getKey() + " GET " + page)
                            .isEqualTo(reference.headers().firstValue("Location"));
                    assertThat(asked.body()).as(caller.getKey() + " GET " + page).doesNotContain("stats-", "month,");
                }
                for (String change : List.of("/admin/statistics/refresh", "/admin/statistics/population")) {
                    HttpResponse<String> asked = post(web, change, "file", "呉市,1");
                    assertThat(asked.statusCode()).as(caller.getKey() + " POST " + change).isEqualTo(reference.statusCode());
                }
            }
            assertThat(jdbc.sql("SELECT coalesce(max(computed_at)::text, '') FROM stats_rollup").query(String.class).single())
                    .as("no refresh").isEqualTo(rollup);
            assertThat(jdbc.sql("SELECT coalesce(string_agg(municipality || population, ','), '') FROM stats_population")
                    .query(String.class).single()).as("no population loaded").isEqualTo(population);
        }
    }

    // ---- end of secretariat statistics -----------------------------------------------------------------------------

    // ---- The public site and a facility's profile (issue 45, publicsite): one contiguous block ---------------------

    @Autowired
    org.musubi.registry.profile.FacilityProfiles facilityProfiles;

    /**
     * The public site (no login) shows nothing about any patient or user, whoever asks (a stranger, or B's staff
     * signed in) and whatever they ask for (a patient's regional id or name, a user's login id, as a name or a
     * municipality); a facility's profile is changed by network operators only: B's staff of every profession and A's
     * and B's facility administrators get for hospital A's profile form and page exactly the answer for a facility
     * nobody has, with one audit row each, and A's profile stays as it was.
     */
    @Test
    void thePublicSiteRevealsNothingAndOnlyNetworkOperatorsChangeAFacilitysProfile() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        long person = linkedConsentedPatientAt(hospital);
        org.musubi.identity.Person patient = identities.person(person).orElseThrow().person();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        List<String> secrets = List.of(patient.regionalId(), patient.familyKana() + patient.givenKana(),
                patient.familyKana() + " " + patient.givenKana(), doctor.loginId());
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        WebSession stranger = new WebSession(port).withHeader("X-Forwarded-For", "100." + (64 + r.nextInt(64)) + "."
                + r.nextInt(256) + "." + (1 + r.nextInt(254)));
        WebSession staffOfB = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR))
                .withHeader("X-Forwarded-For", "100." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
        for (WebSession visitor : List.of(stranger, staffOfB)) {
            for (String secret : secrets) {
                String asked = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
                for (String path : List.of("/public", "/public/cards", "/public/accessibility",
                        "/public/disclosing?municipality=" + asked,
                        "/public/facilities?name=" + asked, "/public/facilities?municipality=" + asked)) {
                    HttpResponse<String> page = visitor.get(path);
                    assertThat(page.statusCode()).as(path).isEqualTo(200);
                    // the search box shows what this visitor typed, and nothing else does
                    String shown = page.body().replace("value=\"" + secret + "\"", "");
                    secrets.forEach(s -> assertThat(shown).as(path).doesNotContain(s));
                    assertThat(page.body()).as(path).doesNotContain(doctor.nameKanji()).doesNotContain("試験 太郎");
                }
            }
        }

        var before = facilityProfiles.of(hospital.id()).orElseThrow();
        String real = String.valueOf(hospital.id());
        String absent = String.valueOf(9_000_000_000L + r.nextInt(1_000_000));
        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        for (User admin : List.of(accounts.adminOf(clinic), accounts.adminOf(hospital))) {
            callers.add(new Armed(new Attacker("a facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                    admin.id(), null, accounts.signedIn(port, admin)));
        }
        for (Armed caller : callers) {
            WebSession web = caller.web();
            String who = caller.attacker() + " / facility profile ";
            certificateAttempt(caller, who + "page", real, absent, () -> web.get("/admin/facilities/" + real),
                    () -> web.get("/admin/facilities/" + absent));
            certificateAttempt(caller, who + "save", real, absent,
                    () -> post(web, "/admin/facilities/" + real + "/profile", "municipality", "攻撃市", "beds", "1",
                            "joinedOn", "2020-01-01"),
                    () -> post(web, "/admin/facilities/" + absent + "/profile", "municipality", "攻撃市", "beds", "1",
                            "joinedOn", "2020-01-01"));
        }
        assertThat(facilityProfiles.of(hospital.id())).as("A's profile as it was").contains(before);
    }

    // ---- end of the public site ------------------------------------------------------------------------------------

    // ---- issue 45: fees and invoices (secretariat.fees) ------------------------------------------------------------

    @Autowired
    org.musubi.secretariat.fees.MonthlyRun feesRun;
    @Autowired
    org.musubi.secretariat.fees.InvoiceStore feesInvoices;

    /**
     * Fees and invoices are the network operators' alone. Every user of B (each staff profession, B's facility
     * administrator) gets for a real invoice of B's own facility — its page, its PDF, its paid mark, its correction —
     * exactly the answer given for an invoice nobody has, 403 for the lists, the CSV, the rules and the run, and
     * changes nothing: no invoice, no rules, no paid mark.
     */
    @Test
    void feesAndInvoicesAreTheOperatorsAlone() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        var operator = org.musubi.registry.Administrator.of(accounts.networkAdmin());
        java.time.YearMonth month = java.time.YearMonth.of(2046, 1);
        org.musubi.secretariat.fees.FeeSettings fees = feeSettings;
        fees.saveRules(operator, new org.musubi.secretariat.fees.FeeRules(month, Map.of(FacilityKind.CLINIC, 5_000L),
                List.of(), Set.of(), 0, 100, org.musubi.secretariat.fees.FeeRules.PartMonth.FULL,
                org.musubi.secretariat.fees.FeeRules.PartMonth.FULL));
        feesRun.run(operator, month, java.time.LocalDate.of(2046, 2, 1));
        var invoice = feesInvoices.current(month).stream().filter(i -> i.facilityId() == clinic.id()).findFirst()
                .orElseThrow();
        String real = String.valueOf(invoice.id());
        String absent = String.valueOf(invoice.id() + 1_000_000);
        List<Armed> callers = new ArrayList<>(callers(clinic));
        User clinicAdmin = accounts.adminOf(clinic);
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                clinicAdmin.id(), null, accounts.signedIn(port, clinicAdmin)));
        long versions = jdbc.sql("SELECT count(*) FROM fee_rule").query(Long.class).single();
        long issued = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        for (Armed caller : callers) {
            if (caller.web() == null) {
                continue;
            }
            String who = caller.attacker() + " / invoices ";
            WebSession web = caller.web();
            web.get("/");
            for (String page : List.of("", "/pdf")) {
                Answers.assertAlike(who + page, web.get("/admin/invoices/" + real + page), real,
                        web.get("/admin/invoices/" + absent + page), absent);
            }
            for (String change : List.of("/paid", "/correct")) {
                Answers.assertAlike(who + change, post(web, "/admin/invoices/" + real + change, "paidOn", "2046-02-02",
                        "reason", "x", "item", "x", "amount", "-5000", "taxRate", "10", "code", "X"), real,
                        post(web, "/admin/invoices/" + absent + change, "paidOn", "2046-02-02", "reason", "x", "item", "x",
                                "amount", "-5000", "taxRate", "10", "code", "X"), absent);
            }
            for (String page : List.of("/admin/invoices", "/admin/invoices.csv", "/admin/fees",
                    "/admin/invoices?month=2046-01")) {
                assertThat(web.get(page).statusCode()).as(who + page).isEqualTo(403);
            }
            assertThat(post(web, "/admin/invoices/run", "month", "2046-02").statusCode()).as(who + "run").isEqualTo(403);
            assertThat(post(web, "/admin/fees/rules", "from", "2046-01", "monthly.CLINIC", "1").statusCode())
                    .as(who + "rules").isEqualTo(403);
            assertThat(post(web, "/admin/fees/settings", "issuerName", "x", "registrationNumber", "T7000012050002",
                    "paymentDays", "1").statusCode()).as(who + "settings").isEqualTo(403);
        }
        assertThat(feesInvoices.current(month).stream().filter(i -> i.facilityId() == clinic.id()).findFirst()
                .orElseThrow()).as("the invoice as it was").isEqualTo(invoice);
        assertThat(jdbc.sql("SELECT count(*) FROM fee_rule").query(Long.class).single()).isEqualTo(versions);
        assertThat(jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single()).isEqualTo(issued);
    }

    @Autowired
    org.musubi.secretariat.fees.FeeSettings feeSettings;

    // ---- end of fees and invoices ----------------------------------------------------------------------------------

    // ---- issue 45: the help desk for staff: one contiguous block -----------------------------------------------------

    /**
     * A question hospital A's doctor asked the help desk, naming A's patient: no user of clinic B — of any profession —
     * opens it, replies to it or closes it by URL (each answers exactly as a question nobody asked, a guessed id, with
     * the same audit rows: none), nor sees it in their list; none names A's patient in a question of their own (refused
     * exactly like a person nobody has, one audit row each, nothing stored); none reaches the secretariat's queue, the
     * question there, or the FAQ editor. B's systems have no route here (the pages are for signed-in staff).
     */
    @Test
    void clinicBNeverReachesAnotherFacilitysHelpDeskQuestionNorNamesItsPatient() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        String subject = "攻撃試験の問い合わせ " + UUID.randomUUID();
        HttpResponse<String> asked = doctor.post("/portal/help/ask", "category", "LINKING", "subject", subject,
                "text", "本文", "patient", String.valueOf(person));
        String id = WebSession.location(asked).replaceAll(".*/portal/help/(\\d+).*", "$1");
        String guessed = id.equals("1234567890") ? "1234567891" : "1234567890";
        String absentPerson = String.valueOf(person + 1_000_000_000L);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            Map<String, java.util.function.Function<String, HttpResponse<String>>> routes = new java.util.LinkedHashMap<>();
            routes.put("question", q -> web.get("/portal/help/" + q));
            routes.put("reply", q -> web.post("/portal/help/" + q + "/reply", "text", "攻撃"));
            routes.put("close", q -> web.post("/portal/help/" + q + "/close", "confirmed", "yes"));
            routes.put("close, asked", q -> web.post("/portal/help/" + q + "/close"));
            for (var route : routes.entrySet()) {
                String what = caller.attacker() + " / help-desk " + route.getKey();
                long before = audit.max();
                HttpResponse<String> refused = route.getValue().apply(id);
                long between = audit.max();
                HttpResponse<String> nothing = route.getValue().apply(guessed);
                Answers.assertAlike(what, refused, id, nothing, guessed);
                assertThat(refused.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows alike").isEqualTo(audit.countByUser(between, caller.userId()));
            }
            String what = caller.attacker() + " / help-desk patient reference";
            long before = audit.max();
            HttpResponse<String> named = web.post("/portal/help/ask", "category", "OTHER", "subject", "件名", "text",
                    "本文", "patient", String.valueOf(person));
            long between = audit.max();
            HttpResponse<String> nobody = web.post("/portal/help/ask", "category", "OTHER", "subject", "件名", "text",
                    "本文", "patient", absentPerson);
            Answers.assertAlike(what, named, String.valueOf(person), nobody, absentPerson);
            assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                    .as(what + ": one audit row").isEqualTo(1);
            assertThat(audit.countByUser(between, caller.userId())).as(what + ": one audit row on nobody").isEqualTo(1);
            assertThat(web.get("/portal/help").body()).as(caller.attacker() + ": not listed").doesNotContain(subject);
            for (String admin : List.of("/admin/helpdesk", "/admin/helpdesk/" + id, "/admin/helpdesk/faq")) {
                assertThat(web.get(admin).statusCode()).as(caller.attacker() + " / " + admin).isEqualTo(403);
            }
            assertThat(web.post("/admin/helpdesk/" + id + "/answer", "text", "攻撃").statusCode())
                    .as(caller.attacker() + " / answer").isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM helpdesk_question WHERE patient_key = ?").param(String.valueOf(person))
                .query(Long.class).single()).as("only A's doctor named the patient").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM helpdesk_event WHERE question_id = ?").param(Long.parseLong(id))
                .query(Long.class).single()).as("nothing was posted").isEqualTo(1);
    }

    // ---- end of the help desk --------------------------------------------------------------------------------------

    // ---- Participation applications (issue 45): one contiguous block ------------------------------------------------

    /**
     * The public status page tells nothing about an application to whoever lacks its pair: a real reference with a
     * wrong secret, and a resubmission with one, are answered exactly like a reference nobody has, and name nothing of
     * the application. The secretariat's queue, an application's page, its steps and its documents answer every user of
     * B (each staff profession, and B's facility administrator) for a real application exactly as for one that does
     * not exist, and the application is left as it was.
     */
    @Test
    void applicationsAreSeenOnlyWithTheirPairAndTheirQueueOnlyByNetworkAdmins() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession applicant = new WebSession(port).withHeader("X-Forwarded-For", "203.0.113.45");
        String code = org.musubi.testing.TestAccounts.unusedInstitutionCode(facilities, 1);
        var receipt = org.musubi.secretariat.application.Applicants.apply(applicant,
                org.musubi.secretariat.application.Applicants.clinic(code, "攻撃対象申請クリニック"),
                new org.musubi.secretariat.application.Applicants.File("a.pdf", "application/pdf",
                        "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        long id = jdbc.sql("SELECT id FROM facility_application WHERE reference = ?").param(receipt.plainReference())
                .query(Long.class).single();
        long document = jdbc.sql("SELECT id FROM facility_application_document WHERE application_id = ?").param(id)
                .query(Long.class).single();
        String absentReference = "AAAA-AAAA-AAAA-AAAA".equals(receipt.reference()) ? "BBBB-BBBB-BBBB-BBBB"
                : "AAAA-AAAA-AAAA-AAAA";

        WebSession guesser = new WebSession(port).withHeader("X-Forwarded-For", "203.0.113.46");
        guesser.get("/apply/status");
        HttpResponse<String> realWrongSecret = guesser.post("/apply/status", "reference", receipt.reference(),
                "secret", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        HttpResponse<String> absent = guesser.post("/apply/status", "reference", absentReference,
                "secret", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        Answers.assertAlike("status page: a real reference's wrong secret", realWrongSecret, receipt.reference(), absent,
                absentReference);
        assertThat(realWrongSecret.statusCode()).isEqualTo(404);
        var resubmit = org.musubi.secretariat.application.Applicants.clinic(code, "攻撃");
        HttpResponse<String> realResubmit = org.musubi.secretariat.application.Applicants.postWithToken(guesser,
                guesser.csrf(), "/apply/status/resubmit", org.musubi.secretariat.application.Applicants.with(
                        org.musubi.secretariat.application.Applicants.with(resubmit, "reference", receipt.reference()),
                        "secret", "ZZZZ"));
        HttpResponse<String> absentResubmit = org.musubi.secretariat.application.Applicants.postWithToken(guesser,
                guesser.csrf(), "/apply/status/resubmit", org.musubi.secretariat.application.Applicants.with(
                        org.musubi.secretariat.application.Applicants.with(resubmit, "reference", absentReference),
                        "secret", "ZZZZ"));
        Answers.assertAlike("resubmission with a wrong secret", realResubmit, receipt.reference(), absentResubmit,
                absentReference);
        for (HttpResponse<String> answer : List.of(realWrongSecret, realResubmit)) {
            assertThat(answer.body()).doesNotContain("攻撃対象申請クリニック").doesNotContain(code)
                    .doesNotContain("office@example.jp").doesNotContain("a.pdf");
        }

        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                0, null, accounts.signedIn(port, accounts.adminOf(clinic))));
        long nobody = id + 1_000_000;
        for (Armed caller : callers) {
            WebSession web = caller.web();
            String who = caller.attacker() + " / ";
            Answers.assertAlike(who + "the queue", web.get("/admin/applications?status=UNDER_REVIEW"), "UNDER_REVIEW",
                    web.get("/admin/applications?status=RETURNED"), "RETURNED");
            assertThat(web.get("/admin/applications").statusCode()).as(who + "the queue").isEqualTo(403);
            Answers.assertAlike(who + "an application's page", web.get("/admin/applications/" + id), String.valueOf(id),
                    web.get("/admin/applications/" + nobody), String.valueOf(nobody));
            HttpResponse<byte[]> realDocument = web.getBytes("/admin/applications/" + id + "/documents/" + document);
            HttpResponse<byte[]> absentDocument = web.getBytes("/admin/applications/" + nobody + "/documents/" + document);
            assertThat(realDocument.statusCode()).as(who + "a document").isEqualTo(403)
                    .isEqualTo(absentDocument.statusCode());
            assertThat(new String(realDocument.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(absentDocument.body(), java.nio.charset.StandardCharsets.UTF_8));
            for (String step : List.of("review", "approve", "return", "set-up", "live")) {
                web.get("/");
                HttpResponse<String> real = web.post("/admin/applications/" + id + "/" + step, "note", "攻撃");
                HttpResponse<String> none = web.post("/admin/applications/" + nobody + "/" + step, "note", "攻撃");
                Answers.assertAlike(who + step, real, String.valueOf(id), none, String.valueOf(nobody));
                assertThat(real.statusCode()).as(who + step).isEqualTo(403);
            }
        }
        assertThat(jdbc.sql("SELECT status FROM facility_application WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("RECEIVED");
        assertThat(facilities.findByCode(code)).isEmpty();
    }

    // ---- end of participation applications --------------------------------------------------------------------------

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

    // ---- Imaging: STOW-RS through Musubi and the indexer's operator page (issue 47, index): one contiguous block -----

    @Autowired
    org.musubi.imaging.studies.StudyIndex imagingIndex;

    /**
     * Clinic B's system never stores images into hospital A's patient: an instance naming A's patient with A's issuer,
     * one naming A's patient ID without an issuer (B's own patient ID space, where it is nobody), one of A's study
     * already indexed (posted to that study's URL) are each refused with exactly the failure reason of an instance of
     * a patient nobody is, and none reaches the archive or the index; a browser session of B (any profession) is no
     * STOW-RS caller at all (refused), and B's staff never open the operators' imaging page.
     */
    @Test
    void clinicBNeverStoresImagesIntoHospitalAsPatient() throws Exception {
        org.musubi.testing.OrthancServer orthanc = org.musubi.testing.OrthancServer.sharedOrSkip();
        org.musubi.testing.DicomStudies.requireTools();
        Facility clinic = accounts.newHospital(); // B: any other facility
        Facility hospital = accounts.newHospital();
        var hospitalFhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = org.musubi.testing.FhirRecords.localId();
        org.musubi.testing.FhirRecords.registerPatient(hospitalFhir, hospital, localId,
                org.musubi.testing.FhirRecords.uniqueKana());
        String hospitalToken = clients.token(port, clients.register(hospital, "system/*.write"));
        String clinicToken = clients.token(port, clients.register(clinic, "system/*.read", "system/*.write"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("attack-stow");
        String issuer = "1.2.392.100495.20.3.51.1" + hospital.code().value();
        var owned = org.musubi.testing.DicomStudies.ct(localId, issuer, 1);
        HttpResponse<String> stored = stowAs(hospitalToken, null, owned.write(dir.resolve("owned")));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(imagingIndex.find(owned.studyUid())).as(stored.body()).isPresent();

        var nobody = org.musubi.testing.DicomStudies.ct("NOBODY-" + localId, null, 1);
        HttpResponse<String> baseline = stowAs(clinicToken, null, nobody.write(dir.resolve("nobody")));
        assertThat(baseline.statusCode()).isEqualTo(409);
        String refusal = failureReasons(baseline.body());

        var withIssuer = org.musubi.testing.DicomStudies.ct(localId, issuer, 1);
        var withoutIssuer = org.musubi.testing.DicomStudies.ct(localId, null, 1);
        var intoStudy = org.musubi.testing.DicomStudies.ct(localId, issuer, 1).withStudy(owned.studyUid(), null)
                .withSeries(3, 1);
        Map<String, HttpResponse<String>> attempts = new java.util.LinkedHashMap<>();
        attempts.put("A's patient with A's issuer", stowAs(clinicToken, null, withIssuer.write(dir.resolve("i"))));
        attempts.put("A's patient ID without issuer", stowAs(clinicToken, null, withoutIssuer.write(dir.resolve("n"))));
        attempts.put("into A's indexed study", stowAs(clinicToken, owned.studyUid(), intoStudy.write(dir.resolve("s"))));
        attempts.forEach((what, answer) -> {
            assertThat(answer.statusCode()).as(what).isEqualTo(409);
            assertThat(failureReasons(answer.body())).as(what + ": answered like a patient nobody is").isEqualTo(refusal);
        });
        for (String uid : List.of(withIssuer.studyUid(), withoutIssuer.studyUid())) {
            assertThat(imagingIndex.find(uid)).isEmpty();
            assertThat(new String(orthanc.get("/dicom-web/studies?StudyInstanceUID=" + uid, "application/dicom+json").body(),
                    java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(uid);
        }
        assertThat(new String(orthanc.get("/dicom-web/studies/" + owned.studyUid() + "/series", "application/dicom+json")
                .body(), java.nio.charset.StandardCharsets.UTF_8)).as("nothing added to A's study")
                .contains(owned.seriesUid(1)).doesNotContain(intoStudy.seriesUid(2), intoStudy.seriesUid(3));

        for (Profession profession : List.of(Profession.DOCTOR, Profession.NURSE, Profession.MEDICAL_CLERK)) {
            WebSession web = accounts.signedIn(port, accounts.memberOf(clinic, profession));
            assertThat(web.post("/api/dicom-web/studies").statusCode()).as(profession + " session").isIn(401, 403);
            assertThat(web.get("/admin/imaging").statusCode()).as(profession + " operators' page").isIn(403, 404);
            assertThat(web.get("/admin/imaging").body()).doesNotContain(owned.studyUid());
        }
    }

    private HttpResponse<String> stowAs(String token, String study, List<java.nio.file.Path> files) throws Exception {
        String boundary = "attack-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (java.nio.file.Path f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.writeBytes(java.nio.file.Files.readAllBytes(f));
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/dicom-web/studies" + (study == null ? "" : "/" + study)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The distinct failure reasons (0008,1197) of a STOW-RS answer, in order. */
    private static String failureReasons(String answer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"00081197\":\\{[^}]*\"Value\":\\[(\\d+)\\]")
                .matcher(answer);
        List<String> reasons = new ArrayList<>();
        while (m.find()) {
            if (!reasons.contains(m.group(1))) {
                reasons.add(m.group(1));
            }
        }
        return String.join(",", reasons);
    }

    // ---- end of imaging (index) ------------------------------------------------------------------------------------

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

    // ---- issue 47: the imaging viewer's DICOMweb proxy (uses the index block's imagingIndex) ---------------------------

    /**
     * The DICOMweb proxy and the viewer: every staff user of clinic B gets, for a study of hospital A's patient whom B
     * is not linked to, by every URL (the viewer, the study, its metadata and series, an instance's metadata, frame,
     * rendered image, thumbnail and bulk data), exactly what a study nobody has answers; a doctor of A who may see one
     * study gets the same for a series UID guessed under it, and for a frame of a study in another person's record
     * asked under it. Skipped without Orthanc and dcmtk.
     */
    @Test
    void theImagingProxyServesNoPixelsOfAStudyTheCallerMayNotSee() throws Exception {
        org.musubi.testing.OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        org.musubi.imaging.proxy.ViewerStudies.Made theirs = imagingStudyOf(hospital, 2);
        org.musubi.imaging.proxy.ViewerStudies.Made other = imagingStudyOf(accounts.newHospital(), 2);
        String nobody = org.musubi.testing.DicomStudies.uid();
        String series = theirs.dicom().seriesUid(1);
        String instance = theirs.dicom().instanceUid(1, 1);
        List<String> refused = org.musubi.imaging.proxy.ViewerStudies.everyUrl(theirs.uid(), series, instance);
        List<String> unknown = org.musubi.imaging.proxy.ViewerStudies.everyUrl(nobody, series, instance);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            for (int i = 0; i < refused.size(); i++) {
                HttpResponse<String> answer = caller.web().get(refused.get(i));
                HttpResponse<String> none = caller.web().get(unknown.get(i));
                assertThat(answer.statusCode()).as(caller.attacker().name() + " " + refused.get(i)).isEqualTo(404);
                assertThat(withoutToken(answer.body()).replace(theirs.uid(), "X"))
                        .as(caller.attacker().name() + " " + refused.get(i))
                        .isEqualTo(withoutToken(none.body()).replace(nobody, "X"));
            }
        }
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        assertThat(doctor.get("/imaging/viewer/studies/" + theirs.uid()).statusCode()).isEqualTo(200);
        String base = "/imaging/dicomweb/studies/" + theirs.uid();
        HttpResponse<String> none = doctor.get(base + "/series/" + org.musubi.testing.DicomStudies.uid() + "/metadata");
        assertThat(none.statusCode()).isEqualTo(404);
        for (String path : List.of(
                base + "/series/" + other.dicom().seriesUid(1) + "/metadata",
                base + "/series/" + other.dicom().seriesUid(1) + "/instances/" + other.dicom().instanceUid(1, 1) + "/frames/1",
                base + "/series/" + series + "/instances/" + other.dicom().instanceUid(1, 1) + "/frames/1",
                base + "/series/" + series + "/instances/" + other.dicom().instanceUid(1, 1) + "/thumbnail",
                "/imaging/dicomweb/studies/" + other.uid() + "/series/" + other.dicom().seriesUid(1) + "/instances/"
                        + other.dicom().instanceUid(1, 1) + "/frames/1")) {
            HttpResponse<String> answer = doctor.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(withoutToken(answer.body())).as(path).isEqualTo(withoutToken(none.body()));
        }
    }

    /** A hospital's linked, consenting patient with a CT study in the archive, the record and the study index. */
    private org.musubi.imaging.proxy.ViewerStudies.Made imagingStudyOf(Facility hospital, int images) throws Exception {
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        org.musubi.imaging.proxy.ViewerStudies.Made made = org.musubi.imaging.proxy.ViewerStudies.ct(clients, port,
                identities, imagingIndex, hospital, localId, patient, images);
        long person = clients.personOf(hospital, localId);
        consents.link(person, hospital.id(), accounts.networkAdmin().id());
        return made;
    }

    private static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    // ---- end of the imaging viewer's DICOMweb proxy --------------------------------------------------------------------

    // ---- issue 47, reading: remote reading requests, the centre's worklist and the viewer's grant --------------------

    /**
     * Remote reading: for a study hospital A asked reading centre C to read, another facility's doctor, C's nurse and
     * clerk get for the viewer, the worklist, the request's pages and its steps exactly what a request or study nobody
     * has answers (404, same page modulo the CSRF token); a guessed request id is nothing to C's own doctor; a second
     * reader of C cannot step the first one's claim; once A cancels, C's reader no longer opens the study through the
     * grant; a facility that is not a reading centre has no worklist.
     */
    @Test
    void remoteReadingGivesNothingToAnyoneButItsTwoSides() {
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        org.musubi.imaging.reading.remote.ReadingFixtures.centre(jdbc, centre, "CT");
        org.musubi.imaging.reading.remote.ReadingFixtures.Study study =
                org.musubi.imaging.reading.remote.ReadingFixtures.study(clients, port, identities, imagingIndex,
                        consents, accounts.networkAdmin().id(), hospital, "CT");
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        doctor.get("/imaging/viewer/studies/" + study.uid());
        HttpResponse<String> asked = doctor.post("/imaging/reading/requests", "study", study.uid(), "centre",
                String.valueOf(centre.id()), "question", "読影をお願いします");
        assertThat(asked.statusCode()).isEqualTo(302);
        String id = WebSession.location(asked).replaceAll(".*/imaging/reading/requests/([0-9]+).*", "$1");
        String nobodysStudy = org.musubi.testing.DicomStudies.uid();
        String nobodysRequest = "9" + id + "000";

        List<User> attackers = List.of(accounts.memberOf(accounts.newHospital(), Profession.DOCTOR),
                accounts.memberOf(centre, Profession.NURSE), accounts.memberOf(centre, Profession.MEDICAL_CLERK));
        for (User attacker : attackers) {
            WebSession web = accounts.signedIn(port, attacker);
            String who = attacker.profession() + "@" + attacker.memberships().getFirst().facilityId();
            sameAsNobodys(web, who, "/imaging/viewer/studies/" + study.uid(), "/imaging/viewer/studies/" + nobodysStudy);
            for (String path : List.of("/imaging/reading/worklist/%s", "/imaging/reading/requests/%s")) {
                sameAsNobodys(web, who, path.formatted(id), path.formatted(nobodysRequest));
            }
            assertThat(web.get("/imaging/reading/worklist").statusCode()).as(who).isEqualTo(404);
            for (String centreId : List.of(String.valueOf(centre.id()), String.valueOf(hospital.id()))) {
                web.get("/");
                HttpResponse<String> requested = web.post("/imaging/reading/requests", "study", study.uid(), "centre",
                        centreId, "question", "q");
                web.get("/");
                HttpResponse<String> none = web.post("/imaging/reading/requests", "study", nobodysStudy, "centre",
                        centreId, "question", "q");
                assertThat(requested.statusCode()).as(who + " requests").isEqualTo(404);
                assertThat(withoutToken(requested.body())).as(who + " requests")
                        .isEqualTo(withoutToken(none.body()));
            }
            for (String step : List.of("claim", "release", "decline", "report")) {
                web.get("/");
                assertThat(web.post("/imaging/reading/worklist/" + id + "/" + step, "reason", "x", "impression", "x",
                        "confirmed", "yes").statusCode()).as(who + " " + step).isEqualTo(404);
                assertThat(web.post("/imaging/reading/worklist/" + id + "/" + step, "reason", "x", "impression", "x")
                        .statusCode()).as(who + " " + step + ", asked").isEqualTo(404);
            }
            for (String step : List.of("cancel", "acknowledge")) {
                web.get("/");
                assertThat(web.post("/imaging/reading/requests/" + id + "/" + step, "confirmed", "yes").statusCode())
                        .as(who + " " + step)
                        .isEqualTo(404);
                assertThat(web.post("/imaging/reading/requests/" + id + "/" + step).statusCode())
                        .as(who + " " + step + ", asked").isEqualTo(404);
            }
        }

        WebSession reader = accounts.signedIn(port, accounts.memberOf(centre, Profession.DOCTOR));
        sameAsNobodys(reader, "a guessed id", "/imaging/reading/worklist/" + nobodysRequest,
                "/imaging/reading/worklist/" + ("8" + id + "000"));
        reader.get("/imaging/reading/worklist/" + id);
        assertThat(reader.post("/imaging/reading/worklist/" + id + "/claim").statusCode()).isEqualTo(302);
        WebSession second = accounts.signedIn(port, accounts.memberOf(centre, Profession.DOCTOR));
        second.get("/imaging/reading/worklist");
        for (String step : List.of("release", "report", "claim")) {
            assertThat(second.post("/imaging/reading/worklist/" + id + "/" + step, "impression", "x").statusCode())
                    .as("another reader's claim: " + step).isEqualTo(404);
        }
        assertThat(reader.get("/imaging/viewer/studies/" + study.uid()).statusCode()).isEqualTo(200);
        doctor.get("/imaging/reading/requests/" + id);
        assertThat(doctor.post("/imaging/reading/requests/" + id + "/cancel", "confirmed", "yes").statusCode())
                .isEqualTo(302);
        sameAsNobodys(reader, "a cancelled request's grant", "/imaging/viewer/studies/" + study.uid(),
                "/imaging/viewer/studies/" + nobodysStudy);
        sameAsNobodys(reader, "a cancelled request", "/imaging/reading/worklist/" + id,
                "/imaging/reading/worklist/" + nobodysRequest);
        assertThat(doctor.get("/imaging/reading/worklist").statusCode()).as("not a reading centre").isEqualTo(404);
    }

    /** {@code theirs} answers {@code web} exactly as {@code nobodys} does: 404, same page modulo the CSRF token. */
    private static void sameAsNobodys(WebSession web, String who, String theirs, String nobodys) {
        HttpResponse<String> answer = web.get(theirs);
        HttpResponse<String> none = web.get(nobodys);
        assertThat(answer.statusCode()).as(who + " " + theirs).isEqualTo(404);
        assertThat(withoutToken(answer.body()).replace(theirs, "P")).as(who + " " + theirs)
                .isEqualTo(withoutToken(none.body()).replace(nobodys, "P"));
    }

    // ---- end of issue 47, reading ------------------------------------------------------------------------------------

    // ---- issue 47, double: double reading programmes -----------------------------------------------------------------

    @Autowired
    org.musubi.imaging.reading.programme.Programmes readingProgrammes;

    /**
     * Double reading: for a study hospital A submitted to centre C's programme, a doctor of C outside the pool, C's
     * nurse and clerk, another hospital's doctor get for the viewer, the entry's page and its steps exactly what an
     * entry or study nobody has answers; a reader never sees the other's reading before both are in, never compares
     * their own, and a guessed id is nothing; another facility cannot submit A's study; statistics only for the chief
     * and operators; the programmes' page only for operators.
     */
    @Test
    void doubleReadingGivesNothingToAnyoneOutsideItsStep() {
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        User chief = accounts.memberOf(centre, Profession.DOCTOR);
        List<User> pool = List.of(accounts.memberOf(centre, Profession.DOCTOR), accounts.memberOf(centre, Profession.DOCTOR));
        org.musubi.imaging.reading.programme.Programme programme = readingProgrammes.create(
                accounts.networkAdmin().id(), true, "検診 " + centre.id(),
                org.musubi.imaging.reading.programme.Programme.Kind.GASTRIC_ENDOSCOPY, "ES", centre.id(), chief.id(),
                pool.stream().map(User::id).toList()).orElseThrow();
        org.musubi.imaging.reading.remote.ReadingFixtures.Study study =
                org.musubi.imaging.reading.remote.ReadingFixtures.study(clients, port, identities, imagingIndex,
                        consents, accounts.networkAdmin().id(), hospital, "ES");
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        doctor.get("/imaging/viewer/studies/" + study.uid());
        HttpResponse<String> submitted = doctor.post("/imaging/double", "study", study.uid(), "programme",
                String.valueOf(programme.id()));
        assertThat(submitted.statusCode()).isEqualTo(302);
        String id = WebSession.location(submitted).replaceAll(".*submitted=([0-9]+).*", "$1");
        String nobodysStudy = org.musubi.testing.DicomStudies.uid();
        String nobodys = "9" + id + "000";

        List<User> attackers = List.of(accounts.memberOf(centre, Profession.DOCTOR),
                accounts.memberOf(centre, Profession.NURSE), accounts.memberOf(centre, Profession.MEDICAL_CLERK),
                accounts.memberOf(accounts.newHospital(), Profession.DOCTOR), chief);
        for (User attacker : attackers) {
            WebSession web = accounts.signedIn(port, attacker);
            String who = attacker.profession() + "@" + attacker.memberships().getFirst().facilityId()
                    + (attacker == chief ? " (the chief, before the comparison)" : "");
            sameAsNobodys(web, who, "/imaging/viewer/studies/" + study.uid(), "/imaging/viewer/studies/" + nobodysStudy);
            sameAsNobodys(web, who, "/imaging/double/" + id, "/imaging/double/" + nobodys);
            for (String step : List.of("read", "compare")) {
                web.get("/");
                assertThat(web.post("/imaging/double/" + id + "/" + step, "category", "NO_FURTHER_EXAM").statusCode())
                        .as(who + " " + step).isEqualTo(404);
            }
            web.get("/");
            HttpResponse<String> theirs = web.post("/imaging/double", "study", study.uid(), "programme",
                    String.valueOf(programme.id()));
            web.get("/");
            HttpResponse<String> none = web.post("/imaging/double", "study", nobodysStudy, "programme",
                    String.valueOf(programme.id()));
            assertThat(theirs.statusCode()).as(who + " submits A's study").isEqualTo(404);
            assertThat(withoutToken(theirs.body())).as(who).isEqualTo(withoutToken(none.body()));
            if (attacker != chief) {
                assertThat(web.get("/imaging/programmes/" + programme.id() + "/statistics").statusCode()).as(who)
                        .isEqualTo(404);
            }
            assertThat(web.get("/imaging/programmes").statusCode()).as(who).isEqualTo(404);
        }

        // the two readers: blind, once, never comparing
        org.musubi.imaging.reading.DoubleReading readers = readingProgrammesEntry(Long.parseLong(id));
        WebSession first = accounts.signedIn(port, pool.stream().filter(u -> u.id() == readers.first())
                .findFirst().orElseThrow());
        WebSession second = accounts.signedIn(port, pool.stream().filter(u -> u.id() == readers.second())
                .findFirst().orElseThrow());
        first.get("/imaging/double/" + id);
        assertThat(first.post("/imaging/double/" + id + "/read", "category", "FURTHER_EXAM").statusCode()).isEqualTo(302);
        HttpResponse<String> secondSees = second.get("/imaging/double/" + id);
        assertThat(secondSees.statusCode()).isEqualTo(200);
        assertThat(secondSees.body()).as("blind").doesNotContain("programme-readings").doesNotContain("first-reading");
        assertThat(second.post("/imaging/double/" + id + "/compare", "category", "FURTHER_EXAM").statusCode())
                .isEqualTo(404);
        assertThat(second.post("/imaging/double/" + id + "/read", "category", "NO_FURTHER_EXAM").statusCode())
                .isEqualTo(302);
        first.get("/");
        assertThat(first.post("/imaging/double/" + id + "/compare", "category", "FURTHER_EXAM").statusCode())
                .as("a reader compares not their own reading").isEqualTo(404);
        assertThat(first.get("/imaging/programmes/" + programme.id() + "/statistics").statusCode()).isEqualTo(404);
        assertThat(accounts.signedIn(port, chief).get("/imaging/programmes/" + programme.id() + "/statistics")
                .statusCode()).isEqualTo(200);
    }

    /** The two readers assigned to programme entry {@code id}, as its row holds them. */
    private org.musubi.imaging.reading.DoubleReading readingProgrammesEntry(long id) {
        return jdbc.sql("SELECT first_reader, second_reader FROM reading_double WHERE id = ?").params(id)
                .query((rs, n) -> org.musubi.imaging.reading.DoubleReading.assigned(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    // ---- end of issue 47, double ------------------------------------------------------------------------------------

    // ---- issue 64, imaging without an archive: the page "imaging is not set up" ----------------------------------------

    /**
     * The page every imaging page forwards to while no archive is configured ({@code /imaging/not-set-up}) is, on a
     * Musubi with an archive, a page nobody has: for a doctor, a nurse, a clerk and a network administrator, by GET and
     * by POST, it answers exactly what a path nobody has under {@code /imaging} answers (404, same page modulo the CSRF
     * token), and an anonymous caller is sent to the login as for any such path. Without an archive the page is the
     * same for every user and path and reads nothing ({@code ImagingNotSetUpBrowserIT}).
     */
    @Test
    void theImagingNotSetUpPageIsNothingWhereAnArchiveIs() {
        Facility hospital = accounts.newHospital();
        List<User> callers = List.of(accounts.memberOf(hospital, Profession.DOCTOR),
                accounts.memberOf(hospital, Profession.NURSE), accounts.memberOf(hospital, Profession.MEDICAL_CLERK),
                accounts.networkAdmin());
        for (User caller : callers) {
            WebSession web = accounts.signedIn(port, caller);
            String who = caller.profession() + (caller.networkAdmin() ? " (network admin)" : "");
            sameAsNobodys(web, who, "/imaging/not-set-up", "/imaging/no-such-page");
            web.get("/");
            HttpResponse<String> posted = web.post("/imaging/not-set-up");
            web.get("/");
            HttpResponse<String> none = web.post("/imaging/no-such-page");
            assertThat(posted.statusCode()).as(who + " POST").isEqualTo(none.statusCode());
            assertThat(withoutToken(posted.body()).replace("/imaging/not-set-up", "P")).as(who + " POST")
                    .isEqualTo(withoutToken(none.body()).replace("/imaging/no-such-page", "P"));
        }
        HttpResponse<String> anonymous = new WebSession(port).get("/imaging/not-set-up");
        HttpResponse<String> anonymousNone = new WebSession(port).get("/imaging/no-such-page");
        assertThat(anonymous.statusCode()).isEqualTo(anonymousNone.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(anonymous)).isEqualTo(WebSession.location(anonymousNone));
    }

    // ---- end of issue 64, imaging without an archive -------------------------------------------------------------------
    // ---- issue 48, research: research projects, cohort counts and the opt-out ------------------------------------------

    /**
     * Research projects: every web caller of clinic B — a doctor there with an approved project of their own among
     * them — gets, for hospital A's approved project (its page, a count, its ethics PDF, closing it), exactly what a
     * project id nobody has gets; A's own researcher gets the same for the counts of A's refused project; the public
     * list shows neither the refused project nor one still applied for; B's callers cannot opt a person out at the
     * counter (an operator's page) and the register is unchanged.
     */
    @Test
    void clinicBNeverSeesNorCountsAnotherResearchersProject() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User theirs = accounts.memberOf(hospital, Profession.DOCTOR);
        User ours = accounts.memberOf(clinic, Profession.DOCTOR);
        long approved = researchProject(theirs, "承認済み", org.musubi.research.ProjectStatus.APPROVED);
        long refused = researchProject(theirs, "不承認", org.musubi.research.ProjectStatus.REFUSED);
        long applied = researchProject(theirs, "申請中", null);
        researchProject(ours, "B の研究", org.musubi.research.ProjectStatus.APPROVED);
        long nobody = approved + 1_000_000;
        long person = linkedConsentedPatientAt(hospital);
        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        callers.add(new Armed(Attacker.user(Profession.DOCTOR), ours.id(), null, accounts.signedIn(port, ours)));
        for (Armed caller : callers) {
            WebSession web = caller.web();
            for (String[] attempt : List.<String[]>of(new String[] {"GET", ""}, new String[] {"POST", "/count"},
                    new String[] {"GET", "/ethics.pdf"}, new String[] {"POST", "/close"})) {
                HttpResponse<String> answer = researchAttempt(web, attempt, approved);
                HttpResponse<String> none = researchAttempt(web, attempt, nobody);
                String what = caller.attacker().name() + " " + attempt[0] + " " + attempt[1];
                assertThat(answer.statusCode()).as(what).isEqualTo(404);
                assertThat(withoutToken(answer.body()).replace("/research/" + approved, "/research/X")).as(what)
                        .isEqualTo(withoutToken(none.body()).replace("/research/" + nobody, "/research/X"));
            }
            assertThat(web.post("/admin/persons/" + person + "/research-opt-out", "optOut", "true").statusCode())
                    .as(caller.attacker().name()).isNotEqualTo(302);
        }
        assertThat(researchOptOuts.look(person).orElseThrow().optedOut()).isFalse();
        WebSession owner = accounts.signedIn(port, theirs);
        HttpResponse<String> refusedCount = owner.post("/research/" + refused + "/count");
        HttpResponse<String> unknownCount = owner.post("/research/" + nobody + "/count");
        assertThat(refusedCount.statusCode()).isEqualTo(404);
        assertThat(withoutToken(refusedCount.body()).replace("/research/" + refused, "/research/X"))
                .isEqualTo(withoutToken(unknownCount.body()).replace("/research/" + nobody, "/research/X"));
        String published = new WebSession(port).get("/public/research").body();
        assertThat(published).contains("承認済み " + approved).doesNotContain("不承認 " + refused, "申請中 " + applied);
    }

    @Autowired
    org.musubi.research.ResearchDesk researchDesk;
    @Autowired
    org.musubi.research.OptOuts researchOptOuts;

    private long researchProject(User applicant, String title, org.musubi.research.ProjectStatus decision) {
        java.time.LocalDate today = researchDesk.today();
        org.musubi.research.Scope scope = new org.musubi.research.Scope(new org.musubi.research.Criteria(List.of("E11"),
                List.of(), null, null, null, null, null, null, null), List.of("DIAGNOSES"), java.util.Map.of());
        long id = researchDesk.apply(new org.musubi.research.Researcher(applicant.id(), false, true),
                new org.musubi.research.ResearchDesk.Form(title, "大学", "目的", "E-1", "0".repeat(64), 10, today,
                        today.plusMonths(6), scope, List.of()));
        jdbc.sql("UPDATE research_project SET title = title || ' ' || id WHERE id = ?").param(id).update();
        if (decision != null) {
            researchDesk.decide(new org.musubi.research.Researcher(accounts.networkAdmin().id(), true, false), id,
                    decision, null, decision == org.musubi.research.ProjectStatus.APPROVED ? null : "理由");
        }
        return id;
    }

    private static HttpResponse<String> researchAttempt(WebSession web, String[] attempt, long id) {
        String path = "/research/" + id + attempt[1];
        // closing is asked once (issue 67): the attempt is the confirmed POST a person would send
        return "GET".equals(attempt[0]) ? web.get(path)
                : "/close".equals(attempt[1]) ? web.post(path, "confirmed", "yes") : web.post(path);
    }

    // ---- end of issue 48, research --------------------------------------------------------------------------------------

    // ---- issue 48, export2: FHIR Bulk Data $export ------------------------------------------------------------------

    /**
     * Hospital A's system exports its patients. Every caller of clinic B — its systems' tokens, each profession's
     * browser session — and a second system of A itself get, for A's export's status URL, one of its files and its
     * cancellation, exactly what a guessed export id gets (404, the same body but for the id), each audited once; a
     * file URL without a token is 401; A's export is untouched afterwards. B's system gets for a Group named after A's
     * patient what a Group nobody has gets; another hospital's own export holds its own patient and nothing of A's. A
     * researcher — a doctor of B named on an approved project, in the browser — and A's own system declaring the
     * purpose of research get no export.
     */
    @Test
    void clinicBNeverReachesHospitalAsBulkExportNorItsPatientsThroughOne() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        var writer = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String local = FhirRecords.localId();
        FhirRecords.registerPatient(writer, hospital, local, FhirRecords.uniqueKana());
        long person = clients.linkedPersonOf(hospital, local);
        String lab = FhirRecords.create(writer, FhirRecords.lab(hospital, local, FhirRecords.HBA1C, "2026-02-01", 6.6));
        String owner = clients.token(port, clients.register(hospital, "system/*.read"));
        String status = bulkKickOff(new RawApi(port, owner), "$export").headers().firstValue("Content-Location")
                .orElseThrow();
        HttpResponse<String> manifest = org.musubi.fhirapi.export.BulkExports.poll(status, owner);
        assertThat(manifest.statusCode()).isEqualTo(200);
        String file = org.musubi.fhirapi.export.BulkExports.outputs(manifest.body()).getFirst().url();
        String id = status.substring(status.lastIndexOf('/') + 1);
        String guessedId = java.util.UUID.randomUUID().toString();
        String guessed = status.replace(id, guessedId);
        List<Armed> callers = new ArrayList<>(callers(clinic));
        ApiClientAdministration.NewApiClient sibling = clients.register(hospital, "system/*.read");
        callers.add(new Armed(Attacker.system("A's other system", "system/*.read"), sibling.client().userId(),
                new RawApi(port, clients.token(port, sibling)), null));
        for (Armed caller : callers) {
            String who = caller.attacker().toString();
            for (String[] attempt : List.<String[]>of(new String[] {"GET", status, guessed},
                    new String[] {"GET", file, file.replace(id, guessedId)},
                    new String[] {"DELETE", status, guessed})) {
                if (caller.api() == null && attempt[0].equals("DELETE")) {
                    continue; // a session never writes on /fhir (403 before any of Musubi's code)
                }
                long before = audit.max();
                HttpResponse<String> real = bulkAs(caller, attempt[0], attempt[1]);
                HttpResponse<String> none = bulkAs(caller, attempt[0], attempt[2]);
                String what = who + " " + attempt[0] + " " + attempt[1];
                assertThat(real.statusCode()).as(what).isEqualTo(404);
                assertThat(real.body().replace(id, "X")).as(what).isEqualTo(none.body().replace(guessedId, "X"));
                assertThat(audit.countByUser(before, caller.userId())).as(what + ": audited once each").isEqualTo(2);
            }
        }
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", file, null).statusCode()).isEqualTo(401);
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", status, null).statusCode()).isEqualTo(401);
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", status, owner).statusCode()).as("untouched")
                .isEqualTo(200);
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", file, owner).statusCode()).isEqualTo(200);

        RawApi clinicSystem = callers.getFirst().api();
        HttpResponse<String> group = bulkKickOff(clinicSystem, "Group/" + person + "/$export");
        HttpResponse<String> nobodys = bulkKickOff(clinicSystem, "Group/" + (person + 1_000_000) + "/$export");
        assertThat(group.statusCode()).isEqualTo(404);
        assertThat(group.body().replace(String.valueOf(person), "X"))
                .isEqualTo(nobodys.body().replace(String.valueOf(person + 1_000_000), "X"));

        Facility another = accounts.newHospital();
        var theirs = clients.fhirFor(port, another, "system/*.read", "system/*.write");
        String own = FhirRecords.localId();
        FhirRecords.registerPatient(theirs, another, own, FhirRecords.uniqueKana());
        String ownLab = FhirRecords.create(theirs, FhirRecords.lab(another, own, FhirRecords.HBA1C, "2026-02-02", 5.5));
        String exporter = clients.token(port, clients.register(another, "system/*.read"));
        HttpResponse<String> theirManifest = org.musubi.fhirapi.export.BulkExports.poll(bulkKickOff(
                new RawApi(port, exporter), "Patient/$export").headers().firstValue("Content-Location").orElseThrow(),
                exporter);
        var exported = org.musubi.fhirapi.export.BulkExports.download(org.musubi.fhirapi.export.BulkExports.outputs(
                theirManifest.body()), exporter, clients.context());
        assertThat(exported.get("Observation")).containsExactly(ownLab);
        assertThat(exported.values().stream().flatMap(java.util.Set::stream)).doesNotContain(lab);

        User researcher = accounts.memberOf(clinic, Profession.DOCTOR);
        researchProject(researcher, "一括出力を試みる研究", org.musubi.research.ProjectStatus.APPROVED);
        WebSession researcherSession = accounts.signedIn(port, researcher).withHeader("Prefer", "respond-async");
        long before = audit.max();
        assertThat(researcherSession.get("/fhir/$export").statusCode()).as("a researcher's session").isEqualTo(403);
        assertThat(new RawApi(port, owner).send("GET", "$export", null, Map.of("Prefer", "respond-async",
                "X-Purpose-Of-Use", "HRESCH")).statusCode()).as("research through a system").isEqualTo(403);
        assertThat(audit.countByUser(before, researcher.id())).isEqualTo(1);
    }

    private HttpResponse<String> bulkKickOff(RawApi api, String path) {
        return api.send("GET", path, null, Map.of("Prefer", "respond-async"));
    }

    private static HttpResponse<String> bulkAs(Armed caller, String method, String url) {
        if (caller.api() != null) {
            return org.musubi.fhirapi.export.BulkExports.send(method, url, caller.api().token());
        }
        return caller.web().get(url.substring(url.indexOf("/fhir/")));
    }

    // ---- end of issue 48, export2 -----------------------------------------------------------------------------------

    // ---- issue 47, ai2: the AI plug-in (Ask AI, the scoped DICOMweb route, the callback, the operators' page) ----------

    @Autowired
    org.musubi.imaging.ai.AiTimer aiTimer;
    @Autowired
    org.musubi.imaging.ai.AiAdministration aiAdministration;
    @Autowired
    org.musubi.imaging.ai.AiLinks aiLinks;

    /**
     * The AI plug-in as an attacker meets it: another facility's doctor asking AI about hospital A's study gets what a
     * study nobody has answers; a guessed, expired or altered pixel token, a valid token for another study's UID, a
     * method other than GET, each answer the same 404 and leave one DENY audit row; a callback with another work item's
     * token is 404 and enters nothing; the operators' page is a network admin's only; none of the services' routes
     * creates a session. The service is a stub written for the test ({@code AiStub}), standing in for the outside model.
     */
    @Test
    void theAiPlugInGivesNothingToAnyoneButTheStudysOwnSideAndItsService() throws Exception {
        Facility hospital = accounts.newHospital();
        long admin = accounts.networkAdmin().id();
        var first = org.musubi.imaging.reading.remote.ReadingFixtures.study(clients, port, identities, imagingIndex,
                consents, admin, hospital, "CT");
        var second = org.musubi.imaging.reading.remote.ReadingFixtures.study(clients, port, identities, imagingIndex,
                consents, admin, hospital, "CT");
        String nobodys = org.musubi.testing.DicomStudies.uid();
        try (org.musubi.imaging.ai.AiStub stub = org.musubi.imaging.ai.AiStub.start()) {
            String name = "AttackAI-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            long service = stub.register(aiAdministration, name, "CT");

            WebSession stranger = accounts.signedIn(port, accounts.memberOf(accounts.newHospital(), Profession.DOCTOR));
            stranger.get("/");
            HttpResponse<String> theirs = stranger.post("/imaging/ai/requests", "study", first.uid(), "service",
                    String.valueOf(service));
            stranger.get("/");
            HttpResponse<String> none = stranger.post("/imaging/ai/requests", "study", nobodys, "service",
                    String.valueOf(service));
            assertThat(theirs.statusCode()).as("another facility's doctor asks AI").isEqualTo(404);
            assertThat(withoutToken(theirs.body()).replace(first.uid(), "X"))
                    .isEqualTo(withoutToken(none.body()).replace(nobodys, "X"));
            assertThat(jdbc.sql("SELECT count(*) FROM ai_work_item WHERE service_id = ?").param(service)
                    .query(Long.class).single()).isZero();

            WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
            for (String uid : List.of(first.uid(), second.uid())) {
                doctor.get("/imaging/viewer/studies/" + uid);
                assertThat(doctor.post("/imaging/ai/requests", "study", uid, "service", String.valueOf(service))
                        .statusCode()).isEqualTo(302);
            }
            aiTimer.runNow();
            var one = stub.next();
            var two = stub.next();
            String root = "/imaging/ai/dicomweb/";
            String valid = one.pixelToken();
            String altered = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");
            String expired = aiLinks.tokens().pixelToken(one.workItemId(), one.studyUid(),
                    java.time.Instant.now().minusSeconds(5));
            String otherItem = (one.workItemId() + 1000) + valid.substring(valid.indexOf('.'));
            WebSession anonymous = new WebSession(port);
            for (String[] probe : List.of(new String[] {"guessed", "1.9999999999.AAAA", one.studyUid()},
                    new String[] {"altered", altered, one.studyUid()}, new String[] {"expired", expired, one.studyUid()},
                    new String[] {"another work item's id", otherItem, one.studyUid()},
                    new String[] {"another study's UID", valid, two.studyUid()},
                    new String[] {"a study nobody has", valid, nobodys})) {
                long before = audit.max();
                HttpResponse<String> answer = anonymous.withHeader("Authorization", "Bearer " + probe[1])
                        .get(root + probe[1] + "/studies/" + probe[2] + "/series");
                assertThat(answer.statusCode()).as(probe[0]).isEqualTo(404);
                assertThat(answer.body()).as(probe[0]).isEqualTo("not found\n");
                assertThat(answer.headers().allValues("Set-Cookie")).as(probe[0] + ": no session").isEmpty();
                assertThat(audit.rows(before, "system:ai-pixels")).as(probe[0] + ": one DENY row")
                        .extracting(r -> r.outcome()).containsExactly("DENY");
            }
            HttpResponse<String> posted = anonymous.withHeader("Authorization", "Bearer " + valid)
                    .post(root + valid + "/studies/" + one.studyUid() + "/series");
            assertThat(posted.statusCode()).as("not GET").isEqualTo(404);

            HttpResponse<String> crossed = stub.post(one.callbackUrl(), two.callbackToken(),
                    org.musubi.imaging.ai.AiStub.findings(one.workItemId()));
            assertThat(crossed.statusCode()).as("another work item's callback token").isEqualTo(404);
            assertThat(crossed.body()).isEqualTo("not found\n");
            long guessed = Math.max(one.workItemId(), two.workItemId()) + 1000;
            assertThat(stub.post(one.callbackUrl().substring(0, one.callbackUrl().lastIndexOf('/') + 1) + guessed,
                    one.callbackToken(), org.musubi.imaging.ai.AiStub.findings(guessed)).statusCode())
                    .as("a guessed work item").isEqualTo(404);
            assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE id = ?")
                    .param("ai-" + one.workItemId() + "-report").query(Long.class).single()).isZero();

            for (User notAdmin : List.of(accounts.adminOf(hospital), accounts.memberOf(hospital, Profession.DOCTOR))) {
                WebSession web = accounts.signedIn(port, notAdmin);
                HttpResponse<String> page = web.get("/admin/imaging/ai");
                assertThat(page.statusCode()).as(notAdmin.profession() + " on the operators' page").isIn(403, 404);
                assertThat(page.body()).doesNotContain(name);
                assertThat(web.get("/admin/imaging/ai/" + service).statusCode()).isIn(403, 404);
                web.get("/");
                assertThat(web.post("/admin/imaging/ai", "id", String.valueOf(service), "name", name, "baseUrl",
                        "https://evil.example.jp", "modelName", "m", "modelVersion", "1", "modalities", "CT")
                        .statusCode()).isIn(403, 404);
            }
            assertThat(jdbc.sql("SELECT base_url FROM ai_service WHERE id = ?").param(service).query(String.class)
                    .single()).isEqualTo(stub.url());
        }
    }

    // ---- end of issue 47, ai2 -------------------------------------------------------------------------------------------

    // ---- issue 48, extract: de-identified extractions, their pages and downloads ---------------------------------------

    /**
     * De-identified extractions: hospital A's researcher has a finished extraction of A's approved project. Every web
     * caller of clinic B — a researcher with an approved project (and an extraction) of their own among them, who also
     * tries A's extraction under their own project's path — and an operator who is not one of A's named users get, for
     * A's extraction's page and its report, exactly what an extraction id nobody has gets; B's callers cannot start an
     * extraction of A's project either (the same answer as for a project nobody has), and no extraction was queued.
     */
    @Test
    void onlyTheNamedUsersSeeAndDownloadAnExtraction() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User theirs = accounts.memberOf(hospital, Profession.DOCTOR);
        User ours = accounts.memberOf(clinic, Profession.DOCTOR);
        long project = researchProject(theirs, "抽出", org.musubi.research.ProjectStatus.APPROVED);
        long ownProject = researchProject(ours, "B の抽出", org.musubi.research.ProjectStatus.APPROVED);
        long extraction = extractionDesk.start(new org.musubi.research.Researcher(theirs.id(), false, true), project);
        long own = extractionDesk.start(new org.musubi.research.Researcher(ours.id(), false, true), ownProject);
        extractionRunner.drain();
        WebSession owner = accounts.signedIn(port, theirs);
        String mine = "/research/" + project + "/extractions/" + extraction;
        assertThat(owner.get(mine).body()).contains("data-state=\"DONE\"");
        assertThat(owner.getBytes(mine + "/files/report.json").statusCode()).isEqualTo(200);
        long nobody = extraction + 1_000_000;
        String none = "/research/" + project + "/extractions/" + nobody;

        List<Object[]> callers = new ArrayList<>();
        callers(clinic).stream().filter(c -> c.web() != null)
                .forEach(c -> callers.add(new Object[] {c.attacker().name(), c.web()}));
        WebSession researcherB = accounts.signedIn(port, ours);
        callers.add(new Object[] {"B's researcher", researcherB});
        callers.add(new Object[] {"an operator not named", accounts.signedIn(port, accounts.networkAdmin())});
        long queued = jdbc.sql("SELECT count(*) FROM research_extraction WHERE project_id = ?").param(project)
                .query(Long.class).single();
        for (Object[] caller : callers) {
            WebSession web = (WebSession) caller[1];
            for (String suffix : List.of("", "/files/report.json", "/files/Patient.ndjson")) {
                HttpResponse<String> answer = web.get(mine + suffix);
                HttpResponse<String> missing = web.get(none + suffix);
                assertThat(answer.statusCode()).as(caller[0] + suffix).isEqualTo(404);
                assertThat(withoutToken(answer.body()).replace(mine, "/X")).as(caller[0] + suffix)
                        .isEqualTo(withoutToken(missing.body()).replace(none, "/X"));
            }
            if (!"an operator not named".equals(caller[0])) {
                HttpResponse<String> start = web.post("/research/" + project + "/extractions");
                HttpResponse<String> startNone = web.post("/research/" + (project + 1_000_000) + "/extractions");
                assertThat(start.statusCode()).as(caller[0] + " start").isEqualTo(startNone.statusCode());
                assertThat(withoutToken(start.body()).replace("/research/" + project, "/research/X"))
                        .isEqualTo(withoutToken(startNone.body()).replace("/research/" + (project + 1_000_000),
                                "/research/X"));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM research_extraction WHERE project_id = ?").param(project)
                .query(Long.class).single()).isEqualTo(queued);
        String across = "/research/" + ownProject + "/extractions/" + extraction;
        String acrossNone = "/research/" + ownProject + "/extractions/" + nobody;
        HttpResponse<String> crossed = researcherB.get(across + "/files/report.json");
        assertThat(crossed.statusCode()).as("A's extraction under B's project").isEqualTo(404);
        assertThat(withoutToken(crossed.body()).replace(across, "/X"))
                .isEqualTo(withoutToken(researcherB.get(acrossNone + "/files/report.json").body()).replace(acrossNone, "/X"));
        assertThat(researcherB.get("/research/" + ownProject + "/extractions/" + own).statusCode())
                .as("B's own extraction").isEqualTo(200);
    }

    @Autowired
    org.musubi.research.extraction.ExtractionDesk extractionDesk;
    @Autowired
    org.musubi.research.extraction.ExtractionRunner extractionRunner;

    // ---- end of issue 48, extract ---------------------------------------------------------------------------------------

    // ---- issue 48, research-export: a research project's cohort as a Bulk Data export (Group/research-<project>) --------

    /**
     * Hospital A's doctor, named on A's approved project, exports its cohort ({@code Group/research-<project>}, in the
     * doctor's session with the purpose of research) and the export is done. Every caller of clinic B — its systems'
     * tokens and each profession's session —, B's researcher named on an approved project of B's own, A's colleague named
     * on the same project (who did not start it) and an operator who is not named get, for the export's status URL,
     * its Condition file and its cancellation, exactly what a research export id nobody has gets (404, the same body
     * but for the id), audited once each. B's researcher and B's system get for A's project's Group what a Group nobody
     * has gets. A's researcher reaches no raw data through an export: the purpose of research is refused at system and
     * Patient level, and a Group named after a person of the cohort is an unknown Group. Once expired, the export
     * answers its owner as unknown too; before that it was untouched by all of the above.
     */
    @Test
    void onlyTheResearcherWhoStartedAResearchExportReachesItAndNoExportReachesTheRecordForResearch() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User theirs = accounts.memberOf(hospital, Profession.DOCTOR);
        User colleague = accounts.memberOf(hospital, Profession.NURSE);
        User ours = accounts.memberOf(clinic, Profession.DOCTOR);
        String town = org.musubi.testing.ResearchPatients.town();
        var writer = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        java.time.LocalDate born = researchDesk.today().minusYears(45);
        long member = 0;
        for (int i = 0; i < 6; i++) {
            member = org.musubi.testing.ResearchPatients.create(clients, jdbc, writer, hospital, "FEMALE",
                    born.minusDays(i), town, "E11.9", new ArrayList<>());
        }
        long project = cohortProject(theirs, colleague, town);
        researchProject(ours, "B の一括出力", org.musubi.research.ProjectStatus.APPROVED);
        WebSession owner = accounts.signedIn(port, theirs);
        HttpResponse<String> kicked = researchKickOff(owner, "Group/research-" + project);
        assertThat(kicked.statusCode()).as(kicked.body()).isEqualTo(202);
        String status = kicked.headers().firstValue("Content-Location").orElseThrow();
        extractionRunner.drain();
        HttpResponse<String> manifest = researchBulkAs(owner, null, "GET", status);
        assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
        String file = org.musubi.fhirapi.export.BulkExports.outputs(manifest.body()).stream()
                .filter(o -> o.type().equals("Condition")).findFirst().orElseThrow().url();
        String id = status.substring(status.lastIndexOf('/') + 1);
        String guessedId = "research-" + (Long.parseLong(id.substring("research-".length())) + 1_000_000);

        List<Armed> callers = new ArrayList<>(callers(clinic));
        callers.add(new Armed(Attacker.user(Profession.DOCTOR), ours.id(), null, accounts.signedIn(port, ours)));
        callers.add(new Armed(Attacker.user(Profession.NURSE), colleague.id(), null, accounts.signedIn(port, colleague)));
        User operator = accounts.networkAdmin();
        callers.add(new Armed(Attacker.user(Profession.DOCTOR), operator.id(), null, accounts.signedIn(port, operator)));
        for (Armed caller : callers) {
            for (String[] attempt : List.<String[]>of(new String[] {"GET", status}, new String[] {"GET", file},
                    new String[] {"DELETE", status})) {
                String what = caller.attacker() + " (user " + caller.userId() + ") " + attempt[0] + " " + attempt[1];
                long before = audit.max();
                HttpResponse<String> real = researchBulkAs(caller.web(), caller.api(), attempt[0], attempt[1]);
                HttpResponse<String> none = researchBulkAs(caller.web(), caller.api(), attempt[0],
                        attempt[1].replace(id, guessedId));
                assertThat(real.statusCode()).as(what).isEqualTo(404);
                assertThat(real.body().replace(id, "X")).as(what).isEqualTo(none.body().replace(guessedId, "X"));
                assertThat(audit.countByUser(before, caller.userId())).as(what + ": audited once each").isEqualTo(2);
            }
        }

        WebSession researcherB = accounts.signedIn(port, ours);
        Armed systemB = callers.getFirst();
        String nobodys = "Group/research-" + (project + 1_000_000);
        for (Armed asker : List.of(new Armed(Attacker.user(Profession.DOCTOR), ours.id(), null, researcherB), systemB)) {
            String mine = "Group/research-" + project;
            long before = audit.max();
            HttpResponse<String> group = asker.api() == null ? researchKickOff(asker.web(), mine)
                    : bulkKickOff(asker.api(), mine + "/$export");
            HttpResponse<String> nobody = asker.api() == null ? researchKickOff(asker.web(), nobodys)
                    : bulkKickOff(asker.api(), nobodys + "/$export");
            assertThat(group.statusCode()).as(asker.attacker() + " on A's project's Group").isEqualTo(404);
            assertThat(group.body().replace("research-" + project, "X")).as(asker.attacker().toString())
                    .isEqualTo(nobody.body().replace(nobodys.substring("Group/".length()), "X"));
            assertThat(audit.countByUser(before, asker.userId())).as("audited once each").isEqualTo(2);
        }

        WebSession raw = accounts.signedIn(port, theirs);
        long before = audit.max();
        assertThat(researchKickOff(raw, "").statusCode()).as("research at system level").isEqualTo(403);
        assertThat(researchKickOff(raw, "Patient").statusCode()).as("research at Patient level").isEqualTo(403);
        HttpResponse<String> person = researchKickOff(raw, "Group/" + member);
        HttpResponse<String> noPerson = researchKickOff(raw, "Group/" + (member + 1_000_000));
        assertThat(person.statusCode()).as("a Group named after a member").isEqualTo(404);
        assertThat(person.body().replace("Group/" + member, "Group/X"))
                .isEqualTo(noPerson.body().replace("Group/" + (member + 1_000_000), "Group/X"));
        assertThat(audit.since(before, theirs.loginId())).hasSize(4).allSatisfy(r -> assertThat(r).contains("DENY"));
        assertThat(jdbc.sql("SELECT count(*) FROM research_extraction WHERE project_id = ?").param(project)
                .query(Long.class).single()).as("nothing more queued").isEqualTo(1);

        assertThat(researchBulkAs(owner, null, "GET", status).statusCode()).as("untouched").isEqualTo(200);
        assertThat(researchBulkAs(owner, null, "GET", file).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE research_extraction SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(Long.parseLong(id.substring("research-".length()))).update();
        for (String url : List.of(status, file)) {
            HttpResponse<String> expired = researchBulkAs(owner, null, "GET", url);
            assertThat(expired.statusCode()).as("expired: " + url).isEqualTo(404);
            assertThat(expired.body().replace(id, "X")).isEqualTo(researchBulkAs(owner, null, "GET",
                    url.replace(id, guessedId)).body().replace(guessedId, "X"));
        }
    }

    /** An approved project of {@code applicant} naming {@code colleague}: diagnoses of E11 in {@code town}. */
    private long cohortProject(User applicant, User colleague, String town) {
        java.time.LocalDate today = researchDesk.today();
        org.musubi.research.Scope scope = new org.musubi.research.Scope(new org.musubi.research.Criteria(List.of("E11"),
                List.of(), null, null, null, null, town, null, null), List.of("DIAGNOSES"), java.util.Map.of());
        long id = researchDesk.apply(new org.musubi.research.Researcher(applicant.id(), false, true),
                new org.musubi.research.ResearchDesk.Form("一括出力 " + town, "大学", "目的", "E-1", "0".repeat(64), 10,
                        today, today.plusMonths(6), scope, List.of(colleague.loginId())));
        researchDesk.decide(new org.musubi.research.Researcher(accounts.networkAdmin().id(), true, false), id,
                org.musubi.research.ProjectStatus.APPROVED, null, null);
        return id;
    }

    /** A kick-off at {@code path} ("" for the system level) in a session, declaring the purpose of research. */
    private HttpResponse<String> researchKickOff(WebSession web, String path) {
        return web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base() + "/fhir/"
                        + (path.isEmpty() ? "" : path + "/") + "$export")).GET().header("Accept", "application/fhir+json")
                .header("Prefer", "respond-async").header("X-Purpose-Of-Use", "HRESCH"));
    }

    /** {@code method} on a bulk URL, with the session's cookie or the system's token. */
    private static HttpResponse<String> researchBulkAs(WebSession web, RawApi api, String method, String url) {
        if (api != null) {
            return org.musubi.fhirapi.export.BulkExports.send(method, url, api.token());
        }
        return web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/fhir+json"));
    }

    // ---- end of issue 48, research-export -------------------------------------------------------------------------------
}
