package org.musubi.fhirapi.everything;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    private static List<String> refs(String json) {
        Set<String> found = new LinkedHashSet<>();
        DirectoryReferences.addReferences(json, found);
        return List.copyOf(found);
    }
}
