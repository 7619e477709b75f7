package org.musubi.imaging.index;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.testing.ImagingFeed;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indexer against the test JVM's real Orthanc (skipped without Orthanc or dcmtk): studies sent by C-STORE become
 * one ImagingStudy each under the sending facility's patient — on the timeline, in {@code $everything} and FHIR search
 * —; the ImagingStudy an order message made is updated, not duplicated; a study matching no patient waits and is
 * assigned; a study without an issuer is matched through the operators' AE-title table.
 */
@MusubiIntegrationTest
class ImagingIndexIT extends NetworkFixtures {

    @Autowired
    ChangeFeed feed;
    @Autowired
    StudyIndex index;
    @Autowired
    IndexStudies studies;
    @Autowired
    WaitingStudies waiting;
    @Autowired
    IndexState state;

    record Patient(Facility facility, String localId, String patientResource, IGenericClient fhir) {
    }

    private Patient patientOfNewHospital() {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        String id = FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        return new Patient(hospital, localId, id, fhir);
    }

    private static String issuerOf(Facility facility) {
        return "1.2.392.100495.20.3.51.1" + facility.code().value();
    }

    @Test
    void aStudySentByCStoreIsIndexedOnceAndShowsOnTheTimelineInEverythingAndInSearch(@TempDir Path dir)
            throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Patient p = patientOfNewHospital();
        DicomStudies study = DicomStudies.ct(p.localId(), issuerOf(p.facility()), 3).withSeries(2, 3);
        // sent last image first: the index's first image is found by the numbers, not by the order of arrival
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), study.write(dir).reversed());

        IndexedStudy indexed = awaitIndexed(study.studyUid());
        assertThat(indexed.facilityId()).isEqualTo(p.facility().id());
        assertThat(indexed.seriesCount()).isEqualTo(2);
        assertThat(indexed.instanceCount()).isEqualTo(6);
        assertThat(indexed.firstImage()).isEqualTo(new IndexedStudy.FirstImage(study.seriesUid(1),
                study.instanceUid(1, 1)));
        assertThat(indexed.modality()).isEqualTo("CT");
        assertThat(indexed.accession()).isEqualTo(study.accession());

        List<ImagingStudy> found = imagingStudies(p);
        assertThat(found).hasSize(1);
        ImagingStudy resource = found.getFirst();
        assertThat(resource.getIdElement().getIdPart()).isEqualTo(indexed.resourceId());
        assertThat(resource.getIdentifier()).anySatisfy(i -> {
            assertThat(i.getSystem()).isEqualTo("urn:dicom:uid");
            assertThat(i.getValue()).isEqualTo("urn:oid:" + study.studyUid());
        });
        assertThat(resource.getIdentifier()).anySatisfy(i -> assertThat(i.getValue()).isEqualTo(study.accession()));
        assertThat(resource.getNumberOfSeries()).isEqualTo(2);
        assertThat(resource.getNumberOfInstances()).isEqualTo(6);
        assertThat(resource.getSeries()).extracting(s -> s.getUid())
                .containsExactly(study.seriesUid(1), study.seriesUid(2));
        assertThat(resource.getSeriesFirstRep().getModality().getCode()).isEqualTo("CT");
        assertThat(resource.getMeta().getProfile()).anySatisfy(u -> assertThat(u.getValue())
                .endsWith("JP_ImagingStudy_Radiology"));
        assertThat(resource.getSubject().getReference()).isEqualTo("Patient/" + p.patientResource());

        Parameters none = new Parameters();
        Bundle everything = p.fhir().operation().onInstance("Patient/" + p.patientResource()).named("$everything")
                .withParameters(none).returnResourceType(Bundle.class).useHttpGet().execute();
        assertThat(everything.getEntry()).anySatisfy(e -> assertThat(e.getResource().getIdElement().getIdPart())
                .isEqualTo(indexed.resourceId()));

        long person = clients.linkedPersonOf(p.facility(), p.localId());
        var doctor = accounts.memberOf(p.facility(), Profession.DOCTOR);
        String timeline = accounts.signedIn(port, doctor).get("/portal/patients/" + person).body();
        assertThat(timeline).contains("data-type=\"ImagingStudy\"");

        // seen again (Orthanc's feed read twice, a restart): the same resource updated, never a second
        studies.index(studies.orthancId(study.studyUid()).orElseThrow());
        assertThat(imagingStudies(p)).extracting(r -> r.getIdElement().getIdPart()).containsExactly(indexed.resourceId());
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE type = 'ImagingStudy' AND source_key = ?")
                .param("imaging-study:" + study.studyUid()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theImagingStudyTheOrderMessageMadeIsUpdatedNotDuplicated(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Patient p = patientOfNewHospital();
        DicomStudies byUid = DicomStudies.ct(p.localId(), issuerOf(p.facility()), 2);
        DicomStudies byAccession = DicomStudies.ct(p.localId(), issuerOf(p.facility()), 2);
        String ordered = FhirRecords.create(p.fhir(), ordered(p, byUid.studyUid(), byUid.accession()));
        String orderedOther = FhirRecords.create(p.fhir(), ordered(p, DicomStudies.uid(), byAccession.accession()));

        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), byUid.write(dir.resolve("a")));
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), byAccession.write(dir.resolve("b")));

        assertThat(awaitIndexed(byUid.studyUid()).resourceId()).isEqualTo(ordered);
        assertThat(awaitIndexed(byAccession.studyUid()).resourceId()).isEqualTo(orderedOther);
        List<ImagingStudy> found = imagingStudies(p);
        assertThat(found).extracting(r -> r.getIdElement().getIdPart()).containsExactlyInAnyOrder(ordered, orderedOther);
        assertThat(found).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(ImagingStudy.ImagingStudyStatus.AVAILABLE);
            assertThat(r.getNumberOfInstances()).isEqualTo(2);
        });
    }

    @Test
    void aStudyOfNoKnownPatientWaitsUntilAnOperatorAssignsIt(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Patient p = patientOfNewHospital();
        DicomStudies study = DicomStudies.ct("UNKNOWN-" + p.localId(), "urn:oid:1.2.3.999." + System.nanoTime(), 1);
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), study.write(dir));

        Waiting waits = awaitWaiting(study.studyUid());
        assertThat(waits.reason()).isEqualTo(StudyPatients.Reason.UNKNOWN_ISSUER);
        assertThat(index.find(study.studyUid())).isEmpty();
        var admin = accounts.networkAdmin();
        String page = accounts.signedIn(port, admin).get("/admin/imaging").body();
        assertThat(page).contains(study.studyUid());
        assertThat(accounts.signedIn(port, accounts.memberOf(p.facility(), Profession.DOCTOR)).get("/admin/imaging")
                .statusCode()).isIn(403, 404);

        Administrator operator = new Administrator(admin.id(), true, java.util.Set.of());
        long before = audit.max();
        assertThat(waiting.assign(operator, study.studyUid(), p.facility().id(), "NO-SUCH-" + p.localId()))
                .contains(WaitingStudies.Fault.NO_PATIENT);
        assertThat(waiting.assign(operator, study.studyUid(), p.facility().id(), p.localId())).isEmpty();

        IndexedStudy indexed = index.find(study.studyUid()).orElseThrow();
        assertThat(indexed.facilityId()).isEqualTo(p.facility().id());
        assertThat(state.waitingStudy(study.studyUid())).isEmpty();
        assertThat(imagingStudies(p)).extracting(r -> r.getIdElement().getIdPart()).containsExactly(indexed.resourceId());
        assertThat(audit.naming(before, study.studyUid())).extracting(org.musubi.testing.AuditRows.Row::outcome)
                .containsExactly("DENY", "PERMIT");

        // the feed reading the study again keeps the operator's patient
        studies.index(studies.orthancId(study.studyUid()).orElseThrow());
        assertThat(index.find(study.studyUid()).orElseThrow().sourcePatientId()).isEqualTo(indexed.sourcePatientId());
    }

    @Test
    void aStudyWhoseNameAndSexContradictThePatientItsIdNamesWaitsForAnOperator(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        org.hl7.fhir.r4.model.Patient sent = FhirRecords.withKanjiName(
                FhirRecords.newPatient(hospital, localId, "ガゾウ"), "画像", "花子");
        String resource = fhir.create().resource(sent).execute().getId().getIdPart();
        Patient p = new Patient(hospital, localId, resource, fhir);
        String born = sent.getBirthDateElement().getValueAsString().replace("-", "");
        org.hl7.fhir.r4.model.HumanName kana = sent.getName().get(1); // the kana name, after the kanji one

        // a mix-up at the modality: another person's name and sex under this patient's ID
        DicomStudies mixedUp = DicomStudies.ct(localId, issuerOf(hospital), 1)
                .withPatient("TORICHIGAE^TARO=取違^太郎=とりちがえ^たろう", "M", born);
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), mixedUp.write(dir.resolve("mixed")));
        Waiting waits = awaitWaiting(mixedUp.studyUid());
        assertThat(waits.reason()).isEqualTo(StudyPatients.Reason.CONTRADICTS_PATIENT);
        assertThat(waits.facilityId()).isEqualTo(hospital.id());
        assertThat(index.find(mixedUp.studyUid())).as("not filed under the patient").isEmpty();
        assertThat(imagingStudies(p)).isEmpty();
        String page = accounts.signedIn(port, accounts.networkAdmin()).get("/admin/imaging").body();
        assertThat(page).contains(mixedUp.studyUid())
                .contains("画像の患者氏名・性別・生年月日が、患者IDの指す施設の患者と食い違います");

        // the same patient as a Japanese modality writes her (kana in half width, in the first group): filed
        DicomStudies right = DicomStudies.ct(localId, issuerOf(hospital), 1)
                .withPatient(halfWidth(kana.getFamily()) + "^" + halfWidth(kana.getGivenAsSingleString()), "F", born);
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), right.write(dir.resolve("right")));
        assertThat(awaitIndexed(right.studyUid()).facilityId()).isEqualTo(hospital.id());

        // the operator, having checked, assigns the mixed-up study: it is filed, and stays so when read again
        Administrator operator = new Administrator(accounts.networkAdmin().id(), true, java.util.Set.of());
        assertThat(waiting.assign(operator, mixedUp.studyUid(), hospital.id(), localId)).isEmpty();
        assertThat(imagingStudies(p)).hasSize(2);
        studies.index(studies.orthancId(mixedUp.studyUid()).orElseThrow());
        assertThat(index.find(mixedUp.studyUid())).isPresent();
    }

    /** Katakana as a modality's half-width (JIS X 0201) form writes it. */
    private static String halfWidth(String katakana) {
        StringBuilder out = new StringBuilder();
        String full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー";
        String half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";
        String voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
        String plain = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
        for (char c : katakana.toCharArray()) {
            int at = full.indexOf(c);
            int v = voiced.indexOf(c);
            if (at >= 0) {
                out.append(half.charAt(at));
            } else if (v >= 0) {
                out.append(plain.charAt(v)).append('ﾞ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Removing a sending AE title asks once (issue 67), naming it and its facility and saying what follows: one click
     * removes nothing and opens the question; the confirmed POST removes it; a title that is not there is told so.
     */
    @Test
    void removingASendingAeTitleAsksOnce() {
        Facility hospital = accounts.newHospital();
        User admin = accounts.networkAdmin();
        WebSession web = accounts.signedIn(port, admin);
        String aet = "RM" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        web.get("/admin/imaging");
        assertThat(WebSession.location(web.post("/admin/imaging/senders", "aet", aet, "facility",
                String.valueOf(hospital.id())))).isEqualTo("/admin/imaging?done=saved");
        String question = "送信元 AE タイトル " + aet + "（" + hospital.nameKanji() + "）を削除します。"
                + "削除すると、この AE タイトルから届く患者IDの発行者のない検査は施設を決められず、振り分け待ちになります"
                + "（もう一度登録するまで）。";
        java.util.regex.Pattern asked = java.util.regex.Pattern.compile("<details class=\"confirm\" id=\"remove-sender-\\d+\""
                + " open=\"open\">\\s*<summary id=\"remove-sender-\\d+-ask\">削除</summary>\\s*<div class=\"confirm-body\">"
                + "\\s*<p class=\"confirm-question\" id=\"remove-sender-\\d+-question\">"
                + java.util.regex.Pattern.quote(question) + "</p>");
        String page = web.get("/admin/imaging").body();
        assertThat(page).contains(question).doesNotContainPattern(asked);

        HttpResponse<String> oneClick = web.post("/admin/imaging/senders/remove?aet=" + aet);
        assertThat(WebSession.location(oneClick)).isEqualTo("/admin/imaging?confirm=" + aet);
        assertThat(state.senders()).as("not removed without the confirmation").anyMatch(s -> s.aet().equals(aet));
        assertThat(web.get("/admin/imaging?confirm=" + aet).body()).containsPattern(asked);
        assertThat(WebSession.location(web.post("/admin/imaging/senders/remove?aet=" + aet, "confirmed", "yes")))
                .isEqualTo("/admin/imaging?done=removed");
        assertThat(state.senders()).noneMatch(s -> s.aet().equals(aet));
        assertThat(WebSession.location(web.post("/admin/imaging/senders/remove?aet=" + aet)))
                .as("a title no longer there").isEqualTo("/admin/imaging?fault=NOT_FOUND");
    }

    @Test
    void aStudyWithoutIssuerIsTheFacilityOfItsSendingAeTitle(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Patient p = patientOfNewHospital();
        Administrator operator = new Administrator(accounts.networkAdmin().id(), true, java.util.Set.of());
        assertThat(waiting.putSender(operator, "PACS", p.facility().id())).isEmpty();
        DicomStudies study = DicomStudies.ct(p.localId(), null, 1);
        DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), study.write(dir));

        assertThat(awaitIndexed(study.studyUid()).facilityId()).isEqualTo(p.facility().id());
        assertThat(imagingStudies(p)).hasSize(1);
    }

    private ImagingStudy ordered(Patient p, String studyUid, String accession) {
        ImagingStudy ordered = new ImagingStudy();
        ordered.addIdentifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + studyUid);
        ordered.addIdentifier().setSystem("urn:musubi:accession-number:" + p.facility().code().value()).setValue(accession)
                .setType(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203",
                        "ACSN", null)));
        ordered.setStatus(ImagingStudy.ImagingStudyStatus.REGISTERED);
        ordered.setSubject(new Reference("Patient/" + p.patientResource()));
        return ordered;
    }

    private List<ImagingStudy> imagingStudies(Patient p) {
        Bundle found = p.fhir().search().forResource(ImagingStudy.class)
                .where(ImagingStudy.PATIENT.hasId("Patient/" + p.patientResource())).returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (ImagingStudy) e.getResource()).toList();
    }

    private IndexedStudy awaitIndexed(String studyUid) throws InterruptedException {
        return ImagingFeed.awaitIndexed(feed, index, studyUid);
    }

    private Waiting awaitWaiting(String studyUid) throws InterruptedException {
        return ImagingFeed.await(feed, () -> state.waitingStudy(studyUid),
                "study " + studyUid + " did not reach the waiting list in time");
    }
}
