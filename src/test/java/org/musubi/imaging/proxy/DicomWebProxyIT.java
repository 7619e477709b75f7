package org.musubi.imaging.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The DICOMweb proxy against the shared Orthanc: a study opened is audited once however many frames are read, the
 * archive's URLs never reach the browser, and a caller without a link — or asking a series or a frame of another
 * study under a study they may see — gets exactly what an unknown study answers, by every URL.
 */
@MusubiIntegrationTest
class DicomWebProxyIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;

    private static final String ANY_SYNTAX = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
    /** What the viewer asks for a frame it must be able to draw: uncompressed (Explicit VR Little Endian). */
    private static final String UNCOMPRESSED =
            "multipart/related; type=\"application/octet-stream\"; transfer-syntax=1.2.840.10008.1.2.1";

    /** A hospital's linked, consenting patient with a CT study of {@code images} images. */
    ViewerStudies.Made studyAt(Facility hospital, int images) throws Exception {
        return studyAt(hospital, images, null).made();
    }

    /** The study, its person and the consent that lets every linked facility see it. */
    record Consented(ViewerStudies.Made made, long person, org.musubi.consent.Consent consent) {
    }

    /** {@link #studyAt(Facility, int)}, its images compressed by {@code compressor} (dcmtk) or not (null). */
    Consented studyAt(Facility hospital, int images, String compressor) throws Exception {
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        ViewerStudies.Made made = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient, images,
                compressor);
        long person = clients.personOf(hospital, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, hospital.id(), admin);
        org.musubi.consent.Consent consent = consents.grant(person, ConsentScope.ALL_FACILITIES, null,
                java.util.Set.of(Purpose.TREATMENT), admin, hospital.id());
        return new Consented(made, person, consent);
    }

    @Test
    void aWithdrawnConsentStopsTheFramesWithinTheRecheckInterval() throws Exception {
        OrthancServer.sharedOrSkip();
        Consented study = studyAt(accounts.newHospital(), 2, null);
        Facility clinic = accounts.newHospital();
        consents.link(study.person(), clinic.id(), accounts.networkAdmin().id());
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);
        String frame = "/imaging/dicomweb/studies/" + study.made().uid() + "/series/" + study.made().dicom().seriesUid(1)
                + "/instances/" + study.made().dicom().instanceUid(1, 1) + "/frames/1";
        web.withHeader("Accept", ANY_SYNTAX);
        assertThat(web.getBytes(frame).statusCode()).as("another facility's doctor, the person consenting").isEqualTo(200);
        assertThat(web.getBytes(frame).statusCode()).isEqualTo(200);

        assertThat(consents.withdraw(study.consent().id(), accounts.networkAdmin().id())).isTrue();
        long withdrawn = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - withdrawn < StudyPasses.RECHECK.plusSeconds(5).toNanos()) {
            status = web.getBytes(frame).statusCode();
            Thread.sleep(100);
        }
        java.time.Duration stoppedAfter = java.time.Duration.ofNanos(System.nanoTime() - withdrawn);
        assertThat(status).as("frames after the consent was withdrawn").isEqualTo(404);
        assertThat(stoppedAfter).as("stopped within the policy's re-check interval (plus a request)")
                .isLessThanOrEqualTo(StudyPasses.RECHECK.plusSeconds(2));
        for (int i = 0; i < 3; i++) {
            assertThat(web.getBytes(frame).statusCode()).as("and stays stopped").isEqualTo(404);
        }
    }

    /**
     * A narrowing write (here a consent withdrawn) moves the version every request learns with its user: the pass is
     * decided again at the very next frame, not after the re-check interval.
     */
    @Test
    void aWithdrawnConsentStopsTheFramesAtTheNextRequest() throws Exception {
        OrthancServer.sharedOrSkip();
        Consented study = studyAt(accounts.newHospital(), 2, null);
        Facility clinic = accounts.newHospital();
        consents.link(study.person(), clinic.id(), accounts.networkAdmin().id());
        WebSession web = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        String frame = "/imaging/dicomweb/studies/" + study.made().uid() + "/series/" + study.made().dicom().seriesUid(1)
                + "/instances/" + study.made().dicom().instanceUid(1, 1) + "/frames/1";
        web.withHeader("Accept", ANY_SYNTAX);
        assertThat(web.getBytes(frame).statusCode()).isEqualTo(200);
        assertThat(web.getBytes(frame).statusCode()).as("served from the remembered decision").isEqualTo(200);

        assertThat(consents.withdraw(study.consent().id(), accounts.networkAdmin().id())).isTrue();
        assertThat(web.getBytes(frame).statusCode()).as("the next frame after the consent was withdrawn").isEqualTo(404);
    }

    @Test
    void aCompressedStudysFrameComesBackUncompressedWhenTheViewerAsksForIt() throws Exception {
        OrthancServer.sharedOrSkip();
        for (String compressor : List.of("/usr/bin/dcmcjpeg", "/usr/bin/dcmcjpls")) {
            Facility hospital = accounts.newHospital();
            ViewerStudies.Made study = studyAt(hospital, 2, compressor).made();
            WebSession web = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
            String frame = "/imaging/dicomweb/studies/" + study.uid() + "/series/" + study.dicom().seriesUid(1)
                    + "/instances/" + study.dicom().instanceUid(1, 2) + "/frames/1";

            HttpResponse<byte[]> stored = web.withHeader("Accept", ANY_SYNTAX).getBytes(frame);
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.headers().firstValue("Content-Type").orElse("")).as(compressor + ": as stored")
                    .contains("transfer-syntax=1.2.840.10008.1.2.4.");

            HttpResponse<byte[]> plain = web.withHeader("Accept", UNCOMPRESSED).getBytes(frame);
            assertThat(plain.statusCode()).as(compressor).isEqualTo(200);
            String type = plain.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as(compressor + ": transcoded by the archive").contains("transfer-syntax=1.2.840.10008.1.2.1")
                    .doesNotContain("1.2.840.10008.1.2.4.");
            assertThat(onlyPart(plain.body(), type)).as(compressor + ": 64 × 64 pixels of 16 bits")
                    .hasSize(64 * 64 * 2);
        }
    }

    /** The body of the only part of a multipart/related answer of type {@code type}. */
    static byte[] onlyPart(byte[] body, String type) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
        assertThat(m.find()).as(type).isTrue();
        byte[] boundary = ("\r\n--" + m.group(1)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n") + 4;
        int end = text.indexOf(new String(boundary, java.nio.charset.StandardCharsets.ISO_8859_1), start);
        assertThat(start).isGreaterThan(3);
        assertThat(end).isGreaterThan(start);
        return java.util.Arrays.copyOfRange(body, start, end);
    }

    @Test
    void aStudyOpenedIsAuditedOnceHoweverManyFramesAreRead() throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        ViewerStudies.Made study = studyAt(hospital, 12);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);
        long before = audit.max();

        HttpResponse<String> page = web.get("/imaging/viewer/studies/" + study.uid());
        assertThat(page.statusCode()).as(() -> String.valueOf(audit.rows(before, doctor.loginId()))).isEqualTo(200);
        // the viewer page alone may compile WASM (the image loader's codecs) and start a worker of its own origin
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self' 'wasm-unsafe-eval';").contains("worker-src 'self';")
                .contains("img-src 'self' data: blob:;").containsOnlyOnce("blob:").containsOnlyOnce("'sha256-")
                .doesNotContain(" 'unsafe-eval'").doesNotContain("'unsafe-inline'")
                .contains("default-src 'self'").contains("frame-ancestors 'none'"));
        String base = "/imaging/dicomweb/studies/" + study.uid();
        String series = study.dicom().seriesUid(1);
        HttpResponse<String> metadata = web.get(base + "/series/" + series + "/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("wasm");
        // the decoding worker runs under its own script's policy: the viewer page's, so that it may compile the codecs
        assertThat(web.get("/js/vendor/cornerstone/decodeImageFrameWorker.js").headers()
                .firstValue("Content-Security-Policy")).isEqualTo(page.headers().firstValue("Content-Security-Policy"));
        assertThat(web.get("/js/vendor/cornerstone/cornerstone.js").headers().firstValue("Content-Security-Policy")
                .orElse("")).doesNotContain("wasm");
        assertThat(metadata.body()).contains(study.dicom().instanceUid(1, 12))
                .doesNotContain(orthanc.url()).doesNotContain(":" + java.net.URI.create(orthanc.url()).getPort())
                .doesNotContain("dicom-web");
        assertThat(web.get(base + "/series").body()).doesNotContain(orthanc.url()).doesNotContain("dicom-web");
        byte[] last = null;
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 12; i++) {
                HttpResponse<byte[]> frame = web.withHeader("Accept",
                                "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")
                        .getBytes(base + "/series/" + series + "/instances/" + study.dicom().instanceUid(1, i) + "/frames/1");
                assertThat(frame.statusCode()).isEqualTo(200);
                assertThat(frame.headers().firstValue("Content-Type").orElse("")).startsWith("multipart/related");
                assertThat(frame.body()).isNotEqualTo(last);
                last = frame.body();
            }
        }
        HttpResponse<byte[]> thumbnail = web.getBytes(base + "/series/" + series + "/instances/"
                + study.dicom().instanceUid(1, 6) + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type").orElse("")).startsWith("image/");

        List<AuditRows.Row> rows = audit.rows(before, doctor.loginId()).stream()
                .filter(r -> r.resourceType() != null && r.resourceType().contains("ImagingStudy")).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().outcome()).isEqualTo("PERMIT");
    }

    /**
     * The per-frame path: a frame's request reads the session (and so a session ended anywhere stops the frames at
     * the next request) but writes nothing back — no UPDATE of the session's last access, no other write.
     */
    @Test
    void aFrameReadsTheSessionWithoutWritingItAndASignedOutSessionGetsNoMoreFrames() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        ViewerStudies.Made study = studyAt(hospital, 6);
        WebSession web = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        assertThat(web.get("/imaging/viewer/studies/" + study.uid()).statusCode()).isEqualTo(200);
        java.util.function.IntFunction<String> frame = i -> "/imaging/dicomweb/studies/" + study.uid() + "/series/"
                + study.dicom().seriesUid(1) + "/instances/" + study.dicom().instanceUid(1, i) + "/frames/1";
        web.withHeader("Accept", ANY_SYNTAX);
        assertThat(web.getBytes(frame.apply(1)).statusCode()).isEqualTo(200);

        long before = org.musubi.testing.StatementCounter.count();
        for (int i = 1; i <= 6; i++) {
            assertThat(web.getBytes(frame.apply(i)).statusCode()).isEqualTo(200);
        }
        List<String> sent = org.musubi.testing.StatementCounter.last(org.musubi.testing.StatementCounter.count() - before);
        assertThat(sent).as("statements of 6 frames").noneMatch(sql -> sql.strip().toUpperCase(java.util.Locale.ROOT)
                .matches("(WITH .*)?(UPDATE|INSERT|DELETE|MERGE) .*"));
        assertThat(sent).as("statements of 6 frames")
                .filteredOn(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION")).hasSize(6);

        String cookies = web.cookieHeader();
        web.post("/logout");
        HttpResponse<byte[]> after = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(web.base() + frame.apply(2))).header("Cookie", cookies)
                        .header("Accept", ANY_SYNTAX).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(after.statusCode()).as("a frame asked with the signed-out session's cookie").isNotEqualTo(200);
    }

    @Test
    void aUserWithoutALinkGetsWhatAnUnknownStudyAnswersByEveryUrl() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        ViewerStudies.Made study = studyAt(hospital, 2);
        User stranger = accounts.memberOf(accounts.newHospital(), Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, stranger);
        String unknown = DicomStudies.uid();
        String series = study.dicom().seriesUid(1);
        String instance = study.dicom().instanceUid(1, 1);
        List<String> refused = ViewerStudies.everyUrl(study.uid(), series, instance);
        List<String> nobodys = ViewerStudies.everyUrl(unknown, series, instance);
        long before = audit.max();
        for (int i = 0; i < refused.size(); i++) {
            HttpResponse<String> theirs = web.get(refused.get(i));
            HttpResponse<String> none = web.get(nobodys.get(i));
            assertThat(theirs.statusCode()).as(refused.get(i)).isEqualTo(404);
            assertThat(page(theirs).replace(study.uid(), "X")).as(refused.get(i))
                    .isEqualTo(page(none).replace(unknown, "X"));
            assertThat(theirs.headers().firstValue("Content-Type")).isEqualTo(none.headers().firstValue("Content-Type"));
            assertThat(theirs.headers().firstValue("Content-Security-Policy")).as(refused.get(i))
                    .isEqualTo(none.headers().firstValue("Content-Security-Policy"));
        }
        assertThat(audit.rows(before, stranger.loginId())).allMatch(r -> r.outcome().equals("DENY"));
    }

    @Test
    void aSeriesOrFrameOfAnotherStudyUnderAStudyTheCallerMaySeeIsNothing() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        ViewerStudies.Made mine = studyAt(hospital, 2);
        ViewerStudies.Made theirs = studyAt(accounts.newHospital(), 2);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);
        assertThat(web.get("/imaging/viewer/studies/" + mine.uid()).statusCode()).isEqualTo(200);
        String base = "/imaging/dicomweb/studies/" + mine.uid();
        String otherSeries = theirs.dicom().seriesUid(1);
        String otherInstance = theirs.dicom().instanceUid(1, 1);
        HttpResponse<String> unknown = web.get(base + "/series/" + DicomStudies.uid() + "/metadata");
        for (String path : List.of(base + "/series/" + otherSeries + "/metadata", base + "/series/" + otherSeries + "/instances",
                base + "/series/" + otherSeries + "/instances/" + otherInstance + "/frames/1",
                base + "/series/" + mine.dicom().seriesUid(1) + "/instances/" + otherInstance + "/frames/1",
                base + "/series/" + otherSeries + "/instances/" + otherInstance + "/thumbnail")) {
            HttpResponse<String> answer = web.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(page(answer)).isEqualTo(page(unknown));
        }
        assertThat(web.get(base + "/series/" + mine.dicom().seriesUid(1) + "/instances/"
                + mine.dicom().instanceUid(1, 1) + "/frames/1").statusCode()).isEqualTo(200);
    }

    /** The page answered, without its (per-response) CSRF token. */
    static String page(HttpResponse<String> answer) {
        return answer.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}
