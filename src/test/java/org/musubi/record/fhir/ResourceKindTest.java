package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.SearchIndex;

/** Which R4 types Musubi stores, under which patient reference and category, and why it refuses the others. */
class ResourceKindTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The patient paths typed by hand before they were read from HAPI's compartment definitions. */
    private static final Map<String, String> HAND_TYPED = Map.ofEntries(Map.entry("Encounter", "subject"),
            Map.entry("Condition", "subject"), Map.entry("AllergyIntolerance", "patient"),
            Map.entry("MedicationRequest", "subject"), Map.entry("MedicationDispense", "subject"),
            Map.entry("MedicationAdministration", "subject"), Map.entry("MedicationStatement", "subject"),
            Map.entry("Observation", "subject"), Map.entry("DiagnosticReport", "subject"), Map.entry("Procedure", "subject"),
            Map.entry("Immunization", "patient"), Map.entry("ServiceRequest", "subject"), Map.entry("Specimen", "subject"),
            Map.entry("NutritionOrder", "patient"), Map.entry("ImagingStudy", "subject"),
            Map.entry("DocumentReference", "subject"), Map.entry("Composition", "subject"), Map.entry("CarePlan", "subject"),
            Map.entry("Binary", "securityContext"));
    /** The types whose patient reference R4 makes optional, as typed by hand before. */
    private static final Set<String> HAND_TYPED_OPTIONAL = Set.of("Encounter", "Observation", "DiagnosticReport",
            "DocumentReference", "Composition", "Specimen", "MedicationDispense", "Binary");

    @Test
    void thePatientPathsReadFromHapiAreThoseTypedByHandBefore() {
        HAND_TYPED.forEach((type, path) -> {
            ResourceKind kind = ResourceKind.of(type).orElseThrow();
            assertThat(kind.patientPath()).as(type).isEqualTo(path);
            assertThat(kind.patientRequired()).as(type + " requires its patient").isEqualTo(!HAND_TYPED_OPTIONAL.contains(type));
            assertThat(kind.patientAmongOthers()).as(type).isFalse();
        });
    }

    @Test
    void everyTypeOfThePatientCompartmentIsStoredOrRefusedWithItsOwnReason() {
        Set<String> compartment = new TreeSet<>();
        for (String type : FHIR.getResourceTypes()) {
            for (RuntimeSearchParam param : FHIR.getResourceDefinition(type).getSearchParams()) {
                if (param.getProvidesMembershipInCompartments() != null
                        && param.getProvidesMembershipInCompartments().contains("Patient")) {
                    compartment.add(type);
                }
            }
        }

        assertThat(compartment).hasSizeGreaterThan(60);
        for (String type : compartment) {
            boolean stored = ResourceKind.of(type).filter(ResourceKind::patientData).isPresent();
            assertThat(stored || UnstoredTypes.compartmentTypesLeftOut().contains(type)).as(type).isTrue();
        }
        assertThat(UnstoredTypes.compartmentTypesLeftOut()).containsExactlyInAnyOrder("Group", "Person", "AuditEvent",
                "Consent");
    }

    @Test
    void theTypesSyntheaSendsAreStoredTheDirectoryPerFacilityTheRestUnderThePatient() {
        for (String type : List.of("Location", "Medication", "Organization", "Practitioner", "PractitionerRole",
                "HealthcareService", "Endpoint", "Substance")) {
            ResourceKind kind = ResourceKind.of(type).orElseThrow();
            assertThat(kind.directory()).as(type).isTrue();
            assertThat(kind.patientData()).as(type).isFalse();
        }
        for (String type : List.of("CareTeam", "Provenance", "Claim", "ExplanationOfBenefit", "SupplyDelivery", "Goal")) {
            assertThat(ResourceKind.of(type).orElseThrow().patientData()).as(type).isTrue();
            assertThat(ResourceKind.of(type).orElseThrow().directory()).as(type).isFalse();
        }
        ResourceKind device = ResourceKind.of("Device").orElseThrow();
        assertThat(device.patientPath()).as("a patient's device (an implant) is the patient's data").isEqualTo("patient");
        assertThat(device.directory()).as("a device of no patient is the facility's directory entry").isTrue();
        assertThat(device.patientRequired()).isFalse();
    }

    @Test
    void administrativeAndFinancialTypesAreAdministrative() {
        for (String type : List.of("Claim", "ClaimResponse", "ExplanationOfBenefit", "Coverage", "Account", "ChargeItem",
                "Invoice", "CoverageEligibilityRequest", "CoverageEligibilityResponse", "EnrollmentRequest")) {
            assertThat(ResourceKind.of(type).orElseThrow().category()).as(type).isEqualTo(DataCategory.ADMINISTRATIVE);
        }
        assertThat(ResourceKind.of("CareTeam").orElseThrow().category()).isEqualTo(DataCategory.CARE_RECORDS);
        assertThat(ResourceKind.of("Goal").orElseThrow().category()).isEqualTo(DataCategory.CARE_RECORDS);
        assertThat(ResourceKind.of("Provenance").orElseThrow().category()).isEqualTo(DataCategory.DOCUMENTS);
        assertThat(ContentCategories.CONTAINERS).as("a Provenance carries what it is about").contains("Provenance");
    }

    @Test
    void theNewTypesAreIndexedByTheirStandardSearchParameters() {
        ResourceKind claim = ResourceKind.of("Claim").orElseThrow();
        assertThat(claim.statuses()).containsExactly("status");
        assertThat(claim.dates()).containsExactly("billablePeriod", "created");
        assertThat(ResourceKind.of("CareTeam").orElseThrow().dates()).containsExactly("period");
        assertThat(ResourceKind.of("DeviceRequest").orElseThrow().codes()).as("(code as CodeableConcept)")
                .containsExactly("code[x]");
        assertThat(ResourceKind.of("RiskAssessment").orElseThrow().dates()).as("a choice element")
                .containsExactly("occurrence[x]");
        assertThat(ResourceKind.of("FamilyMemberHistory").orElseThrow().codes()).containsExactly("condition.code");
    }

    @Test
    void everyIndexPathAndPatientPathIsOneTheIndexerCanRead() {
        var terser = FHIR.newTerser();
        for (String type : ResourceKind.types()) {
            ResourceKind kind = ResourceKind.of(type).orElseThrow();
            IBaseResource empty = FHIR.getResourceDefinition(type).newInstance();
            for (List<String> paths : List.of(kind.codes(), kind.categories(), kind.statuses(), kind.dates())) {
                for (String path : paths) {
                    assertThatCode(() -> terser.getValues(empty, path)).as(type + "." + path).doesNotThrowAnyException();
                }
            }
            if (kind.patientPath() != null) {
                assertThatCode(() -> kind.patientReferences(FHIR, empty)).as(type + "." + kind.patientPath())
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void whereThePathNamesOtherThingsTooOnlyTheReferencesToAPatientNameThePatient() {
        Provenance provenance = new Provenance().addTarget(new Reference("Observation/1"))
                .addTarget(new Reference("Patient/2")).addTarget(new Reference("Location?identifier=urn:x|Patient/3"))
                .addTarget(new Reference("https://ehr.example.jp/fhir/Patient/4/_history/1"))
                .addTarget(new Reference("Patient?identifier=https://ehr.example.jp/mrn|5"))
                .addTarget(new Reference().setType("Patient").setIdentifier(new Identifier().setValue("6")))
                .addTarget(new Reference().setIdentifier(new Identifier().setValue("7")));
        Appointment appointment = new Appointment();
        appointment.addParticipant().setActor(new Reference("Practitioner/1"));
        appointment.addParticipant().setActor(new Reference("Patient/2"));

        assertThat(ResourceKind.of("Provenance").orElseThrow().patientReferences(FHIR, provenance))
                .extracting(r -> r.hasReference() ? r.getReference() : r.getIdentifier().getValue())
                .containsExactly("Patient/2", "https://ehr.example.jp/fhir/Patient/4/_history/1",
                        "Patient?identifier=https://ehr.example.jp/mrn|5", "6");
        assertThat(ResourceKind.of("Appointment").orElseThrow().patientReferences(FHIR, appointment))
                .extracting(Reference::getReference).containsExactly("Patient/2");
        assertThat(ResourceKind.of("AppointmentResponse").orElseThrow().patientAmongOthers())
                .as("an actor may be a practitioner").isTrue();
        Observation aboutAGroup = new Observation().setSubject(new Reference("Group/1"));
        assertThat(ResourceKind.of("Observation").orElseThrow().patientReferences(FHIR, aboutAGroup))
                .as("a subject is the patient's or refused, as ever").extracting(Reference::getReference)
                .containsExactly("Group/1");
    }

    @Test
    void aTaskIsStoredUnderThePatientItIsForAsACareTaskOrALettersReferral() {
        ResourceKind task = ResourceKind.of("Task").orElseThrow();
        Task forPatient = new Task().setFor(new Reference("Patient/p1"));
        Task letter = new Task().setFor(new Reference("Patient/p1"));
        letter.getCode().addCoding().setSystem(FhirSystems.LETTER_TYPE).setCode("referral");
        Task loincReferral = new Task();
        loincReferral.getCode().addCoding().setSystem(FhirSystems.LOINC).setCode(Loinc.REFERRAL_LETTER);
        Task visit = new Task();
        visit.getCode().addCoding().setSystem("http://hl7.org/fhir/CodeSystem/task-code").setCode("fulfill");
        FhirIndexer indexer = new FhirIndexer(FHIR);

        assertThat(ResourceKind.refusal(new Task())).isEmpty();
        assertThat(task.category()).isEqualTo(DataCategory.CARE_RECORDS);
        assertThat(task.patientPath()).isEqualTo("for");
        assertThat(task.patientRequired()).as("a Task for no patient is stored unattached, its facility's own").isFalse();
        assertThat(task.patientReferences(FHIR, forPatient)).extracting(Reference::getReference).containsExactly("Patient/p1");
        assertThat(indexer.category(forPatient, task)).isEqualTo(DataCategory.CARE_RECORDS);
        assertThat(indexer.category(visit, task)).isEqualTo(DataCategory.CARE_RECORDS);
        assertThat(indexer.category(letter, task)).as("a letter's Task").isEqualTo(DataCategory.REFERRALS);
        assertThat(indexer.category(loincReferral, task)).isEqualTo(DataCategory.REFERRALS);
        for (Task each : List.of(forPatient, visit, letter, loincReferral)) {
            assertThat(ContentCategories.category("Task", JSON.readTree(FHIR.newJsonParser().encodeResourceToString(each))))
                    .as("inside a container, as stored").isEqualTo(indexer.category(each, task));
        }
    }

    @Test
    void aCareTeamsCommunicationIsACareRecordAnyOtherADocument() {
        ResourceKind kind = ResourceKind.of("Communication").orElseThrow();
        FhirIndexer indexer = new FhirIndexer(FHIR);
        Communication coded = new Communication();
        coded.addCategory().addCoding().setSystem(FhirSystems.COMMUNICATION_CATEGORY).setCode(FhirSystems.CARE_TEAM_NOTE);
        Communication toTheTeam = new Communication().addRecipient(new Reference("CareTeam/t1"));
        Communication aboutTheTeam = new Communication()
                .addAbout(new Reference("https://ehr.example.jp/fhir/CareTeam/t1/_history/2"));
        Communication partOfTheTeam = new Communication().addPartOf(new Reference("CareTeam/t1"));
        Communication plain = new Communication().addRecipient(new Reference("Practitioner/d1"));
        plain.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/communication-category")
                .setCode("notification");
        Communication otherSystem = new Communication();
        otherSystem.addCategory().addCoding().setSystem("urn:example:other").setCode(FhirSystems.CARE_TEAM_NOTE);
        Communication containedTeam = new Communication().addRecipient(new Reference("#team"));

        for (Communication note : List.of(coded, toTheTeam, aboutTheTeam, partOfTheTeam)) {
            assertThat(indexer.category(note, kind)).isEqualTo(DataCategory.CARE_RECORDS);
        }
        for (Communication document : List.of(plain, otherSystem, containedTeam, new Communication())) {
            assertThat(indexer.category(document, kind)).isEqualTo(DataCategory.DOCUMENTS);
        }
        for (Communication each : List.of(coded, toTheTeam, aboutTheTeam, partOfTheTeam, plain, otherSystem, containedTeam)) {
            assertThat(ContentCategories.category("Communication",
                    JSON.readTree(FHIR.newJsonParser().encodeResourceToString(each))))
                    .as("inside a container, as stored").isEqualTo(indexer.category(each, kind));
        }
    }

    @Test
    void aMediaNamingACareTeamIsACareRecordAnyOtherImaging() {
        ResourceKind kind = ResourceKind.of("Media").orElseThrow();
        FhirIndexer indexer = new FhirIndexer(FHIR);
        Media teamPhoto = new Media().setSubject(new Reference("Patient/p1"));
        teamPhoto.addExtension(FhirSystems.CARE_TEAM_EXTENSION, new Reference("CareTeam/t1"));
        Media teamPhotoByUrl = new Media();
        teamPhotoByUrl.addExtension(FhirSystems.CARE_TEAM_EXTENSION,
                new Reference("https://ehr.example.jp/fhir/CareTeam/t1/_history/2"));
        Media plain = new Media().setSubject(new Reference("Patient/p1"));
        Media otherExtension = new Media();
        otherExtension.addExtension("urn:example:team", new Reference("CareTeam/t1"));
        Media notATeam = new Media();
        notATeam.addExtension(FhirSystems.CARE_TEAM_EXTENSION, new Reference("Practitioner/d1"));
        Media containedTeam = new Media();
        containedTeam.addExtension(FhirSystems.CARE_TEAM_EXTENSION, new Reference("#team"));

        for (Media photo : List.of(teamPhoto, teamPhotoByUrl)) {
            assertThat(indexer.category(photo, kind)).isEqualTo(DataCategory.CARE_RECORDS);
        }
        for (Media image : List.of(plain, otherExtension, notATeam, containedTeam)) {
            assertThat(indexer.category(image, kind)).isEqualTo(DataCategory.IMAGING);
        }
        for (Media each : List.of(teamPhoto, teamPhotoByUrl, plain, otherExtension, notATeam, containedTeam)) {
            assertThat(ContentCategories.category("Media", JSON.readTree(FHIR.newJsonParser().encodeResourceToString(each))))
                    .as("inside a container, as stored").isEqualTo(indexer.category(each, kind));
        }
    }

    @Test
    void aTaskIsIndexedByItsOwnerRequesterFocusAndPartOfAsTypeAndId() {
        Task task = new Task().setFor(new Reference("Patient/p1"))
                .setOwner(new Reference("https://ehr.example.jp/fhir/Practitioner/n1/_history/3"))
                .setRequester(new Reference("PractitionerRole/r1")).setFocus(new Reference("Bundle/b1"));
        task.addPartOf(new Reference("Task/t0"));
        task.addPartOf(new Reference("#contained"));
        Task byIdentifier = new Task().setOwner(new Reference().setIdentifier(
                new Identifier().setSystem(FhirSystems.INSTITUTION_NO).setValue("3412345678")));

        List<SearchIndex.Token> tokens = new FhirIndexer(FHIR).index(task, ResourceKind.of("Task").orElseThrow()).tokens();

        assertThat(tokens).contains(new SearchIndex.Token("owner", "Practitioner", "n1"),
                new SearchIndex.Token("requester", "PractitionerRole", "r1"), new SearchIndex.Token("focus", "Bundle", "b1"),
                new SearchIndex.Token("part-of", "Task", "t0"));
        assertThat(tokens).filteredOn(t -> t.param().equals("part-of")).hasSize(1);
        assertThat(new FhirIndexer(FHIR).index(byIdentifier, ResourceKind.of("Task").orElseThrow()).tokens())
                .as("an identifier alone names no stored resource").noneMatch(t -> t.param().equals("owner"));
        assertThat(ResourceKind.of("Observation").orElseThrow().references()).isEmpty();
    }

    @Test
    void whatIsNotStoredIsRefusedWithTheReasonInJapaneseAndEnglish() {
        assertThat(ResourceKind.refusal(new Observation())).isEmpty();
        assertThat(ResourceKind.refusal(new Bundle().setType(Bundle.BundleType.DOCUMENT))).isEmpty();
        assertThat(ResourceKind.refusal(new Contract()).orElseThrow().text())
                .contains("Contract は保存しません").contains("Musubi does not store Contract")
                .contains("no patient's compartment");
        assertThat(ResourceKind.refusal(new Group()).orElseThrow().english()).contains("no one patient's record");
        assertThat(ResourceKind.refusal(new Bundle().setType(Bundle.BundleType.TRANSACTION)).orElseThrow().text())
                .contains("Bundle.type が transaction").contains("a Bundle of type transaction is no record");
    }
}
