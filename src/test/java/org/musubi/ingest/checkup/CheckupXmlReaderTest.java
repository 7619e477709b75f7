package org.musubi.ingest.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.results.Interpretations;
import org.musubi.record.fhir.FhirSystems;

/** The team's synthetic samples read and mapped: the values each one states, asserted one by one. */
class CheckupXmlReaderTest {

    @Test
    void readsTheExamineeOfATypicalMaleDocument() {
        Parsed parsed = only(CheckupSamples.read(CheckupSamples.MALE, CheckupSamples.bytes(CheckupSamples.MALE)));

        assertThat(parsed.recordKey()).isEqualTo("checkup:10:20250612:3420000099");
        assertThat(parsed.where().file()).isEqualTo(CheckupSamples.MALE);
        assertThat(parsed.patient().localId()).matches("checkup-[0-9a-f]{16}");
        assertThat(parsed.patient().familyKana()).isEqualTo("ケンシン");
        assertThat(parsed.patient().givenKana()).isEqualTo("イチロウ");
        assertThat(parsed.patient().familyKanji()).isNull();
        assertThat(parsed.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(parsed.patient().birthDate()).hasToString("1965-04-12");
        assertThat(parsed.patient().postalCode()).isEqualTo("730-0099");
        assertThat(parsed.patient().address()).isEqualTo("広島県広島市中区架空町１－２－３");
        assertThat(parsed.patient().phone()).isEqualTo("082-000-1234");
        assertThat(parsed.authoritative()).isFalse();
        assertThat(parsed.patientResource().getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(Tuple.tuple(CheckupSamples.CENTRE.patientIdSystem(),
                        parsed.patient().localId()), Tuple.tuple(CheckupPatients.INSURED_PERSON,
                        "06349901:ケンシ１２:４５６７:01"));
        HumanName kana = parsed.patientResource().getNameFirstRep();
        assertThat(kana.getText()).isEqualTo("ケンシン イチロウ");
        assertThat(kana.getExtensionByUrl(FhirSystems.NAME_REPRESENTATION).getValue().primitiveValue()).isEqualTo("SYL");
        assertThat(parsed.patientResource().getBirthDateElement().getValueAsString()).isEqualTo("1965-04-12");
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void mapsEveryResultOfATypicalMaleDocumentWithItsValueUnitRangeAndInterpretation() {
        Parsed parsed = only(CheckupSamples.read(CheckupSamples.MALE, CheckupSamples.bytes(CheckupSamples.MALE)));
        String key = "checkup:10:20250612:3420000099";

        assertThat(parsed.resources()).extracting(MappedResource::sourceKey).hasSize(22)
                .startsWith(key + "/encounter", key + "/obs/9N001000000000001").endsWith(key + "/report");
        Observation height = observation(parsed, "9N001000000000001");
        assertThat(height.getValueQuantity().getValue()).isEqualByComparingTo("171.2");
        assertThat(height.getValueQuantity().getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(height.getValueQuantity().getCode()).isEqualTo("cm");
        assertThat(height.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                Tuple.tuple(FhirSystems.CHECKUP_ITEM, "9N001000000000001"),
                Tuple.tuple(FhirSystems.LOINC, "8302-2"));
        assertThat(height.getCode().getText()).isEqualTo("身長");
        assertThat(categories(height)).containsExactly("body-measurement", "vital-signs");
        assertThat(height.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-06-12");
        assertThat(height.getSubject().getReference()).isEqualTo(SourceRefs.PATIENT);
        assertThat(height.getEncounter().getReference()).isEqualTo(SourceRefs.PREFIX + "Encounter/" + key + "/encounter");
        assertThat(height.getPerformerFirstRep().getDisplay()).isEqualTo("むすび健診センター");
        assertThat(height.getPerformerFirstRep().getReference()).isEqualTo(parsed.directory().getFirst().ref());

        Observation systolic = observation(parsed, "9A751000000000001");
        assertThat(systolic.getValueQuantity().getValue()).isEqualByComparingTo("138");
        assertThat(systolic.getValueQuantity().getUnit()).isEqualTo("mmHg");
        assertThat(systolic.getValueQuantity().getCode()).isEqualTo("mm[Hg]");
        assertThat(systolic.getInterpretationFirstRep().getCodingFirstRep().getSystem()).isEqualTo(Interpretations.SYSTEM);
        assertThat(systolic.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
        assertThat(systolic.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("80");
        assertThat(systolic.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("129");
        assertThat(systolic.getReferenceRangeFirstRep().getHigh().getCode()).isEqualTo("mm[Hg]");
        assertThat(categories(systolic)).containsExactly("vital-signs");

        Observation triglycerides = observation(parsed, "3F015000002327101");
        assertThat(triglycerides.getValueQuantity().getValue()).isEqualByComparingTo("165");
        assertThat(triglycerides.getValueQuantity().getCode()).isEqualTo("mg/dl");
        assertThat(triglycerides.getMeta().getProfile().getFirst().getValue()).endsWith("JP_Observation_LabResult");
        assertThat(categories(triglycerides)).containsExactly("laboratory");
        assertThat(observation(parsed, "3D046000001906202").getValueQuantity().getValue()).isEqualByComparingTo("5.9");
    }

    @Test
    void mapsCodedTextAndQuestionnaireResultsAndTheDoctorWhoJudged() {
        Parsed parsed = only(CheckupSamples.read(CheckupSamples.MALE, CheckupSamples.bytes(CheckupSamples.MALE)));

        CodeableConcept sugar = observation(parsed, "1A020000000191111").getValueCodeableConcept();
        assertThat(sugar.getCodingFirstRep().getSystem()).isEqualTo("urn:oid:1.2.392.200119.6.2102");
        assertThat(sugar.getCodingFirstRep().getCode()).isEqualTo("1");
        assertThat(sugar.getText()).isEqualTo("－");
        assertThat(observation(parsed, "1A010000000191111").getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("2");
        CodeableConcept metabolic = observation(parsed, "9N501000000000011").getValueCodeableConcept();
        assertThat(metabolic.getCodingFirstRep().getSystem()).isEqualTo("urn:oid:1.2.392.200119.6.1008");
        assertThat(metabolic.getText()).isEqualTo("予備群該当");
        Observation judgement = observation(parsed, "9N511000000000049");
        assertThat(judgement.getValueStringType().getValue()).startsWith("脂質と肝機能に軽度の異常があります。");
        assertThat(judgement.getPerformer()).extracting(r -> r.getDisplay()).containsExactly("むすび健診センター", "試験　医師");
        assertThat(categories(judgement)).containsExactly("exam");
        Observation smoking = observation(parsed, "9N736000000000011");
        assertThat(smoking.getValueCodeableConcept().getText()).isEqualTo("はい");
        assertThat(categories(smoking)).containsExactly("survey");
    }

    @Test
    void groupsTheCheckupAsAnEncounterAndADiagnosticReportByTheOrganisation() {
        Parsed parsed = only(CheckupSamples.read(CheckupSamples.MALE, CheckupSamples.bytes(CheckupSamples.MALE)));

        Encounter encounter = (Encounter) parsed.resources().getFirst().resource();
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-06-12");
        assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("010");
        assertThat(encounter.getTypeFirstRep().getText()).isEqualTo("特定健診");
        assertThat(encounter.getServiceProvider().getIdentifier().getValue()).isEqualTo("3420000099");
        DiagnosticReport report = (DiagnosticReport) parsed.resources().getLast().resource();
        assertThat(report.getResult()).hasSize(20);
        assertThat(report.getResultFirstRep().getReference())
                .isEqualTo(SourceRefs.PREFIX + "Observation/checkup:10:20250612:3420000099/obs/9N001000000000001");
        assertThat(report.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-06-12");
        assertThat(parsed.directory()).hasSize(1);
        Organization centre = (Organization) parsed.directory().getFirst().resource();
        assertThat(centre.getName()).isEqualTo("むすび健診センター");
        assertThat(centre.getIdentifierFirstRep().getSystem()).isEqualTo(FhirSystems.INSTITUTION_NO);
        assertThat(centre.getIdentifierFirstRep().getValue()).isEqualTo("3420000099");
        assertThat(centre.getAddressFirstRep().getPostalCode()).isEqualTo("732-0099");
    }

    @Test
    void readsGroupsValuesOutOfRangeAbsentValuesAndSkipsItemsNotDone() {
        Parsed parsed = only(CheckupSamples.read(CheckupSamples.FEMALE, CheckupSamples.bytes(CheckupSamples.FEMALE)));

        assertThat(parsed.patient().familyKanji()).isEqualTo("見本");
        assertThat(parsed.patient().givenKanji()).isEqualTo("花子");
        assertThat(parsed.patient().familyKana()).isEqualTo("ミホン");
        assertThat(parsed.patient().sex()).isEqualTo(Sex.FEMALE);
        assertThat(parsed.patient().postalCode()).isEqualTo("734-0099");
        assertThat(parsed.patient().address()).isEqualTo("広島県広島市南区見本町７－８－９");
        assertThat(parsed.resources()).extracting(MappedResource::sourceKey)
                .contains(key(parsed, "9A751000000000001"), key(parsed, "9A752000000000001"), key(parsed, "9A761000000000001"))
                .doesNotContain(key(parsed, "3F077000002327101"));
        Quantity triglycerides = observation(parsed, "3F015000002327101").getValueQuantity();
        assertThat(triglycerides.getValue()).isEqualByComparingTo("2000");
        assertThat(triglycerides.getComparator()).isEqualTo(Quantity.QuantityComparator.GREATER_OR_EQUAL);
        Observation hdl = observation(parsed, "3F070000002327101");
        assertThat(hdl.hasValue()).isFalse();
        assertThat(hdl.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("unknown");
        assertThat(hdl.getDataAbsentReason().getText()).isEqualTo("NI");
        Observation hba1c = observation(parsed, "3D046000001906202");
        assertThat(hba1c.getCode().getCoding()).extracting(Coding::getSystem)
                .containsExactly(FhirSystems.CHECKUP_ITEM, FhirSystems.JLAC10);
        assertThat(hba1c.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("5.5");
        assertThat(observation(parsed, "9E101000000000011").getValueCodeableConcept().getCodingFirstRep().getSystem())
                .isEqualTo("urn:oid:1.2.392.200119.6.2110");
        assertThat(observation(parsed, "2A030000001930101").getValueQuantity().getCode()).isEqualTo("g/dl");
        assertThat(categories(observation(parsed, "9A110160700000011"))).containsExactly("exam");
        assertThat(((DiagnosticReport) parsed.resources().getLast().resource()).getResult()).hasSize(14);
    }

    @Test
    void readsADocumentWithOnlyWhatTheFormRequires() {
        Parsed parsed = only(CheckupSamples.read(CheckupSamples.MINIMAL, CheckupSamples.bytes(CheckupSamples.MINIMAL)));

        assertThat(parsed.recordKey()).isEqualTo("checkup:10:20250728:3420000099");
        assertThat(parsed.patient().postalCode()).isNull();
        assertThat(parsed.patient().address()).isNull();
        assertThat(parsed.patient().phone()).isNull();
        assertThat(parsed.patientResource().getIdentifier().get(1).getValue()).isEqualTo("00349903::88001234:");
        Observation waist = observation(parsed, "9N016160100000001");
        assertThat(waist.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.CHECKUP_ITEM);
        assertThat(waist.getCode().getCodingFirstRep().getCode()).isEqualTo("9N016160100000001");
        assertThat(waist.getCode().getText()).as("sent without a name: the spec's name (issue 38)").isEqualTo("腹囲（実測）");
        assertThat(waist.getCode().getCodingFirstRep().getDisplay()).isEqualTo("腹囲（実測）");
        assertThat(waist.getValueQuantity().getValue()).isEqualByComparingTo("79");
        Encounter encounter = (Encounter) parsed.resources().getFirst().resource();
        assertThat(encounter.getTypeFirstRep().getText()).isEqualTo("特定健診");
        assertThat(parsed.directory()).hasSize(1);
        assertThat(((Organization) parsed.directory().getFirst().resource()).hasAddress()).isFalse();
    }

    @Test
    void givesTheSameDocumentTheSameKeysWhateverItsFileName() {
        byte[] male = CheckupSamples.bytes(CheckupSamples.MALE);
        Parsed first = only(CheckupSamples.read("a.xml", male));
        Parsed again = only(CheckupSamples.read("b.xml", male));
        Parsed other = only(CheckupSamples.read(CheckupSamples.FEMALE, CheckupSamples.bytes(CheckupSamples.FEMALE)));

        assertThat(again.recordKey()).isEqualTo(first.recordKey());
        assertThat(again.patient().localId()).isEqualTo(first.patient().localId());
        assertThat(again.directory().getFirst().id()).isEqualTo(first.directory().getFirst().id());
        assertThat(again.resources()).extracting(MappedResource::sourceKey)
                .isEqualTo(first.resources().stream().map(MappedResource::sourceKey).toList());
        assertThat(other.patient().localId()).isNotEqualTo(first.patient().localId());
    }

    @Test
    void readsASubmissionZipAndPassesOverItsIndexSummaryClaimsAndSchemasWithANote() {
        byte[] zip = CheckupSamples.zip(CheckupSamples.SUBMISSION, Map.of("readme.txt", "見本".getBytes()));

        List<ParseResult> results = CheckupSamples.read("submission.zip", zip);

        assertThat(results).hasSize(3);
        String folder = "submission.zip!/3420000099_06349901_202508151_1/";
        Parsed first = (Parsed) results.get(0);
        assertThat(first.where().file()).isEqualTo(folder + "DATA/h34200000992025081510000001.xml");
        assertThat(first.recordKey()).isEqualTo("checkup:10:20250810:3420000099");
        assertThat(first.warnings()).extracting(w -> w.where().file() + " " + w.code()).containsExactlyInAnyOrder(
                folder + "DATA/c34200000992025081510000001.xml checkup.zip.submissionFile",
                folder + "index.xml checkup.zip.submissionFile", folder + "summary.xml checkup.zip.submissionFile",
                "submission.zip!/readme.txt checkup.zip.notXml");
        Parsed second = (Parsed) results.get(1);
        assertThat(second.patient().sex()).isEqualTo(Sex.FEMALE);
        assertThat(second.resources()).hasSize(3);
        Rejected bad = (Rejected) results.get(2);
        Problem problem = bad.problem();
        assertThat(problem.where().file()).isEqualTo(folder + "DATA/h34200000992025081510000002.xml");
        assertThat(problem.where().record()).isEqualTo("observation 3D010000001926101");
        assertThat(problem.where().field()).isEqualTo("value/@value");
        assertThat(problem.where().line()).isEqualTo(47);
        assertThat(problem.code()).isEqualTo("checkup.value.number");
        assertThat(problem.japanese()).isEqualTo("value/@value の「九十」は数値ではありません。");
        assertThat(problem.english()).isEqualTo("value/@value \"九十\" is not a number.");
        assertThat(bad.raw()).contains("<code code=\"3D010000001926101\"/>").contains("九十");
    }

    @Test
    void leavesOutAFurtherCodeItCannotNameWithAWarningNamingIt() {
        String text = CheckupSamples.text(CheckupSamples.FEMALE).replace(
                "<translation code=\"3D046000001906202\" codeSystem=\"1.2.392.200119.4.504\"",
                "<translation code=\"3D046000001906202\" codeSystem=\"JLAC10\"");

        Parsed parsed = only(CheckupSamples.read(CheckupSamples.FEMALE, text));

        Observation hba1c = observation(parsed, "3D046000001906202");
        assertThat(hba1c.getCode().getCoding()).extracting(Coding::getSystem).containsExactly(FhirSystems.CHECKUP_ITEM);
        assertThat(hba1c.getValueQuantity().getValue()).isEqualByComparingTo("6.4");
        assertThat(parsed.warnings()).filteredOn(w -> w.code().equals("checkup.item.translation")).singleElement()
                .satisfies(w -> {
                    assertThat(w.where().field()).isEqualTo("code/translation");
                    assertThat(w.english()).contains("\"3D046000001906202\"").contains("\"JLAC10\"").contains("left out");
                });
    }

    @Test
    void keepsTheNotesOfAZipThatGaveNoRecordAsRowsOfTheirOwn() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "見本".getBytes(StandardCharsets.UTF_8));
        entries.put("DATA/h.xml", "<ClinicalDocument".getBytes(StandardCharsets.UTF_8));
        byte[] zip = CheckupSamples.zip(CheckupSamples.SUBMISSION + "/3420000099_06349901_202508151_1/XSD", entries);

        List<ParseResult> results = CheckupSamples.read("broken.zip", zip);

        assertThat(results).as("the broken results file, and the entry passed over: nothing stored, nothing unsaid")
                .allMatch(Rejected.class::isInstance)
                .extracting(r -> ((Rejected) r).problem().where().file() + " " + ((Rejected) r).problem().code())
                .contains("broken.zip!/readme.txt checkup.zip.notXml")
                .anyMatch(row -> row.startsWith("broken.zip!/DATA/h.xml "));
    }

    private static Parsed only(List<ParseResult> results) {
        assertThat(results).hasSize(1);
        assertThat(results.getFirst()).isInstanceOf(Parsed.class);
        return (Parsed) results.getFirst();
    }

    private static String key(Parsed parsed, String item) {
        return parsed.recordKey() + "/obs/" + item;
    }

    private static Observation observation(Parsed parsed, String item) {
        return parsed.resources().stream().filter(r -> r.sourceKey().equals(key(parsed, item)))
                .map(r -> (Observation) r.resource()).findFirst()
                .orElseThrow(() -> new AssertionError("no observation of " + item));
    }

    private static List<String> categories(Observation observation) {
        return observation.getCategory().stream().map(c -> c.getCodingFirstRep().getCode()).toList();
    }
}
