package org.musubi.imaging.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The contract's JSON and the findings made into resources marked as AI-generated. The findings here are what a stub
 * service would send; the real model is outside Musubi.
 */
class AiContractTest {

    private static final String FINDINGS = """
            {"workItemId": 12, "conclusion": "右上肺野に結節影の疑い",
             "findings": [
               {"code": {"system": "http://snomed.info/sct", "code": "27925004", "display": "Nodule"},
                "value": {"value": 14.5, "unit": "mm"},
                "bodySite": {"system": "http://snomed.info/sct", "code": "39607008", "display": "Lung"},
                "probability": 0.87, "text": "nodule, right upper zone"},
               {"code": {"system": "urn:example:findings", "code": "cardiomegaly"}}
             ]}""";

    private static final AiService SERVICE = new AiService(3, "Chest AI", "https://ai.example.jp", "sealed", "CXR-Net",
            "2.1.0", List.of("CR", "DX"), null, true, true, null);

    @Test
    void findingsAreReadWithTheirCodesValuesSitesAndProbabilities() {
        AiContract.Findings read = AiContract.findings(FINDINGS.getBytes(StandardCharsets.UTF_8));
        assertThat(read.workItemId()).isEqualTo(12);
        assertThat(read.conclusion()).isEqualTo("右上肺野に結節影の疑い");
        assertThat(read.findings()).hasSize(2);
        AiContract.Finding nodule = read.findings().getFirst();
        assertThat(nodule.code()).isEqualTo(new AiContract.Coded("http://snomed.info/sct", "27925004", "Nodule"));
        assertThat(nodule.value()).isEqualTo(14.5);
        assertThat(nodule.unit()).isEqualTo("mm");
        assertThat(nodule.bodySite().code()).isEqualTo("39607008");
        assertThat(nodule.probability()).isEqualTo(0.87);
        assertThat(read.findings().get(1).value()).isNull();
        assertThat(read.findings().get(1).probability()).isNull();
    }

    @Test
    void findingsNotAsTheContractSaysAreRefusedWhole() {
        for (String bad : List.of("", "[]", "{\"findings\": []}", "{\"workItemId\": \"12\", \"findings\": []}",
                "{\"workItemId\": 12}",
                "{\"workItemId\": 12, \"findings\": [{\"code\": {\"system\": \"s\"}}]}",
                "{\"workItemId\": 12, \"findings\": [{\"code\": {\"system\": \"s\", \"code\": \"c\"}, \"probability\": 1.5}]}",
                "{\"workItemId\": 12, \"findings\": [{\"code\": {\"system\": \"s\", \"code\": \"c\"}, \"value\": 3}]}",
                "{\"workItemId\": 12, \"findings\": [{\"code\": {\"system\": \"s\", \"code\": \"c\"}, \"value\": {\"value\": 3}}]}")) {
            assertThatThrownBy(() -> AiContract.findings(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(AiContract.Refused.class);
        }
        StringBuilder many = new StringBuilder("{\"workItemId\": 1, \"findings\": [");
        for (int i = 0; i <= AiContract.MAX_FINDINGS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"code\": {\"system\": \"s\", \"code\": \"c\"}}");
        }
        assertThatThrownBy(() -> AiContract.findings(many.append("]}").toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AiContract.Refused.class);
    }

    @Test
    void everyResourceIsMarkedAsAiAndTheReportIsPerformedByTheModel() {
        AiContract.Findings read = AiContract.findings(FINDINGS.getBytes(StandardCharsets.UTF_8));
        List<Resource> resources = AiFindings.resources(read, SERVICE, "ai-12", "p1", "is1",
                Date.from(Instant.parse("2026-11-26T10:00:00Z")));
        assertThat(resources).hasSize(4).allMatch(AiFindings::isAi);
        Device device = (Device) resources.getFirst();
        assertThat(device.getDeviceNameFirstRep().getName()).isEqualTo("CXR-Net");
        assertThat(device.getVersionFirstRep().getValue()).isEqualTo("2.1.0");
        DiagnosticReport report = (DiagnosticReport) resources.getLast();
        assertThat(report.getPerformer()).singleElement()
                .satisfies(r -> assertThat(r.getReference()).isEqualTo("Device/ai-12-model"));
        assertThat(report.getImagingStudyFirstRep().getReference()).isEqualTo("ImagingStudy/is1");
        assertThat(report.getResult()).extracting(r -> r.getReference())
                .containsExactly("Observation/ai-12-f1", "Observation/ai-12-f2");
        assertThat(report.getConclusion()).contains("右上肺野").contains(AiFindings.NOTICE);
        Observation nodule = (Observation) resources.get(1);
        assertThat(nodule.getCode().getCodingFirstRep().getCode()).isEqualTo("27925004");
        assertThat(((Quantity) nodule.getValue()).getValue().doubleValue()).isEqualTo(14.5);
        assertThat(((Quantity) nodule.getValue()).getUnit()).isEqualTo("mm");
        assertThat(nodule.getBodySite().getCodingFirstRep().getCode()).isEqualTo("39607008");
        assertThat(nodule.getDevice().getReference()).isEqualTo("Device/ai-12-model");
        assertThat(((Quantity) nodule.getComponentFirstRep().getValue()).getValue().doubleValue()).isEqualTo(0.87);
        Observation plain = new Observation();
        assertThat(AiFindings.isAi(plain)).isFalse();
    }

    @Test
    void theRequestNamesTheStudyThePixelsAndTheCallback() {
        String json = AiContract.request(12, "1.2.3", "CR", "https://musubi.example.jp/imaging/ai/dicomweb/TOKEN",
                "TOKEN", "2026-11-26T11:00:00Z", "https://musubi.example.jp/imaging/ai/callback/12", "CB");
        assertThat(json).contains("\"workItemId\":12", "\"studyInstanceUid\":\"1.2.3\"", "\"bearerToken\":\"TOKEN\"",
                "\"url\":\"https://musubi.example.jp/imaging/ai/callback/12\"", "\"bearerToken\":\"CB\"");
    }

    @Test
    void serviceUrlsAreHttpsOrLoopbackHttpAndKindsAreModalities() {
        assertThat(AiService.acceptableBaseUrl("https://ai.example.jp/v1")).isTrue();
        assertThat(AiService.acceptableBaseUrl("http://127.0.0.1:8123")).isTrue();
        assertThat(AiService.acceptableBaseUrl("http://ai.example.jp")).isFalse();
        assertThat(AiService.acceptableBaseUrl("https://user:pw@ai.example.jp")).isFalse();
        assertThat(AiService.acceptableBaseUrl("ftp://ai.example.jp")).isFalse();
        assertThat(AiService.acceptableBaseUrl("javascript:alert(1)")).isFalse();
        assertThat(SERVICE.takes("dx")).isTrue();
        assertThat(SERVICE.takes("CT")).isFalse();
        assertThat(SERVICE.takes(null)).isFalse();
    }

    @Test
    void workItemsMoveOnlyForwardAndRetriesBackOffThenStop() {
        assertThat(WorkState.QUEUED.canMoveTo(WorkState.SENT)).isTrue();
        assertThat(WorkState.SENT.canMoveTo(WorkState.DONE)).isTrue();
        assertThat(WorkState.QUEUED.canMoveTo(WorkState.DONE)).isFalse();
        assertThat(WorkState.DONE.next()).isEmpty();
        assertThat(WorkState.FAILED.canMoveTo(WorkState.QUEUED)).isFalse();
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(AiWorkItem.retryAt(1, now)).isEqualTo(now.plusSeconds(30));
        assertThat(AiWorkItem.retryAt(2, now)).isEqualTo(now.plusSeconds(60));
        assertThat(AiWorkItem.retryAt(4, now)).isEqualTo(now.plusSeconds(240));
        assertThat(AiWorkItem.retryAt(AiWorkItem.MAX_ATTEMPTS, now)).isNull();
    }
}
