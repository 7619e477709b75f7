package org.musubi.imaging.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.proxy.ViewerStudies;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The AI plug-in end to end, with a stub AI service written for this test standing in for the outside model ({@link
 * AiStub}) and a real Orthanc: an operator registers the service on the operators' page (the token never shown
 * back); a hospital's doctor asks from the study page; the sender sends the analysis request with the service's token;
 * the service fetches the study's pixels through the scoped DICOMweb route (one audit row for the work item, however
 * many requests) and nothing of another study; it posts findings (a bad body refused with the reason, nothing taken),
 * which enter the hospital's record marked AI (Device as performer and Provenance agent), readable by the hospital's
 * own system and by nobody else, and shown on the study page with the AI badge. Skipped without Orthanc and dcmtk.
 */
@MusubiIntegrationTest
class AiIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;
    @Autowired
    AiTimer timer;

    @Test
    void aStudyIsAnalysedByTheStubServiceAndItsFindingsEnterTheRecordMarkedAi() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        IGenericClient own = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(own, hospital, localId, FhirRecords.uniqueKana());
        ViewerStudies.Made study = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient, 2);
        long person = clients.personOf(hospital, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, hospital.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        String name = "StubAI-" + UUID.randomUUID().toString().substring(0, 8);

        try (AiStub stub = AiStub.start()) {
            WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
            operator.get("/admin/imaging/ai");
            HttpResponse<String> saved = operator.post("/admin/imaging/ai", "name", name, "baseUrl", stub.url(),
                    "token", AiStub.TOKEN, "modelName", "StubNodule", "modelVersion", "1.2", "modalities", "ct, CR",
                    "enabled", "true");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            String page = operator.get(WebSession.location(saved)).body();
            assertThat(page).contains(name).contains("CT, CR").doesNotContain(AiStub.TOKEN);
            long service = Long.parseLong(WebSession.location(saved).replaceAll(".*/admin/imaging/ai/([0-9]+).*", "$1"));
            assertThat(operator.post("/admin/imaging/ai", "name", name + "x", "baseUrl", "http://ai.example.jp/v1",
                    "token", "t", "modelName", "m", "modelVersion", "1", "modalities", "CT").statusCode())
                    .isEqualTo(302);
            assertThat(jdbc.sql("SELECT count(*) FROM ai_service WHERE name = ?").param(name + "x").query(Long.class)
                    .single()).as("plain HTTP to another host is refused").isZero();

            WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
            assertThat(doctor.get("/imaging/viewer/studies/" + study.uid()).body()).contains("ai-ask-form");
            HttpResponse<String> asked = doctor.post("/imaging/ai/requests", "study", study.uid(), "service",
                    String.valueOf(service));
            assertThat(asked.statusCode()).isEqualTo(302);

            timer.runNow();
            AiStub.Received request = stub.next();
            assertThat(request.authorization()).isEqualTo("Bearer " + AiStub.TOKEN);
            assertThat(request.studyUid()).isEqualTo(study.uid());
            assertThat(request.body().path("modality").asString()).isEqualTo("CT");
            long item = request.workItemId();
            assertThat(state(item)).isEqualTo("SENT");

            long before = audit.max();
            assertThat(stub.firstFrame(request)).containsExactly(200, 200, 200);
            assertThat(stub.firstFrame(request)).containsExactly(200, 200, 200);
            List<AuditRows.Row> read = audit.rows(before, "system:ai:" + name);
            assertThat(read).as("one audit row for the work item's pixels, however many requests").hasSize(1);
            assertThat(read.getFirst().action()).isEqualTo("READ");
            assertThat(read.getFirst().outcome()).isEqualTo("PERMIT");
            assertThat(read.getFirst().resourceIds()).containsExactly(study.resourceId());

            String other = DicomStudies.uid();
            long beforeOther = audit.max();
            assertThat(stub.get(request.pixelRoot() + "/studies/" + other + "/series", request.pixelToken(), null)
                    .statusCode()).as("another study with the token").isEqualTo(404);
            assertThat(audit.naming(beforeOther, other)).extracting(AuditRows.Row::outcome).containsExactly("DENY");

            HttpResponse<String> bad = stub.post(request.callbackUrl(), request.callbackToken(),
                    "{\"workItemId\": " + item + ", \"findings\": [{\"probability\": 2}]}");
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("code");
            assertThat(state(item)).isEqualTo("SENT");
            assertThat(stub.post(request.callbackUrl(), "wrong", AiStub.findings(item)).statusCode()).isEqualTo(404);

            HttpResponse<String> posted = stub.post(request.callbackUrl(), request.callbackToken(),
                    AiStub.findings(item));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(state(item)).isEqualTo("DONE");

            DiagnosticReport report = own.read().resource(DiagnosticReport.class).withId("ai-" + item + "-report")
                    .execute();
            assertThat(AiFindings.isAi(report)).isTrue();
            assertThat(report.getPerformerFirstRep().getReference()).isEqualTo("Device/ai-" + item + "-model");
            assertThat(report.getConclusion()).contains("右上肺野").contains(AiFindings.NOTICE);
            Observation finding = own.read().resource(Observation.class).withId("ai-" + item + "-f1").execute();
            assertThat(AiFindings.isAi(finding)).isTrue();
            assertThat(finding.getValueQuantity().getValue().doubleValue()).isEqualTo(14.5);
            assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE type = 'Provenance' AND id LIKE ?")
                    .param("ai-" + item + "-provenance-%").query(Long.class).single()).isEqualTo(1);

            IGenericClient stranger = clients.fhirFor(port, accounts.newHospital(), "system/*.read");
            assertThatThrownBy(() -> stranger.read().resource(DiagnosticReport.class).withId("ai-" + item + "-report")
                    .execute()).as("another facility").isInstanceOf(BaseServerResponseException.class);

            String viewer = doctor.get("/imaging/viewer/studies/" + study.uid()).body();
            assertThat(viewer).contains("ai-findings").contains("class=\"badge ai\"").contains("StubNodule 1.2")
                    .contains("87%");
        }
    }

    private String state(long item) {
        return jdbc.sql("SELECT state FROM ai_work_item WHERE id = ?").param(item).query(String.class).single();
    }
}
