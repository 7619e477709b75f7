package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnglishWorkerContextTest {

    @Test
    void theValidatorSpeaksEnglishOnAServerWhoseDefaultLocaleIsJapanese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            EnglishWorkerContext context = new EnglishWorkerContext(new DefaultProfileValidationSupport(FhirContext.forR4Cached()));

            assertThat(context.formatMessage("Bundle_BUNDLE_Entry_NoFullUrl")).isEqualTo("Bundle entry missing fullUrl");
            assertThat(context.formatMessage("Unrecognised_property_", "colour")).isEqualTo("Unrecognized property 'colour'");
            assertThat(context.formatMessagePlural(0, "Validation_VAL_Profile_Minimum", "from", "", "Observation.status",
                    "", "", "", "1")).isEqualTo("Observation.status: minimum required = 1, but only found 0 (from from)");
        } finally {
            Locale.setDefault(before);
        }
    }
}
