package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.policy.DataCategory.ADMINISTRATIVE;
import static org.musubi.policy.DataCategory.ALLERGIES;
import static org.musubi.policy.DataCategory.DEMOGRAPHICS;
import static org.musubi.policy.DataCategory.DIAGNOSES;
import static org.musubi.policy.DataCategory.DOCUMENTS;
import static org.musubi.policy.DataCategory.IMAGING;
import static org.musubi.policy.DataCategory.LAB_RESULTS;
import static org.musubi.policy.DataCategory.MEDICATIONS;
import static org.musubi.policy.DataCategory.UNDELIVERED;
import static org.musubi.policy.DataCategory.UNINFORMED;
import static org.musubi.policy.DataCategory.VITALS;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;

/** What a container holds, as the policy judges it: every category of its content besides its own. */
class ContentCategoriesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ContentCategories CONTENTS = new ContentCategories(FHIR);
    private static final ContentCategories.Stored NOTHING_STORED = (type, id) -> Set.of();

    @Test
    void anOrdinaryResourceHoldsNothingAndIsNotEvenRead() {
        assertThat(CONTENTS.held("Observation", "not json at all", LAB_RESULTS, NOTHING_STORED)).isEmpty();
        assertThat(CONTENTS.held("Patient", json(patient()), DEMOGRAPHICS, NOTHING_STORED)).isEmpty();
    }

    @Test
    void aBundleHoldsTheCategoryOfEveryEntryAVitalSignAsVitals() {
        Bundle bundle = collection(patient(), lab(), vitalSign(), new Composition().setTitle("紹介状"));

        assertThat(held(bundle)).containsExactlyInAnyOrder(DEMOGRAPHICS, LAB_RESULTS, VITALS);
    }

    @Test
    void aNestedBundleAndContainedResourcesCountTooAndUnknownTypesAsDocuments() {
        Observation withSpecimen = new Observation();
        withSpecimen.addContained(new Specimen().setStatus(Specimen.SpecimenStatus.AVAILABLE).setId("s"));
        MedicationRequest withMedication = new MedicationRequest();
        withMedication.addContained(new Medication().setStatus(Medication.MedicationStatus.ACTIVE).setId("m"));
        Bundle inner = collection(imaging());
        Bundle bundle = collection(inner, withMedication);

        assertThat(held(bundle)).containsExactlyInAnyOrder(IMAGING, MEDICATIONS);
        assertThat(held(collection(withSpecimen))).containsExactly(LAB_RESULTS);
        assertThat(CONTENTS.ofContent(bytes(collection(new Contract().setStatus(Contract.ContractStatus.OFFERED))),
                "application/fhir+json", NOTHING_STORED))
                .as("a type Musubi does not store counts as DOCUMENTS").containsExactly(DOCUMENTS);
        Task letterTask = new Task().setFor(new Reference("Patient/1"));
        letterTask.getCode().addCoding().setSystem(FhirSystems.LETTER_TYPE).setCode("referral");
        assertThat(CONTENTS.ofContent(bytes(collection(letterTask)), "application/fhir+json",
                NOTHING_STORED)).as("a letter's Task is a referral").containsExactlyInAnyOrder(DOCUMENTS, DataCategory.REFERRALS);
        assertThat(CONTENTS.ofContent(bytes(collection(new Task().setFor(new Reference("Patient/1")))),
                "application/fhir+json", NOTHING_STORED)).as("any other Task is a care task")
                .containsExactlyInAnyOrder(DOCUMENTS, DataCategory.CARE_RECORDS);
    }

    @Test
    void aCareTeamsPhotoInsideABundleIsACareRecordAnyOtherMediaImaging() {
        Media teamPhoto = new Media().setSubject(new Reference("Patient/1"));
        teamPhoto.addExtension(FhirSystems.CARE_TEAM_EXTENSION, new Reference("CareTeam/t1"));
        Media camera = new Media().setSubject(new Reference("Patient/1"));

        assertThat(CONTENTS.ofContent(bytes(collection(teamPhoto)), "application/fhir+json", NOTHING_STORED))
                .as("a team's wound photo").containsExactlyInAnyOrder(DOCUMENTS, DataCategory.CARE_RECORDS);
        assertThat(CONTENTS.ofContent(bytes(collection(camera)), "application/fhir+json", NOTHING_STORED))
                .as("any other photo").containsExactlyInAnyOrder(DOCUMENTS, IMAGING);
    }

    @Test
    void aProvenanceHoldsTheCategoriesOfWhatItIsAbout() {
        Provenance provenance = new Provenance().addTarget(new Reference("Patient/1")).addTarget(new Reference("Claim/2"))
                .addTarget(new Reference("https://ehr.example.jp/fhir/Observation/3/_history/1"))
                .addTarget(new Reference("urn:uuid:0f6c0000-0000-0000-0000-000000000004"));

        assertThat(CONTENTS.held("Provenance", json(provenance), DOCUMENTS, NOTHING_STORED))
                .as("each target by its type; one of no known type as DOCUMENTS, the Provenance's own")
                .containsExactlyInAnyOrder(DEMOGRAPHICS, ADMINISTRATIVE, LAB_RESULTS);
        assertThat(held(collection(provenance))).as("a Provenance inside a Bundle too")
                .containsExactlyInAnyOrder(DEMOGRAPHICS, ADMINISTRATIVE, LAB_RESULTS);
    }

    @Test
    void aCompositionHoldsTheCategoriesOfWhatItsSectionsReferTo() {
        Composition composition = new Composition();
        Composition.SectionComponent section = composition.addSection();
        section.addEntry(new Reference("Observation/1"));
        section.addEntry(new Reference("urn:uuid:0f6c0000-0000-0000-0000-000000000001").setType("Condition"));
        section.addEntry(new Reference("urn:uuid:0f6c0000-0000-0000-0000-000000000002"));
        section.addSection().addEntry(new Reference("AllergyIntolerance/2"));
        composition.addSection().addEntry(new Reference("https://ehr.example.jp/fhir/MedicationRequest/3/_history/1"));

        assertThat(CONTENTS.held("Composition", json(composition), DOCUMENTS, NOTHING_STORED))
                .containsExactlyInAnyOrder(LAB_RESULTS, DIAGNOSES, ALLERGIES, MEDICATIONS);
        assertThat(CONTENTS.held("Composition", json(new Composition().addSection(new Composition.SectionComponent()
                .addEntry(new Reference("urn:uuid:0f6c0000-0000-0000-0000-000000000003")))), DOCUMENTS, NOTHING_STORED))
                .as("a reference of no known type counts as DOCUMENTS, the Composition's own").isEmpty();
    }

    @Test
    void aDocumentReferenceHoldsItsInlineFhirContentJsonOrXml() {
        Bundle document = collection(patient(), lab());
        DocumentReference json = document(bytes(document), "application/fhir+json;charset=utf-8");
        DocumentReference xml = document(FHIR.newXmlParser().encodeResourceToString(document)
                .getBytes(StandardCharsets.UTF_8), "application/fhir+xml");
        DocumentReference pdf = document("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf");

        assertThat(CONTENTS.held("DocumentReference", json(json), DOCUMENTS, NOTHING_STORED))
                .containsExactlyInAnyOrder(DEMOGRAPHICS, LAB_RESULTS);
        assertThat(CONTENTS.held("DocumentReference", json(xml), DOCUMENTS, NOTHING_STORED))
                .containsExactlyInAnyOrder(DEMOGRAPHICS, LAB_RESULTS);
        assertThat(CONTENTS.held("DocumentReference", json(pdf), DOCUMENTS, NOTHING_STORED)).isEmpty();
    }

    @Test
    void aDocumentReferenceHoldsWhatTheStoredResourceItsUrlNamesHolds() {
        DocumentReference reference = new DocumentReference();
        reference.addContent().getAttachment().setContentType("application/fhir+json").setUrl("Binary/b-1");
        reference.addContent().getAttachment().setContentType("application/pdf").setUrl("https://elsewhere.example.jp/a.pdf");
        List<String> asked = new ArrayList<>();
        ContentCategories.Stored stored = (type, id) -> {
            asked.add(type + "/" + id);
            return Set.of(DOCUMENTS, VITALS);
        };

        assertThat(CONTENTS.held("DocumentReference", json(reference), DOCUMENTS, stored)).containsExactly(VITALS);
        assertThat(asked).containsExactly("Binary/b-1");
    }

    @Test
    void aBinaryHoldsItsFhirContentInlineOrUploaded() {
        Binary inline = new Binary().setContentType("application/json+fhir").setData(bytes(collection(imaging())));

        assertThat(CONTENTS.held("Binary", json(inline), DOCUMENTS, NOTHING_STORED)).containsExactly(IMAGING);
        assertThat(CONTENTS.ofContent(bytes(collection(lab())), "application/fhir+json; fhirVersion=4.0", NOTHING_STORED))
                .containsExactlyInAnyOrder(DOCUMENTS, LAB_RESULTS);
        assertThat(ContentCategories.fhir("Application/FHIR+XML")).isTrue();
        assertThat(ContentCategories.fhir("application/json")).isFalse();
    }

    @Test
    void unreadableFhirContentIsRefusedWithABilingualReason() {
        Binary broken = new Binary().setContentType("application/fhir+json")
                .setData("{\"resourceType\": \"Bundle\", ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CONTENTS.held("Binary", json(broken), DOCUMENTS, NOTHING_STORED))
                .isInstanceOfSatisfying(ContentCategories.Unreadable.class, e -> assertThat(e.about("Binary"))
                        .isEqualTo("Binary: FHIR の内容を読めません（content type と形式を確かめてください） / "
                                + "Binary: the FHIR content cannot be read (check its content type and format)"));
        assertThatThrownBy(() -> CONTENTS.ofContent("[1, 2]".getBytes(StandardCharsets.UTF_8), "application/fhir+json",
                NOTHING_STORED)).isInstanceOf(ContentCategories.Unreadable.class).hasMessageContaining("resourceType");
        assertThatThrownBy(() -> CONTENTS.ofContent("<Bundle".getBytes(StandardCharsets.UTF_8), "application/fhir+xml",
                NOTHING_STORED)).isInstanceOf(ContentCategories.Unreadable.class);
    }

    @Test
    void contentNestedTooDeeplyIsRefused() {
        Resource nested = collection(lab());
        for (int depth = 0; depth < ContentCategories.MAX_DEPTH; depth++) {
            nested = new Binary().setContentType("application/fhir+json").setData(bytes(nested));
        }
        String deepest = json(nested);
        String tooDeep = json(new Binary().setContentType("application/fhir+json").setData(deepest.getBytes(StandardCharsets.UTF_8)));

        assertThat(CONTENTS.held("Binary", deepest, DOCUMENTS, NOTHING_STORED)).containsExactly(LAB_RESULTS);
        assertThatThrownBy(() -> CONTENTS.held("Binary", tooDeep, DOCUMENTS, NOTHING_STORED))
                .isInstanceOf(ContentCategories.Unreadable.class).hasMessageContaining("nested too deeply");
    }

    @Test
    void aResourceTaggedWithAJpClinsFlagHoldsTheFlagAndLtsChangesNothing() {
        Condition untold = flagged(new Condition(), ContentCategories.INDICATION, "UNINFORMED");
        Condition unshared = flagged(flagged(new Condition(), ContentCategories.INDICATION, "UNDELIVERED"),
                ContentCategories.INDICATION, "LTS");
        Condition kept = flagged(new Condition(), ContentCategories.INDICATION, "LTS");

        assertThat(CONTENTS.held("Condition", json(untold), DIAGNOSES, NOTHING_STORED)).containsExactly(UNINFORMED);
        assertThat(CONTENTS.held("Condition", json(unshared), DIAGNOSES, NOTHING_STORED)).containsExactly(UNDELIVERED);
        assertThat(CONTENTS.held("Condition", json(kept), DIAGNOSES, NOTHING_STORED)).isEmpty();
        assertThat(CONTENTS.flagsOf(json(untold))).containsExactly(UNINFORMED);
    }

    @Test
    void aFlagWithoutASystemCountsAFlagOfAnotherSystemOrInTextDoesNot() {
        Condition bare = flagged(new Condition(), null, "UNINFORMED");
        Condition other = flagged(new Condition(), "http://example.org/tags", "UNDELIVERED");
        Condition text = new Condition();
        text.getCode().setText("UNINFORMED UNDELIVERED");

        assertThat(CONTENTS.held("Condition", json(bare), DIAGNOSES, NOTHING_STORED)).containsExactly(UNINFORMED);
        assertThat(CONTENTS.held("Condition", json(other), DIAGNOSES, NOTHING_STORED)).isEmpty();
        assertThat(CONTENTS.held("Condition", json(text), DIAGNOSES, NOTHING_STORED)).isEmpty();
    }

    @Test
    void aContainerHoldsTheFlagsOfWhatItHoldsInlineOrStored() {
        Bundle document = collection(patient(), flagged(new Condition(), ContentCategories.INDICATION, "UNINFORMED"));
        Bundle nested = collection(collection(flagged(lab(), ContentCategories.INDICATION, "UNDELIVERED")));
        DocumentReference pointing = new DocumentReference();
        pointing.addContent().getAttachment().setUrl("Condition/c1");
        ContentCategories.Stored flaggedCondition = (type, id) -> Set.of(DIAGNOSES, UNINFORMED);

        assertThat(held(document)).containsExactlyInAnyOrder(DEMOGRAPHICS, DIAGNOSES, UNINFORMED);
        assertThat(held(nested)).containsExactlyInAnyOrder(LAB_RESULTS, UNDELIVERED);
        assertThat(CONTENTS.held("DocumentReference", json(pointing), DOCUMENTS, flaggedCondition))
                .containsExactlyInAnyOrder(DIAGNOSES, UNINFORMED);
        assertThat(CONTENTS.ofContent(bytes(document), "application/fhir+json", NOTHING_STORED)).contains(UNINFORMED);
    }

    @Test
    void aLetterIsAReferralAndADocumentHoldingOneHoldsAReferral() {
        Composition referral = new Composition().setTitle("診療情報提供書");
        referral.getType().addCoding().setSystem("http://loinc.org").setCode("57133-1");
        Composition reply = new Composition().setTitle("返書");
        reply.getType().addCoding().setSystem(FhirSystems.LETTER_TYPE).setCode("reply");
        Composition clins = new Composition().setTitle("診療情報提供書");
        clins.getType().addCoding().setSystem(FhirSystems.CLINS_DOC_TYPE).setCode("57133-1");
        Composition summary = new Composition().setTitle("退院時サマリー");
        summary.getType().addCoding().setSystem("http://loinc.org").setCode("18842-5");
        Bundle letter = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        letter.addEntry().setResource(reply);
        letter.addEntry().setResource(lab());
        Bundle enclosing = collection(letter);

        assertThat(ContentCategories.category("Composition", tree(referral))).isEqualTo(DataCategory.REFERRALS);
        assertThat(ContentCategories.category("Bundle", tree(letter))).isEqualTo(DataCategory.REFERRALS);
        assertThat(ContentCategories.category("Composition", tree(clins))).as("JP-CLINS's doc-typecodes")
                .isEqualTo(DataCategory.REFERRALS);
        assertThat(ContentCategories.category("Composition", tree(summary))).isEqualTo(DOCUMENTS);
        assertThat(CONTENTS.held("Bundle", json(letter), DataCategory.REFERRALS, NOTHING_STORED)).containsExactly(LAB_RESULTS);
        assertThat(held(enclosing)).containsExactlyInAnyOrder(DataCategory.REFERRALS, LAB_RESULTS);
    }

    private static tools.jackson.databind.JsonNode tree(Resource resource) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json(resource));
    }

    private static <T extends Resource> T flagged(T resource, String system, String code) {
        resource.getMeta().addTag().setSystem(system).setCode(code);
        return resource;
    }

    private static Set<DataCategory> held(Bundle bundle) {
        return CONTENTS.held("Bundle", json(bundle), DOCUMENTS, NOTHING_STORED);
    }

    static Bundle collection(Resource... resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource resource : resources) {
            bundle.addEntry().setResource(resource);
        }
        return bundle;
    }

    static Patient patient() {
        Patient patient = new Patient();
        patient.addName().setFamily("ヤマダ");
        return patient;
    }

    private static ImagingStudy imaging() {
        return new ImagingStudy().setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
    }

    static Observation lab() {
        Observation lab = new Observation();
        lab.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("laboratory");
        return lab;
    }

    static Observation vitalSign() {
        Observation vital = new Observation();
        vital.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("vital-signs");
        return vital;
    }

    private static DocumentReference document(byte[] content, String contentType) {
        DocumentReference reference = new DocumentReference();
        reference.addContent().getAttachment().setContentType(contentType).setData(content);
        return reference;
    }

    static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    private static byte[] bytes(Resource resource) {
        return json(resource).getBytes(StandardCharsets.UTF_8);
    }
}
