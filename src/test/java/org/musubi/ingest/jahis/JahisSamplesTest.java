package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.musubi.ingest.jahis.JahisFiles.contained;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.readSample;
import static org.musubi.ingest.jahis.JahisFiles.rejected;
import static org.musubi.ingest.jahis.JahisFiles.resources;
import static org.musubi.ingest.jahis.JahisFiles.stored;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.medication.notebook.DrugCodes;
import org.musubi.medication.notebook.NoteRecords;
import org.musubi.record.fhir.FhirSystems;

/** The shared sample files (skipped when {@code ../shared/samples} is absent), with their values asserted. */
class JahisSamplesTest {

    @Test
    void mapsTheMinimalSampleToAPatientAndOneDispenseWithEveryNote() {
        List<ParseResult> results = readSample("tc-minimal-valid.txt");

        assertThat(rejected(results)).isEmpty();
        assertThat(parsed(results)).extracting(Parsed::recordKey)
                .containsExactly("jahis:patient:" + parsed(results).getFirst().patient().localId(),
                        "jahis:dispense:20260310:1341234567:a67abdf948c42562");
        Parsed patient = parsed(results).getFirst();
        assertThat(patient.where().line()).isEqualTo(2);
        assertThat(patient.authoritative()).isTrue();
        assertThat(patient.version()).isNull();
        assertThat(patient.warnings()).extracting(Problem::code).containsExactly("jahis.record.notMapped");
        assertThat(patient.patient().familyKanji()).isEqualTo("山田");
        assertThat(patient.patient().givenKana()).isEqualTo("タロウ");
        assertThat(patient.patient().birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));

        MedicationDispense dispense = resources(results, MedicationDispense.class).getFirst();
        assertThat(dispense.getMedicationCodeableConcept().getText()).isEqualTo("ノルバスク錠２．５ｍｇ");
        assertThat(dispense.getMedicationCodeableConcept().getCodingFirstRep())
                .extracting(Coding::getSystem, Coding::getCode).containsExactly(DrugCodes.RECEIPT, "612170709");
        assertThat(dispense.getWhenHandedOverElement().getValueAsString()).isEqualTo("2026-03-10");
        assertThat(dispense.getDosageInstructionFirstRep().getText()).isEqualTo("毎食後服用");
        assertThat(dispense.getDaysSupply().getValue()).isEqualByComparingTo("3");
        assertThat(dispense.getQuantity().getValue()).isEqualByComparingTo("3");
        assertThat(dispense.getQuantity().getUnit()).isEqualTo("錠");
        assertThat(dispense.getNote()).extracting(NoteRecords::of, Annotation::getText).containsExactly(
                tuple(281, "朝1錠、夕2錠"),
                tuple(291, "グレープフルーツジュースと一緒に飲まないでください。"),
                tuple(311, "透析日に服用"),
                tuple(391, "車の運転は控えてください。"),
                tuple(401, "他の薬を併用する際は、相談してください。"),
                tuple(411, "嚥下困難が見られるため錠剤は粉砕して投与する。"),
                tuple(501, "正しい飲み方は薬袋等をご覧下さい。"),
                tuple(601, "飲み始めてから昼に眠くなるようになった。"));
        assertThat(dispense.getNote().get(7).getTimeElement().getValueAsString()).isEqualTo("2026-03-10");
        assertThat(dispense.getNote().get(5).getExtensionByUrl(FhirSystems.JAHIS_INFO_TYPE).getValue().primitiveValue())
                .isEqualTo("31");
    }

    @Test
    void namesPharmacyPharmacistAndPrescriberOfTheMinimalSample() {
        List<ParseResult> results = readSample("tc-minimal-valid.txt");
        MedicationDispense dispense = resources(results, MedicationDispense.class).getFirst();

        Reference toPharmacy = dispense.getPerformer().get(0).getActor();
        Organization pharmacy = stored(results, toPharmacy, Organization.class);
        assertThat(pharmacy.getName()).isEqualTo("株式会社 工業会薬局 駅前店");
        assertThat(pharmacy.getIdentifierFirstRep().getSystem()).isEqualTo(
                "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no");
        assertThat(pharmacy.getIdentifierFirstRep().getValue()).isEqualTo("1341234567");
        assertThat(toPharmacy.getDisplay()).isEqualTo("株式会社 工業会薬局 駅前店");
        assertThat(toPharmacy.getIdentifier().getValue()).isEqualTo("1341234567");
        Reference toPharmacist = dispense.getPerformer().get(1).getActor();
        assertThat(stored(results, toPharmacist, Practitioner.class).getNameFirstRep().getText()).isEqualTo("工業会 次郎");
        assertThat(toPharmacist.getDisplay()).isEqualTo("工業会 次郎");
        assertThat(dispense.getPerformer()).extracting(p -> p.getActor().getReference())
                .allMatch(r -> r.matches("(Organization|Practitioner)/[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(dispense.getExtensionByUrl(FhirSystems.PRESCRIBER).getValue())
                .satisfies(v -> assertThat(((Reference) v).getReference()).isEqualTo("#prescriber"));
        PractitionerRole prescriber = contained(dispense, "prescriber", PractitionerRole.class);
        assertThat(prescriber.getSpecialtyFirstRep().getText()).isEqualTo("内科");
        assertThat(stored(results, prescriber.getPractitioner(), Practitioner.class).getNameFirstRep())
                .extracting(HumanName::getFamily, HumanName::getGivenAsSingleString).containsExactly("工業会", "太郎");
        Organization institution = stored(results, prescriber.getOrganization(), Organization.class);
        assertThat(institution.getName()).isEqualTo("医療法人 工業会病院");
        assertThat(institution.getIdentifierFirstRep().getValue()).isEqualTo("1311234567");
        assertThat(prescriber.getOrganization().getDisplay()).isEqualTo("医療法人 工業会病院");
        assertThat(dispense.getContained()).as("only the role is contained").hasSize(1);
        assertThat(dispense.getSubject().getReference()).isEqualTo(SourceRefs.PATIENT);
        assertThat(dispense.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationDispense");
    }

    @Test
    void storesEachPartyOnceWithAnIdMadeFromItsContent() {
        List<ParseResult> results = readSample("tc-multi-dispensing.txt");
        List<DirectoryResource> directory = parsed(results).stream().flatMap(p -> p.directory().stream()).toList();

        assertThat(directory).extracting(DirectoryResource::type).doesNotContain("PractitionerRole");
        assertThat(directory).allSatisfy(d -> {
            assertThat(d.json()).doesNotContain("\"id\"");
            assertThat(d.resource().hasIdElement()).isFalse();
        });
        for (Parsed record : parsed(results)) {
            assertThat(record.directory()).extracting(DirectoryResource::id).doesNotHaveDuplicates();
            Set<String> named = new HashSet<>();
            for (var mapped : record.resources()) {
                if (mapped.resource() instanceof MedicationDispense d) {
                    d.getPerformer().forEach(p -> named.add(p.getActor().getReference()));
                    d.getContained().stream().map(PractitionerRole.class::cast).forEach(role -> {
                        if (role.hasPractitioner()) {
                            named.add(role.getPractitioner().getReference());
                        }
                        if (role.hasOrganization()) {
                            named.add(role.getOrganization().getReference());
                        }
                    });
                }
            }
            assertThat(record.directory()).extracting(DirectoryResource::ref).as(record.recordKey())
                    .containsExactlyInAnyOrderElementsOf(named);
        }
        List<DirectoryResource> again = parsed(readSample("tc-multi-dispensing.txt")).stream()
                .flatMap(p -> p.directory().stream()).toList();
        assertThat(again).extracting(DirectoryResource::id).as("the same content, the same ids")
                .containsExactlyElementsOf(directory.stream().map(DirectoryResource::id).toList());
        assertThat(directory.stream().map(DirectoryResource::id).distinct().count()).as("two pharmacies, two pharmacists …")
                .isGreaterThan(4);
    }

    @Test
    void mapsEachBlockOfTheMultiDispensingSampleWithItsOwnPharmacyAndPrescriber() {
        List<ParseResult> results = readSample("tc-multi-dispensing.txt");

        assertThat(parsed(results)).extracting(Parsed::recordKey).hasSize(4).element(1).isEqualTo("jahis:patient-info:20260312");
        List<MedicationDispense> dispenses = resources(results, MedicationDispense.class);
        assertThat(dispenses).extracting(d -> d.getWhenHandedOverElement().getValueAsString())
                .containsExactly("2026-03-12", "2026-02-20");
        MedicationDispense first = dispenses.getFirst();
        assertThat(first.getMedicationCodeableConcept().getCoding().get(1))
                .extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                .containsExactly(FhirSystems.GENERIC_NAME, "1179044F1ZZZ", "【般】アムロジピンベシル酸塩錠２．５ｍｇ");
        MedicationDispense second = dispenses.get(1);
        assertThat(second.getMedicationCodeableConcept().getText()).isEqualTo("ロキソニン錠６０ｍｇ");
        assertThat(second.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("610406001");
        assertThat(second.getDosageInstructionFirstRep().getText()).isEqualTo("朝夕食後服用");
        assertThat(second.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getRateRatio().getNumerator().getValue())
                .isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(second.getDaysSupply().getValue()).isEqualByComparingTo("14");
        assertThat(second.getQuantity().getValue()).isEqualByComparingTo("28");
        assertThat(stored(results, second.getPerformer().get(0).getActor(), Organization.class).getIdentifierFirstRep()
                .getValue()).isEqualTo("1347654321");
        assertThat(stored(results, second.getPerformer().get(1).getActor(), Practitioner.class).getNameFirstRep().getText())
                .isEqualTo("工業会 花子");
        PractitionerRole secondRole = contained(second, "prescriber", PractitionerRole.class);
        assertThat(stored(results, secondRole.getPractitioner(), Practitioner.class).getNameFirstRep().getText())
                .isEqualTo("中央 一郎");
        assertThat(secondRole.getSpecialtyFirstRep().getText()).isEqualTo("循環器内科");
        assertThat(second.getPerformer().get(0).getActor().getReference())
                .isNotEqualTo(first.getPerformer().get(0).getActor().getReference());
        assertThat(second.getNote()).extracting(Annotation::getText)
                .containsExactly("疼痛時の服用状況を確認", "２回目調剤ブロックの備考");
        assertThat(parsed(results).get(2).recordKey()).isNotEqualTo(parsed(results).get(3).recordKey());
    }

    @Test
    void rejectsTheSampleWithoutDrugCodeNamingLineRecordAndField() {
        List<ParseResult> results = readSample("tc-invalid-missing-drug-code.txt");

        assertThat(parsed(results)).extracting(Parsed::recordKey).singleElement().asString().startsWith("jahis:patient:");
        assertThat(rejected(results)).singleElement().satisfies(r -> {
            assertThat(r.problem().code()).isEqualTo("jahis.drug.codeMissing");
            assertThat(r.problem().where().file()).isEqualTo("tc-invalid-missing-drug-code.txt");
            assertThat(r.problem().where().line()).isEqualTo(4);
            assertThat(r.problem().where().record()).isEqualTo("201");
            assertThat(r.problem().where().field()).isEqualTo("201.薬品コード");
            assertThat(r.problem().japanese()).contains("薬品コードが必要");
            assertThat(r.raw()).startsWith("5,20260310,1\n201,1,");
        });
    }

    @Test
    void rejectsTheOtcIngredientWithoutItsOtcDrugAndKeepsThePatient() {
        List<ParseResult> results = readSample("tc-invalid-missing-otc-sequence-parent.txt");

        assertThat(parsed(results)).hasSize(1);
        assertThat(rejected(results)).singleElement().satisfies(r -> {
            assertThat(r.problem().code()).isEqualTo("jahis.record.orphan");
            assertThat(r.problem().where().line()).isEqualTo(3);
            assertThat(r.problem().where().record()).isEqualTo("31");
            assertThat(r.problem().english()).contains("Record 31 has no parent record 3");
        });
    }

    @Test
    void readsTheSplitPartsAsTheyStandWithAWarningThatMorePartsExist() {
        List<ParseResult> first = readSample("tc-supported-records-full.txt");
        List<ParseResult> second = readSample("tc-split-output-part-2.txt");

        assertThat(parsed(first)).hasSize(6);
        assertThat(parsed(first).getFirst().warnings()).extracting(Problem::code)
                .containsExactly("jahis.record.notMapped", "jahis.split.part");
        assertThat(parsed(second)).extracting(Parsed::recordKey).hasSize(3).element(1).isEqualTo("jahis:patient-info:20260310");
        assertThat(parsed(second).getFirst().warnings()).singleElement()
                .satisfies(p -> assertThat(p.english()).startsWith("This file is part 2 of 3"));
        assertThat(parsed(first).get(5).recordKey()).as("the same dispensing in two files").isEqualTo(parsed(second).get(2).recordKey());
    }

    @Test
    void mapsThePatientEnteredSampleOfANewerVersionWithEraDates() {
        List<ParseResult> results = readSample("tc-output-category-2-full.txt");

        assertThat(rejected(results)).isEmpty();
        Parsed patient = parsed(results).getFirst();
        assertThat(patient.warnings()).extracting(Problem::code).containsExactly("jahis.header.newer", "jahis.record.notMapped");
        assertThat(patient.patient().birthDate()).isEqualTo(LocalDate.of(1958, 3, 3));
        assertThat(patient.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(parsed(results)).extracting(Parsed::recordKey).hasSize(7).contains("jahis:patient-info:20200410");
        MedicationDispense dispense = resources(results, MedicationDispense.class).getFirst();
        assertThat(dispense.getWhenHandedOverElement().getValueAsString()).isEqualTo("2020-04-10");
        assertThat(dispense.getMedicationCodeableConcept().getText()).isEqualTo("アダラートCR錠20mg");
        assertThat(dispense.getDosageInstructionFirstRep().getText()).isEqualTo("【分１ 朝食後服用】");
        assertThat(dispense.getDaysSupply().getValue()).isEqualByComparingTo("28");
        assertThat(dispense.hasQuantity()).as("a file of direction 2 carries no amount handed over").isFalse();
        assertThat(dispense.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getRateRatio().getNumerator().getValue())
                .isEqualByComparingTo("1");
        PractitionerRole prescriber = contained(dispense, "prescriber", PractitionerRole.class);
        assertThat(prescriber.hasPractitioner()).as("no 55 in the block").isFalse();
        assertThat(stored(results, prescriber.getOrganization(), Organization.class).hasIdentifier()).isFalse();
        assertThat(dispense.getNote()).extracting(Annotation::getText).contains("朝に薬を飲んだ後、めまいがあった");
    }
}
