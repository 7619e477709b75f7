package org.musubi.ingest.hl7.orders;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musubi.ingest.adapter.MappedResource;

class OrderMappersTest {

    private static final List<String> DATA_TYPES = List.of("OMP-01", "OMP-02", "OMP-11", "OMP-12", "OML-01", "OML-11",
            "OMG-01", "OMG-02", "OMG-03", "OMG-11", "OMG-12", "OMG-13", "OMD");

    @Test
    void offersAMapperForEveryOrderAndResultDataType() {
        assertThat(OrderMappers.byDataType()).containsOnlyKeys(DATA_TYPES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OMP-01", "OMP-02", "OMP-11", "OMP-12", "OML-01", "OML-11", "OMG-01", "OMG-02", "OMG-03",
            "OMG-11", "OMG-12", "OMG-13", "OMD"})
    void mapsEachNhoSampleWithoutWarningsToDistinctKeysAndEncodableResources(String dataType) throws Exception {
        var input = Messages.input(dataType, NhoSamples.text(dataType));

        List<MappedResource> mapped = Messages.map(input, dataType);

        if (dataType.equals("OMG-13")) {
            // The ECG's units bpm, msec and degree are not UCUM: kept as sent, uncoded, and counted (issue 38).
            assertThat(input.warnings()).extracting(w -> w.code() + " " + w.where().line() + " " + w.where().field())
                    .containsExactly("lab.unit.notUcum 6 OBX-6", "lab.unit.notUcum 7 OBX-6", "lab.unit.notUcum 8 OBX-6",
                            "lab.unit.notUcum 9 OBX-6", "lab.unit.notUcum 10 OBX-6", "lab.unit.notUcum 11 OBX-6",
                            "lab.unit.notUcum 12 OBX-6", "lab.unit.notUcum 13 OBX-6", "lab.unit.notUcum 14 OBX-6");
        } else {
            assertThat(input.warnings()).isEmpty();
        }
        assertThat(mapped).extracting(MappedResource::sourceKey).doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(k).startsWith("ssmix2:" + dataType + ":1/").doesNotContain(" ", "^"));
        var json = FhirContext.forR4Cached().newJsonParser();
        mapped.forEach(m -> assertThat(json.encodeResourceToString(m.resource())).contains("urn:source:Patient"));
    }

    @Test
    void mapsTheSameMessageToTheSameKeysAgain() throws Exception {
        String text = NhoSamples.text("OMP-01");

        assertThat(Messages.map("OMP-01", text)).extracting(MappedResource::sourceKey)
                .isEqualTo(Messages.map("OMP-01", text).stream().map(MappedResource::sourceKey).toList());
    }
}
