package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a CodeableConcept reads on every screen and document: text, display, else the code — a receipt code marked unknown. */
class FhirJsonConceptTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aReceiptMasterCodeWithoutANameReadsAsUnknownAndAnyOtherCodeAsItself() {
        assertThat(FhirJson.concept(concept(FhirSystems.RECEIPT_MEDICATION, "620098801", null, null)))
                .isEqualTo("620098801（名称不明 / name unknown）");
        assertThat(FhirJson.concept(concept(FhirSystems.RECEIPT_DISEASE, "2500013", null, null)))
                .isEqualTo("2500013（名称不明 / name unknown）");
        assertThat(FhirJson.concept(concept(FhirSystems.RECEIPT_MEDICATION, "620098801", "ロキソプロフェンＮａ錠６０ｍｇ", null)))
                .isEqualTo("ロキソプロフェンＮａ錠６０ｍｇ");
        assertThat(FhirJson.concept(concept(FhirSystems.RECEIPT_PROCEDURE, "112007410", null, "再診料"))).isEqualTo("再診料");
        assertThat(FhirJson.concept(concept(FhirSystems.HOT9, "108665201", null, null))).isEqualTo("108665201");
    }

    private static JsonNode concept(String system, String code, String display, String text) {
        String coding = "{\"system\":\"" + system + "\",\"code\":\"" + code + "\""
                + (display == null ? "" : ",\"display\":\"" + display + "\"") + "}";
        return JSON.readTree("{\"coding\":[" + coding + "]" + (text == null ? "" : ",\"text\":\"" + text + "\"") + "}");
    }
}
