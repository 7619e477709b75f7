package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class FhirApiPropertiesTest {

    @Test
    void validationIsStandardFullOrRules() {
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "full", DataSize.ofMegabytes(10)).validatesBaseR4()).isTrue();
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "rules", DataSize.ofMegabytes(10)).validatesBaseR4()).isFalse();
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "standard", DataSize.ofMegabytes(10)).validatesBaseR4()).isFalse();
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "standard", DataSize.ofMegabytes(10)).checksBaseR4()).isTrue();
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "full", DataSize.ofMegabytes(10)).checksBaseR4()).isTrue();
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "rules", DataSize.ofMegabytes(10)).checksBaseR4()).isFalse();
        assertThatThrownBy(() -> new FhirApiProperties("urn:musubi:regional-id", 20, "none", DataSize.ofMegabytes(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("musubi.fhir.validation must be standard (base FHIR R4's structure, cardinality, values and "
                        + "references, and Musubi's rules), full (all of base FHIR R4 and Musubi's rules) or rules (Musubi's "
                        + "rules only): none");
    }
}
