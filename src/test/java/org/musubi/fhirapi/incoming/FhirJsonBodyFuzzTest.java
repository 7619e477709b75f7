package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;

/**
 * Any bytes sent as a FHIR JSON body become a resource (its faults collected) or a 400 whose text
 * names no Java code, never another exception; a Bundle HAPI read is also read by {@link IncomingJson}
 * as a transaction's stored entries are. The first byte picks the type the server expects, as the URL
 * would ({@code 0} Bundle, {@code 1} Observation, {@code 2} Condition, {@code 3} Patient); the rest is the body. Seeds:
 * {@code FhirJsonBodyFuzzTestInputs/}. {@code JAZZER_FUZZ=1} fuzzes; otherwise the seeds run as a normal test.
 */
@Tag("fuzz")
class FhirJsonBodyFuzzTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final List<Class<? extends Resource>> TYPES =
            List.of(Bundle.class, Observation.class, Condition.class, Patient.class);

    @FuzzTest(maxDuration = "30s")
    void readsAnyJsonIntoAResourceOrA400(byte[] data) {
        if (parseOr400(EncodingEnum.JSON, data) instanceof Bundle bundle) {
            String body = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
            refusedOr(() -> IncomingJson.entries(body, bundle.getEntry().size()));
        }
    }

    /** The resource the body holds, or null when it was refused with a 400 that names no code. */
    static Resource parseOr400(EncodingEnum encoding, byte[] data) {
        if (data.length == 0) {
            return null;
        }
        Class<? extends Resource> type = TYPES.get((data[0] & 0xff) % TYPES.size());
        String body = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        return refusedOr(() -> RequestBodies.parse(FHIR, encoding, type, body, "http://localhost/fhir", new ParseFaults()));
    }

    private static <T> T refusedOr(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidRequestException refused) {
            if (ParserMessages.namesCode(refused.getMessage())) {
                throw new AssertionError("a refusal naming code: " + refused.getMessage());
            }
            return null;
        }
    }
}
