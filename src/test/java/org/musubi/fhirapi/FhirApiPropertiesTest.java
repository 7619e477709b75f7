package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.KnownDeviations;
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

    @Test
    void everyKnownDeviationIsToleratedByDefaultAndNoneOrSomeByChoice() {
        assertThat(deviations().toleratedDeviations()).containsExactlyInAnyOrderElementsOf(KnownDeviations.names())
                .contains("language-outside-common-languages", "language-iso-639-system");
        assertThat(deviations("all").toleratedDeviations()).containsExactlyInAnyOrderElementsOf(KnownDeviations.names());
        assertThat(deviations("none").toleratedDeviations()).isEmpty();
        assertThat(deviations().validationDeviations()).containsExactly("all");
        assertThat(new FhirApiProperties("urn:musubi:regional-id", 20, "full", DataSize.ofMegabytes(10), List.of())
                .toleratedDeviations()).as("an empty value").isEmpty();
        assertThat(deviations(" language-iso-639-system ").toleratedDeviations()).containsExactly("language-iso-639-system");
    }

    @Test
    void anUnknownDeviationOrAllBesideANameIsRefusedAtStartUp() {
        assertThatThrownBy(() -> deviations("iso-language")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("musubi.fhir.validation-deviations must be all, none or names of known deviations [")
                .hasMessageEndingWith("]: iso-language");
        assertThatThrownBy(() -> deviations("none", "language-iso-639-system")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all or none stands alone");
    }

    private static FhirApiProperties deviations(String... names) {
        return new FhirApiProperties("urn:musubi:regional-id", 20, "full", DataSize.ofMegabytes(10),
                names.length == 0 ? null : List.of(names));
    }
}
