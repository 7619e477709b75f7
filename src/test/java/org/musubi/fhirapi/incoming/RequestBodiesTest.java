package org.musubi.fhirapi.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * A decimal with an exponent of four digits or more is refused before HAPI reads it (found by fuzzing: HAPI writes
 * {@code 1e999999999} out in full and reads the billion digits again, hours of a core); ordinary exponents and
 * identifiers that merely contain an "E" between digits are read as they are.
 */
class RequestBodiesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static String observation(String value, String identifier) {
        return """
                {"resourceType":"Observation","status":"final","identifier":[{"value":"%s"}],
                 "code":{"text":"x"},"valueQuantity":{"value":%s,"unit":"mg"}}""".formatted(identifier, value);
    }

    private static Observation parse(EncodingEnum encoding, String body) {
        return RequestBodies.parse(FHIR, encoding, Observation.class, body, "http://localhost/fhir", new ParseFaults());
    }

    @Test
    void aDecimalWithAHugeExponentIsRefusedNamingItsPlace() {
        String body = observation("1e999999999", "A-1");
        assertThatThrownBy(() -> parse(EncodingEnum.JSON, body)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("指数の大きすぎる数値は受け付けません")
                .hasMessageContaining("1e999999999 at character " + body.indexOf("1e999999999"));
        String xml = "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text value=\"x\"/></code>"
                + "<valueQuantity><value value=\"-2.5E+0001000\"/></valueQuantity></Observation>";
        assertThatThrownBy(() -> parse(EncodingEnum.XML, xml)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("exceeds 999");
    }

    @Test
    void ordinaryExponentsAndIdentifiersWithAnEAreReadAsTheyAre() {
        Observation read = parse(EncodingEnum.JSON, observation("1.5e3", "LOT12E4567"));
        assertThat(parse(EncodingEnum.JSON, observation("7", "urn:uuid:6d1c0a2b-577e-3816-9b1e-1234e5678901"))
                .getIdentifierFirstRep().getValue()).as("a UUID's groups are no numbers")
                .isEqualTo("urn:uuid:6d1c0a2b-577e-3816-9b1e-1234e5678901");
        assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo("1500");
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo("LOT12E4567");
        assertThat(parse(EncodingEnum.JSON, observation("2E-999", "B")).getValueQuantity().getValue().scale())
                .isEqualTo(999);
    }
}
