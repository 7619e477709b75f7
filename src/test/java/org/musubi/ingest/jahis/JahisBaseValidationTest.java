package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.BaseValidation;
import org.musubi.testing.Validators;

/** Every mapped resource passes Musubi's base R4 validation once the pipeline has resolved the patient placeholder. */
class JahisBaseValidationTest {

    private final BaseValidation validation = Validators.shared();

    @Test
    void mapsEveryTestNotebookAndSampleToValidR4Resources() {
        List<ParseResult> results = new ArrayList<>(JahisFiles.read("x.txt",
                Notebooks.notebook(Notebooks.amlodipineBlock(), Notebooks.ointmentBlock())));
        results.addAll(JahisFiles.read("notes.txt", JahisNoteOnlyBlockTest.PROVIDED_ONLY));
        if (Files.isDirectory(JahisFiles.SAMPLES)) {
            for (String sample : List.of("tc-supported-records-full.txt", "tc-output-category-2-full.txt",
                    "tc-with-otc-components-and-remaining-medicine.txt")) {
                results.addAll(JahisFiles.readSample(sample));
            }
        }
        List<Resource> resources = new ArrayList<>();
        parsed(results).forEach(p -> {
            resources.add(p.patientResource());
            p.resources().forEach(m -> resources.add(resolved(m.resource())));
        });

        assertThat(resources).hasSizeGreaterThan(6).allSatisfy(r ->
                assertThat(validation.check(r)).as(r.fhirType() + " " + SameResults.json(r)).isEmpty());
    }

    private static Resource resolved(Resource resource) {
        Resource copy = resource.copy();
        for (var property : List.of("subject", "patient")) {
            var values = copy.getProperty(property.hashCode(), property, false);
            if (values != null) {
                for (var value : values) {
                    if (value instanceof Reference ref && SourceRefs.PATIENT.equals(ref.getReference())) {
                        ref.setReference("Patient/1");
                    }
                }
            }
        }
        return copy;
    }
}
