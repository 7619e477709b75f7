package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * The attacker's suite ({@link AttackMatrixIT}) on imaging: STOW-RS and the indexer's page, the viewer's DICOMweb
 * proxy, remote and double reading, imaging without an archive, the AI plug-in.
 */
@MusubiIntegrationTest
class ImagingAttackIT extends AttackFixtures {

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
    org.musubi.imaging.reading.programme.CreateProgramme programmeCreation;

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
        org.musubi.imaging.reading.programme.Programme programme = programmeCreation.create(
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
}
