package org.musubi.testing;

import ca.uhn.fhir.context.FhirContext;
import org.musubi.record.fhir.BaseValidation;

/** One base R4 validator for all unit tests of the JVM: building it loads every R4 definition (seconds). */
public final class Validators {

    private static final BaseValidation SHARED = new BaseValidation(FhirContext.forR4Cached());

    private Validators() {
    }

    public static BaseValidation shared() {
        return SHARED;
    }
}
