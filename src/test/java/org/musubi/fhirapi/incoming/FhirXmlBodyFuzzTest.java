package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.rest.api.EncodingEnum;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Any bytes sent as a FHIR XML body become a resource (its faults collected) or a 400 whose text
 * names no Java code, never another exception; entities are never expanded (a body with a DOCTYPE is
 * refused). The first byte picks the type as in {@link FhirJsonBodyFuzzTest}; the rest is the body.
 * Seeds: {@code FhirXmlBodyFuzzTestInputs/}. {@code JAZZER_FUZZ=1} fuzzes; otherwise the seeds run as a normal test.
 */
@Tag("fuzz")
class FhirXmlBodyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readsAnyXmlIntoAResourceOrA400(byte[] data) {
        FhirJsonBodyFuzzTest.parseOr400(EncodingEnum.XML, data);
    }
}
