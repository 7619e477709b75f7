package org.musubi.fhirapi.everything;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryReferencesTest {

    @Test
    void readsADirectoryTypeAndAFhirIdClosedByTheQuote() {
        String json = """
                {"performer":[{"reference":"PractitionerRole/r-1.2"}],"subject":{"reference":"Patient/p1"},\
                "serviceProvider":{"reference":"Organization/%s"},"location":[{"reference":"Location/a b"}],\
                "x":{"reference":"Practitioner/"},"y":{"reference":"Device/d1?x"},"z":{"reference":"Medication/m1"}}"""
                .formatted("o".repeat(64));

        assertThat(refs(json)).containsExactly("PractitionerRole/r-1.2", "Organization/" + "o".repeat(64), "Medication/m1");
        assertThat(refs(json.replace("o".repeat(64), "o".repeat(65)))).doesNotContain("Organization/" + "o".repeat(65));
    }

    private static java.util.List<String> refs(String json) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        DirectoryReferences.addReferences(json, found);
        return java.util.List.copyOf(found);
    }
}
