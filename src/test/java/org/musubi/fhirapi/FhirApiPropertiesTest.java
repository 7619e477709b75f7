package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FhirApiPropertiesTest {

    @Test
    void validationIsFullOrRules() {
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "full").validatesBaseR4()).isTrue();
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "rules").validatesBaseR4()).isFalse();
        assertThatThrownBy(() -> new FhirApiProperties("urn:musubi:regional-id", 20, "none"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("musubi.fhir.validation must be full (base FHIR R4 and Musubi's rules) or rules (Musubi's "
                        + "rules only): none");
    }
}
