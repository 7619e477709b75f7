package org.musubi.imaging.stow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOW-RS through Musubi against the test JVM's real Orthanc (skipped without Orthanc or dcmtk): a facility's system
 * stores its own patient's instances, which are in the archive and indexed at once; an instance of another facility's
 * patient is refused exactly like one of a patient who does not exist; one audit row per call.
 */
@MusubiIntegrationTest
class StowIT extends NetworkFixtures {

    @Autowired
    StudyIndex index;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFacilityStoresItsOwnPatientsInstancesAndNoOneElses(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        Facility other = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient otherFhir = clients.fhirFor(port, other, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        String othersPatient = FhirRecords.localId();
        FhirRecords.registerPatient(otherFhir, other, othersPatient, FhirRecords.uniqueKana());

        DicomStudies own = DicomStudies.ct(localId, null, 2);
        DicomStudies foreign = DicomStudies.ct(othersPatient, "1.2.392.100495.20.3.51.1" + other.code().value(), 1);
        DicomStudies absent = DicomStudies.ct("NO-" + localId, null, 1);
        List<Path> files = new ArrayList<>(own.write(dir.resolve("own")));
        files.addAll(foreign.write(dir.resolve("foreign")));
        files.addAll(absent.write(dir.resolve("absent")));
        String token = clients.token(port, clients.register(hospital, "system/*.write"));

        long before = audit.max();
        HttpResponse<String> answer = stow(token, files);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/dicom+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("00081199").path("Value").size()).isEqualTo(2);
        JsonNode failed = body.path("00081198").path("Value");
        assertThat(failed.size()).isEqualTo(2);
        assertThat(failed.get(0).path("00081155").path("Value").get(0).asString()).isEqualTo(foreign.instanceUid(1, 1));
        assertThat(failed.get(1).path("00081155").path("Value").get(0).asString()).isEqualTo(absent.instanceUid(1, 1));
        // another facility's patient answers exactly as a patient who is not there
        assertThat(failed.get(0).path("00081197")).isEqualTo(failed.get(1).path("00081197"));

        IndexedStudy indexed = index.find(own.studyUid()).orElseThrow();
        assertThat(indexed.facilityId()).isEqualTo(hospital.id());
        assertThat(indexed.instanceCount()).isEqualTo(2);
        assertThat(index.find(foreign.studyUid())).isEmpty();
        assertThat(orthanc.get("/dicom-web/studies/" + own.studyUid() + "/series", "application/dicom+json")
                .statusCode()).isEqualTo(200);
        assertThat(orthanc.get("/dicom-web/studies?StudyInstanceUID=" + foreign.studyUid(), "application/dicom+json")
                .body()).asString(StandardCharsets.UTF_8).doesNotContain(foreign.studyUid());
        assertThat(audit.rowsSince(before)).filteredOn(r -> "imaging-stow".equals(r.resourceType())).hasSize(1);

        // the other facility cannot add instances to this patient's study, even naming the study
        String otherToken = clients.token(port, clients.register(other, "system/*.write"));
        DicomStudies intoOwn = own.withSeries(1, 1);
        HttpResponse<String> refused = stow(otherToken, intoOwn.write(dir.resolve("into")));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("00081198").path("Value").get(0).path("00081197"))
                .isEqualTo(failed.get(0).path("00081197"));

        // without the write scope, or without a token
        String readOnly = clients.token(port, clients.register(hospital, "system/*.read"));
        assertThat(stow(readOnly, files.subList(0, 1)).statusCode()).isEqualTo(403);
        assertThat(stow(null, files.subList(0, 1)).statusCode()).isEqualTo(401);
    }

    @Test
    void anInstanceWhoseNameAndSexContradictThePatientItsIdNamesIsNotStored(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        org.hl7.fhir.r4.model.Patient sent = FhirRecords.withKanjiName(
                FhirRecords.newPatient(hospital, localId, "ストウ"), "保存", "花子");
        fhir.create().resource(sent).execute();
        String born = sent.getBirthDateElement().getValueAsString().replace("-", "");
        DicomStudies mixedUp = DicomStudies.ct(localId, null, 1).withPatient("=取違^太郎", "M", born);
        DicomStudies right = DicomStudies.ct(localId, null, 1).withPatient("HOZON^HANAKO=保存^花子", "F", born);
        List<Path> files = new ArrayList<>(mixedUp.write(dir.resolve("mixed")));
        files.addAll(right.write(dir.resolve("right")));
        String token = clients.token(port, clients.register(hospital, "system/*.write"));

        HttpResponse<String> answer = stow(token, files);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(answer.body());
        JsonNode failed = body.path("00081198").path("Value");
        assertThat(failed.size()).isEqualTo(1);
        assertThat(failed.get(0).path("00081155").path("Value").get(0).asString()).isEqualTo(mixedUp.instanceUid(1, 1));
        assertThat(failed.get(0).path("00081197").path("Value").get(0).asInt())
                .as("Musubi's reason: contradicts the patient").isEqualTo(StoreInstances.CONTRADICTS_PATIENT);
        assertThat(index.find(mixedUp.studyUid())).isEmpty();
        assertThat(orthanc.get("/dicom-web/studies?StudyInstanceUID=" + mixedUp.studyUid(), "application/dicom+json")
                .body()).asString(StandardCharsets.UTF_8).doesNotContain(mixedUp.studyUid());
        assertThat(index.find(right.studyUid()).orElseThrow().facilityId()).isEqualTo(hospital.id());

        // another facility naming this patient with a contradicting name learns nothing: refused as a patient not there
        Facility other = accounts.newHospital();
        String otherToken = clients.token(port, clients.register(other, "system/*.write"));
        DicomStudies probe = DicomStudies.ct(localId, "1.2.392.100495.20.3.51.1" + hospital.code().value(), 1)
                .withPatient("=取違^太郎", "M", born);
        DicomStudies none = DicomStudies.ct("NO-" + localId, null, 1).withPatient("=取違^太郎", "M", born);
        List<Path> probes = new ArrayList<>(probe.write(dir.resolve("probe")));
        probes.addAll(none.write(dir.resolve("none")));
        JsonNode refused = JSON.readTree(stow(otherToken, probes).body()).path("00081198").path("Value");
        assertThat(refused.get(0).path("00081197").path("Value").get(0).asInt()).isEqualTo(StoreInstances.NOT_AUTHORIZED);
        assertThat(refused.get(0).path("00081197")).isEqualTo(refused.get(1).path("00081197"));
    }

    private HttpResponse<String> stow(String token, List<Path> files) throws Exception {
        String boundary = "b-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(Files.readAllBytes(f));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dicom-web/studies"))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
