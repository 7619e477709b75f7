package org.musubi.record.fhir.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reading of a Condition's codes in Java ({@link ConditionCodes}, {@link ConditionStatus}) and in SQL
 * ({@code research_codes(content)}, V84, which fills the code index research and surveillance count from) say the
 * same of every case: the ICD-10 code's prefixes, each disease master code whole, and nothing for a refuted or mistaken
 * diagnosis.
 */
@MusubiIntegrationTest
class ConditionCodesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {
            "E11.9|" + FhirSystems.DISEASE_KEY + "=20061234|confirmed",
            "e119||unconfirmed",
            "J10|" + FhirSystems.RECEIPT_DISEASE + "=4871003|provisional",
            "|" + FhirSystems.DISEASE_EXCHANGE + "=KJ5E|",
            "J18.9|" + FhirSystems.DISEASE_KEY + "=20055555|refuted",
            "K29.7||entered-in-error",
    })
    void javaAndSqlReadTheSameCodes(String spec) {
        String[] part = spec.split("\\|", -1);
        StringBuilder codings = new StringBuilder();
        if (!part[0].isEmpty()) {
            codings.append("{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"").append(part[0]).append("\"}");
        }
        if (!part[1].isEmpty()) {
            String[] master = part[1].split("=");
            codings.append(codings.isEmpty() ? "" : ",").append("{\"system\":\"").append(master[0])
                    .append("\",\"code\":\"").append(master[1]).append("\"}");
        }
        String content = "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[" + codings + "]}"
                + (part[2].isEmpty() ? "" : ",\"verificationStatus\":{\"coding\":[{\"system\":\""
                + FhirSystems.CONDITION_VERIFICATION + "\",\"code\":\"" + part[2] + "\"}]}") + "}";

        String[] sql = jdbc.sql("SELECT research_codes(?)").param(content)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();

        assertThat(new TreeSet<>(Arrays.asList(sql))).as(content).isEqualTo(java(JSON.readTree(content)));
    }

    /** What the Java readers say the index should hold for one Condition. */
    private static Set<String> java(JsonNode condition) {
        Set<String> codes = new TreeSet<>();
        if (!ConditionStatus.of(condition).counted()) {
            return codes;
        }
        String icd = ConditionCodes.icd10Key(ConditionCodes.icd10(condition));
        for (int n = 1; icd != null && n <= icd.length(); n++) {
            codes.add("icd:" + icd.substring(0, n));
        }
        ConditionCodes.diseaseCodes(condition).forEach(c -> codes.add("dis:" + c.code()));
        return codes;
    }
}
