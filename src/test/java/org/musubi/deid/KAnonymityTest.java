package org.musubi.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** k-anonymity: the lattice search, suppression, and k recomputed from the pipeline's output (issue 48, deid). */
class KAnonymityTest {

    private static final List<QuasiIdentifier> QIS = List.of(QuasiIdentifier.AGE, QuasiIdentifier.SEX,
            QuasiIdentifier.MUNICIPALITY, QuasiIdentifier.EVENT_MONTH);

    @Test
    void hierarchiesGeneraliseStepByStep() {
        assertThat(QuasiIdentifier.AGE.generalize("47", 0)).isEqualTo("45-49");
        assertThat(QuasiIdentifier.AGE.generalize("47", 1)).isEqualTo("40-49");
        assertThat(QuasiIdentifier.AGE.generalize("47", 2)).isEqualTo("40-59");
        assertThat(QuasiIdentifier.AGE.generalize("47", 3)).isEqualTo("*");
        assertThat(QuasiIdentifier.EVENT_MONTH.generalize("2024-05", 1)).isEqualTo("2024-Q2");
        assertThat(QuasiIdentifier.EVENT_MONTH.generalize("2024-05", 2)).isEqualTo("2024");
        assertThat(QuasiIdentifier.MUNICIPALITY.generalize("広島県/呉市", 1)).isEqualTo("広島県");
    }

    @Test
    void aLonePersonIsSuppressedRatherThanGeneralisingEveryone() {
        List<String[]> tuples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tuples.add(new String[] {"42", i % 2 == 0 ? "male" : "female", "広島県/広島市", "2024-05"});
        }
        tuples.add(new String[] {"97", "male", "広島県/三原市", "2024-05"});
        KAnonymity.Result r = KAnonymity.anonymize(QIS, tuples, 5, 0.05);
        assertThat(r.levels()).containsExactly(0, 0, 0, 0);
        assertThat(r.suppressed().cardinality()).isEqualTo(1);
        assertThat(r.suppressed().get(50)).isTrue();
        assertThat(r.k()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void pipelineOutputIsKAnonymousRecomputedFromThePatients() throws Exception {
        DeidEngine engine = new DeidEngine(DeidConfig.japaneseDefault(),
                new DeidKeys("k-anonymity-test-key-0123456789".getBytes(StandardCharsets.UTF_8)));
        Random random = new Random(7);
        List<SyntheticJpRecords.Person> persons = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            persons.add(SyntheticJpRecords.person(i, 6, random));
        }
        Map<String, ByteArrayOutputStream> outputs = new HashMap<>();
        DeidReport report = new DeidPipeline(engine, QIS, LocalDate.of(2025, 4, 1)).run(
                each -> persons.forEach(p -> each.accept(new PersonRecords(p.key(), p.resources()))),
                type -> outputs.computeIfAbsent(type, t -> new ByteArrayOutputStream()));
        List<List<String>> tuples = new ArrayList<>();
        var mapper = JsonMapper.builder().build();
        for (String line : outputs.get("Patient").toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode patient = mapper.readTree(line);
            assertThat(patient.has("birthDate")).isFalse();
            List<String> tuple = new ArrayList<>();
            for (JsonNode ext : patient.path("extension")) {
                if (ext.path("url").asString().equals(DeidPipeline.QI_EXTENSION)) {
                    ext.path("extension").forEach(part -> tuple.add(part.path("valueString").asString()));
                }
            }
            assertThat(tuple).hasSize(4);
            assertThat(patient.path("gender").asString("*")).isEqualTo(tuple.get(1));
            tuples.add(tuple);
        }
        KAnonymity.Result result = report.kAnonymityResult();
        assertThat(KAnonymity.k(tuples)).as(result.toString()).isGreaterThanOrEqualTo(5).isEqualTo(result.k());
        assertThat(tuples.size() + report.suppressedPersons()).isEqualTo(400);
        assertThat(report.suppressedPersons()).isEqualTo(result.suppressed().cardinality()).isLessThanOrEqualTo(20);
        assertThat(result.generalisation()).contains("age band");
    }
}
