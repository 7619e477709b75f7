package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.rejected;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.medication.notebook.JahisWriter;
import org.musubi.record.fhir.FhirSystems;

/** Dispensing blocks without a drug: what they say is stored, counted and written back; an empty one is said. */
class JahisNoteOnlyBlockTest {

    static final String[] PROVIDED_ONLY = {Notebooks.HEADER, Notebooks.PATIENT, "5,R080310,1",
            "11,みなと総合病院,13,1,1234567,105-0001,東京都港区虎ノ門1-1-1,03-0000-0000,1", "15,薬剤師 一郎,03-0000-0001,1",
            "411,嚥下困難が見られるため、錠剤は粉砕して投与する,31,1"};

    @Test
    void storesABlockOfOnlyProvidedInformationAsADocumentOfItsInstitutionDatedByTheBlock() {
        List<ParseResult> results = read("x.txt", PROVIDED_ONLY);

        assertThat(rejected(results)).isEmpty();
        Parsed block = parsed(results).get(1);
        assertThat(block.recordKey()).startsWith("jahis:dispense:20260310:1311234567:");
        assertThat(block.warnings()).isEmpty();
        assertThat(block.resources()).singleElement().satisfies(m -> {
            DocumentReference document = (DocumentReference) m.resource();
            assertThat(document.getType().getCodingFirstRep().getCode()).isEqualTo("411");
            assertThat(document.getType().getCodingFirstRep().getDisplay()).isEqualTo("医療機関等提供情報");
            assertThat(new String(document.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                    .isEqualTo("嚥下困難が見られるため、錠剤は粉砕して投与する");
            assertThat(document.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(document.getContext().getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-03-10");
            assertThat(document.getSubject().getReference()).isEqualTo(SourceRefs.PATIENT);
            assertThat(document.getAuthor()).extracting(r -> r.getDisplay()).containsExactly("みなと総合病院", "薬剤師 一郎");
            assertThat(JahisFiles.stored(results, document.getAuthor().get(0), Organization.class).getIdentifierFirstRep()
                    .getValue()).isEqualTo("1311234567");
            assertThat(JahisFiles.stored(results, document.getAuthor().get(1), Practitioner.class).getNameFirstRep()
                    .getText()).isEqualTo("薬剤師 一郎");
            assertThat(document.getExtensionByUrl(FhirSystems.JAHIS_INFO_TYPE).getValue()
                    .primitiveValue()).isEqualTo("31");
        });
    }

    @Test
    void storesEachNoteOfABlockWithoutDrugsAsItsOwnDocument() {
        List<ParseResult> results = read("x.txt", Notebooks.HEADER, Notebooks.PATIENT, "5,20260310,1", "11,みなと薬局,,,,,,,1",
                "401,他の薬を併用する際は相談してください,1", "421,残薬は5錠,1", "501,次回は4月,1", "601,昼に眠くなった,20260311");

        Parsed block = parsed(results).get(1);
        List<DocumentReference> documents = block.resources().stream().map(m -> (DocumentReference) m.resource()).toList();
        assertThat(documents).extracting(d -> d.getType().getCodingFirstRep().getCode())
                .containsExactly("401", "421", "501", "601");
        assertThat(documents.get(3).getContentFirstRep().getAttachment().getCreationElement().getValueAsString())
                .isEqualTo("2026-03-11");
        assertThat(block.resources()).extracting(m -> m.sourceKey()).doesNotHaveDuplicates();
    }

    @Test
    void writesTheBlockBackAsTheSameRecords() {
        List<ParseResult> original = read("x.txt", PROVIDED_ONLY);

        JahisRoundTripTest.assertRoundTrip(original, JahisFiles.SHIFT_JIS);
        String written = new String(new JahisWriter(StandardCharsets.UTF_8).write(parsed(original).getFirst().patientResource(),
                JahisRoundTripTest.resources(original), JahisRoundTripTest.directory(original)), StandardCharsets.UTF_8);
        assertThat(written).contains("5,20260310,1\r\n11,みなと総合病院,13,1,1234567,105-0001,東京都港区虎ノ門1-1-1,03-0000-0000,1\r\n"
                + "15,薬剤師 一郎,03-0000-0001,1\r\n411,嚥下困難が見られるため、錠剤は粉砕して投与する,31,1\r\n");
    }

    @Test
    void warnsOfABlockThatSaysNothingToStore() {
        List<ParseResult> results = read("x.txt", Notebooks.HEADER, Notebooks.PATIENT, "5,20260310,1", "11,みなと薬局,,,,,,,1");

        Parsed block = parsed(results).get(1);
        assertThat(block.resources()).isEmpty();
        assertThat(block.warnings()).extracting(Problem::code).containsExactly("jahis.block.empty");
        assertThat(block.warnings().getFirst().where().line()).isEqualTo(3);
    }

    @Test
    void warnsThatThePrescriberOfABlockWithoutDrugsIsNotKept() {
        List<ParseResult> results = read("x.txt", Notebooks.HEADER, Notebooks.PATIENT, "5,20260310,1", "11,みなと薬局,,,,,,,1",
                "51,みなと内科,13,1,7654321,1", "55,内科 太郎,内科,1", "411,粉砕して交付,99,1");

        Parsed block = parsed(results).get(1);
        assertThat(block.resources()).hasSize(1);
        assertThat(block.warnings()).extracting(Problem::code, w -> w.where().line())
                .containsExactly(Tuple.tuple("jahis.block.prescriberNotKept", 5),
                        Tuple.tuple("jahis.block.prescriberNotKept", 6));
    }
}
