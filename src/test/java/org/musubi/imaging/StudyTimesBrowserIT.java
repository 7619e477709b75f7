package org.musubi.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.imaging.ai.AiAdministration;
import org.musubi.imaging.ai.AiWorkItems;
import org.musubi.imaging.index.ChangeFeed;
import org.musubi.imaging.reading.ReadingStep;
import org.musubi.imaging.reading.programme.CreateProgramme;
import org.musubi.imaging.reading.programme.Programme;
import org.musubi.imaging.reading.programme.ProgrammeStudy;
import org.musubi.imaging.reading.programme.SubmitForDoubleReading;
import org.musubi.imaging.reading.remote.ReadingFixtures;
import org.musubi.imaging.reading.remote.ReadingReports;
import org.musubi.imaging.reading.remote.ReadingRequest;
import org.musubi.imaging.reading.remote.RemoteReadings;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.Reader;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.ImagingFeed;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 64, item 1 and item 6 for imaging: a CT study a hospital's modality made on 28 November 2026 at 08:00 in Japan
 * (StudyDate 20261128, StudyTime 080000 — 23:00 UTC the day before; the server runs in UTC), sent by C-STORE to the
 * real archive and indexed, reads {@code 2026-11-28 08:00} on every page that shows it — the viewer (the study opened
 * and the patient's list), the requester's reading list and request, the reading centre's worklist and request, the
 * double reading worklist, entry page and the submitter's list — and the patient's timeline puts it on 28 November:
 * the viewer, the lists and the record agree. The study is named there by its kind, date and images, never by its
 * UID. The times of the work (requested, reported, submitted, an AI work item queued, a study waiting for its patient)
 * are the stored instants written in Japan's time (the operators' zone, {@code musubi.ui.zone}, Asia/Tokyo here). The
 * ImagingStudy and the reading's report carry the study's time with Japan's offset. There is no imaging PDF, and the
 * programme's statistics CSV carries no date or study. Skipped without Orthanc and dcmtk.
 */
@MusubiIntegrationTest
@Tag("browser")
class StudyTimesBrowserIT extends NetworkFixtures {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** How every imaging page names the study: its kind, its date and time in Japan, its series and images. */
    private static final String LABEL = "CT 2026-11-28 08:00 1 シリーズ・2 画像";

    @Autowired
    ChangeFeed feed;
    @Autowired
    StudyIndex index;
    @Autowired
    RemoteReadings readings;
    @Autowired
    CreateProgramme creation;
    @Autowired
    SubmitForDoubleReading submissions;
    @Autowired
    AiAdministration ai;
    @Autowired
    AiWorkItems aiItems;

    @Test
    void aStudyMadeAtEightInTheMorningInJapanReadsSoOnEveryImagingPage(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        DicomStudies dicom = DicomStudies.ct(localId, "1.2.392.100495.20.3.51.1" + hospital.code().value(), 2)
                .withStudyDateTime("20261128", "080000");
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), dicom.write(dir.resolve("study")));
        IndexedStudy study = awaitIndexed(dicom.studyUid());
        String uid = study.studyUid();
        assertThat(study.started()).as("the stored instant").isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));

        ImagingStudy resource = fhir.read().resource(ImagingStudy.class).withId(study.resourceId()).execute();
        assertThat(resource.getStartedElement().getValueAsString()).isEqualTo("2026-11-28T08:00:00+09:00");

        long admin = accounts.networkAdmin().id();
        long person = clients.personOf(hospital, localId);
        consents.link(person, hospital.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        Reader atHospital = new Reader(doctor.id(), hospital.id());

        Facility centre = accounts.newHospital();
        ReadingFixtures.centre(jdbc, centre, "CT");
        User reader = accounts.memberOf(centre, Profession.DOCTOR);
        ReadingRequest request = readings.request(atHospital, uid, centre.id(), "胸部CT: 結節の評価",
                LocalDate.now(TOKYO).plusDays(3)).orElseThrow();

        Facility screening = accounts.newHospital();
        User chief = accounts.memberOf(screening, Profession.DOCTOR);
        List<User> pool = List.of(accounts.memberOf(screening, Profession.DOCTOR),
                accounts.memberOf(screening, Profession.DOCTOR));
        Programme programme = creation.create(admin, true, "肺がん検診 " + screening.id(), Programme.Kind.CHEST_XRAY,
                "CT", screening.id(), chief.id(), pool.stream().map(User::id).toList()).orElseThrow();
        ProgrammeStudy entry = submissions.submit(atHospital, uid, programme.id()).orElseThrow();
        User firstReader = pool.stream().filter(u -> u.id() == entry.reading().first()).findFirst().orElseThrow();

        try (Chromium browser = browserAs(doctor)) {
            browser.open("/imaging/viewer/studies/" + uid);
            assertThat(browser.find("#viewer-studies li.current").getText()).isEqualTo(LABEL);
            assertThat(browser.find("#viewer-study").getText()).isEqualTo(LABEL);

            browser.open("/portal/patients/" + person);
            assertThat(browser.driver().findElement(By.xpath(
                    "//section[contains(@class,'day')][.//*[@data-type='ImagingStudy']]/h2")).getText())
                    .as("the timeline's day of the study").startsWith("2026-11-28");

            browser.open("/imaging/reading/requests");
            String row = "#reading-requests tr[data-request='" + request.id() + "']";
            assertThat(browser.find(row + " .study-label").getText()).isEqualTo(LABEL);
            assertThat(browser.find(row + " .reading-requested-at").getText()).isEqualTo(inJapan(request.requestedAt()));
            assertThat(browser.find("#reading-requests").getText()).doesNotContain(uid);

            browser.open("/imaging/reading/requests/" + request.id());
            assertThat(browser.find("#reading-study").getText()).isEqualTo(LABEL);
            assertThat(browser.find("#reading-requested-at").getText()).isEqualTo(inJapan(request.requestedAt()));

            browser.open("/imaging/double/submitted");
            String line = "#programme-submitted tr[data-entry='" + entry.id() + "']";
            assertThat(browser.find(line + " .study-label").getText()).isEqualTo(LABEL);
            assertThat(browser.find(line + " .programme-submitted-at").getText()).isEqualTo(inJapan(entry.submittedAt()));
            assertThat(browser.find(line + " a.programme-study").getDomAttribute("href")).endsWith("/" + uid);
            assertThat(browser.find("#programme-submitted").getText()).doesNotContain(uid);
        }

        try (Chromium browser = browserAs(reader)) {
            browser.open("/imaging/reading/worklist");
            String row = "#reading-worklist tr[data-request='" + request.id() + "']";
            assertThat(browser.find(row + " .study-label").getText()).isEqualTo(LABEL);
            assertThat(browser.find("#reading-worklist").getText()).doesNotContain(uid);
            browser.clickAndLeave(row + " a.reading-item");
            assertThat(browser.find("#reading-study").getText()).isEqualTo(LABEL);
            assertThat(browser.find("#reading-requested-at").getText()).isEqualTo(inJapan(request.requestedAt()));
        }
        Reader atCentre = new Reader(reader.id(), centre.id());
        readings.step(atCentre, request.id(), ReadingStep.CLAIM, null).orElseThrow();
        ReadingRequest reported = readings.report(atCentre, request.id(),
                new ReadingReports.Report("右上葉に結節", "肺結節")).orElseThrow();

        try (Chromium browser = browserAs(doctor)) {
            browser.open("/imaging/reading/requests/" + request.id());
            assertThat(browser.find("#reading-report-impression").getText()).isEqualTo("肺結節");
            assertThat(browser.find("#reading-reported-at").getText()).isEqualTo(inJapan(reported.reportedAt()));
        }
        DiagnosticReport report = fhir.read().resource(DiagnosticReport.class).withId(reported.reportId()).execute();
        assertThat(report.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-28T08:00:00+09:00");

        try (Chromium browser = browserAs(firstReader)) {
            browser.open("/imaging/double");
            String line = "#programme-worklist tr[data-entry='" + entry.id() + "']";
            assertThat(browser.find(line + " .study-label").getText()).isEqualTo(LABEL);
            assertThat(browser.find(line + " .programme-submitted-at").getText()).isEqualTo(inJapan(entry.submittedAt()));
            assertThat(browser.find("#programme-worklist").getText()).doesNotContain(uid);
            browser.clickAndLeave(line + " a.programme-item");
            assertThat(browser.find("#programme-study").getText()).isEqualTo(LABEL);
        }

        // The operators' pages: an AI work item of the study, and a study of the same day waiting for its patient.
        Administrator operator = new Administrator(admin, true, Set.of());
        AiAdministration.View service = ai.save(operator, null, new AiAdministration.Settings("胸部CT解析 " + hospital.id(),
                "http://127.0.0.1:9/ai", "token", "model", "1.0", "CT", null, false, false)).orElseThrow();
        long item = aiItems.queue(service.id(), uid, doctor.id(), Instant.now()).id();
        Instant queued = jdbc.sql("SELECT created_at FROM ai_work_item WHERE id = ?").param(item)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        DicomStudies lost = DicomStudies.ct("NOBODY-" + localId, "urn:oid:1.2.3.999." + System.nanoTime(), 1)
                .withStudyDateTime("20261128", "080000");
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), lost.write(dir.resolve("lost")));
        Instant seen = awaitWaiting(lost.studyUid());

        try (Chromium browser = browserAs(accounts.networkAdmin())) {
            browser.open("/admin/imaging/ai");
            String row = "#ai-work-items tr[data-item='" + item + "']";
            assertThat(browser.find(row + " .ai-item-service").getText()).isEqualTo(service.name());
            assertThat(browser.find(row + " .ai-item-requested").getText()).isEqualTo(inJapan(queued));

            browser.open("/admin/imaging");
            String waiting = "#imaging-waiting tr[data-study='" + lost.studyUid() + "']";
            assertThat(browser.find(waiting + " .study-started").getText()).isEqualTo("2026-11-28 08:00");
            assertThat(browser.find(waiting + " .waiting-since").getText()).isEqualTo(inJapan(seen));
        }
    }

    private static String inJapan(Instant at) {
        return MINUTE.format(at.atZone(TOKYO));
    }

    private IndexedStudy awaitIndexed(String studyUid) throws InterruptedException {
        return ImagingFeed.awaitIndexed(feed, index, studyUid);
    }

    private Instant awaitWaiting(String studyUid) throws InterruptedException {
        return ImagingFeed.await(feed, () -> jdbc.sql("SELECT first_seen FROM imaging_waiting WHERE study_uid = ?")
                .param(studyUid).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional(),
                "study " + studyUid + " did not reach the waiting list in time");
    }
}
