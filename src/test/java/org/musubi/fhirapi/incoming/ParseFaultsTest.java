package org.musubi.fhirapi.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.Fault;

class ParseFaultsTest {

    @Test
    void collectsWhatTheLenientParserWouldDropOrKeepUnchecked() {
        ParseFaults faults = new ParseFaults();

        FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(faults).parseResource(Observation.class, """
                {"resourceType":"Observation","status":"bogus","colour":"red","code":{"text":"HbA1c"},
                 "effectiveDateTime":"2024-13-45"}""");

        assertThat(faults.faults()).extracting(Fault::element, Fault::issueType).containsExactlyInAnyOrder(
                Tuple.tuple("status", "value"), Tuple.tuple("colour", "structure"),
                Tuple.tuple("effectiveDateTime", "value"));
        assertThat(faults.faults()).extracting(Fault::diagnostics).contains("colour: R4 に定義されていない要素です / "
                + "unknown element 'colour' (it would be lost)");
    }
}
