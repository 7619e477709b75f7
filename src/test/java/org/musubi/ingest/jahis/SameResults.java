package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.Problem;

/** Asserts two readings gave the same results: keys, patient, resources (deep equality) and problems. */
final class SameResults {

    private SameResults() {
    }

    static String json(Resource resource) {
        return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    static void assertSame(List<ParseResult> actual, List<ParseResult> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            ParseResult want = expected.get(i);
            ParseResult got = actual.get(i);
            assertThat(got.getClass()).isEqualTo(want.getClass());
            if (want instanceof Parsed p) {
                assertSameParsed((Parsed) got, p);
            } else {
                assertThat(((Rejected) got).problem()).isEqualTo(((Rejected) want).problem());
            }
        }
    }

    /** The same record: key, patient and every resource equal, in order (locations may differ). */
    static void assertSameParsed(Parsed got, Parsed want) {
        assertThat(got.recordKey()).isEqualTo(want.recordKey());
        assertThat(got.patient()).isEqualTo(want.patient());
        assertThat(got.patientResource().equalsDeep(want.patientResource())).as("patient of %s", want.recordKey()).isTrue();
        assertThat(got.resources()).extracting(MappedResource::sourceKey)
                .containsExactlyElementsOf(want.resources().stream().map(MappedResource::sourceKey).toList());
        for (int r = 0; r < want.resources().size(); r++) {
            var gotResource = got.resources().get(r).resource();
            var wantResource = want.resources().get(r).resource();
            if (!gotResource.equalsDeep(wantResource)) {
                assertThat(json(gotResource)).as("resource %s", want.resources().get(r).sourceKey()).isEqualTo(json(wantResource));
            }
            assertThat(gotResource.equalsDeep(wantResource)).as("resource %s", want.resources().get(r).sourceKey()).isTrue();
        }
        assertThat(got.directory()).extracting(DirectoryResource::ref).as("directory of %s", want.recordKey())
                .containsExactlyElementsOf(want.directory().stream().map(DirectoryResource::ref).toList());
        for (int d = 0; d < want.directory().size(); d++) {
            assertThat(got.directory().get(d).json()).isEqualTo(want.directory().get(d).json());
        }
        assertThat(got.warnings()).extracting(Problem::code)
                .containsExactlyElementsOf(want.warnings().stream().map(Problem::code).toList());
    }
}
