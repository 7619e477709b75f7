package org.musubi.ingest.orca;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;
import org.w3c.dom.Element;

/**
 * A visit of ORCA's 受診履歴 (medicalgetv2 class=01: a day, a 診療科, a 連番) with what was done at it (class=02,
 * 診療行為剤内容詳細: its 剤, each a {@code Medical_Class} 診療種別区分 with a {@code Medical_Class_Number} 回数 and up to 50
 * items), as FHIR R4 (JP Core):
 * <ul>
 * <li>the visit: a JP_Encounter (AMB, the day, the 診療科 as ORCA names it);</li>
 * <li>a prescription 剤 (21x 内服, 29x 臨時, 22x 頓服, 23x 外用, 141/148 在宅薬剤): each drug ({@code 6…}, the receipt drug
 * code) a JP_MedicationRequest with the 剤's 用法 ({@code 001…}) as its dosage's text and timing code, the 剤 as its RP
 * (JP Core's RP番号 and order in the RP, a group identifier), 院内 (outpatient) or 院外 (community) as its category
 * beside the 診療種別区分, and its amount as the 剤 says: 内服 a daily dose ({@code Medication_Number} per 1 日) for
 * {@code Medical_Class_Number} days; 頓服 one dose, as needed, {@code Medical_Class_Number} times; 外用 and 在宅 the
 * amount handed over (× the 回数; the item's amount and the 回数 also kept as sent, in extensions);</li>
 * <li>any other 剤 (120 再診, 3xx 注射, 400 処置, 600 検査, 700 画像診断, 820 処方箋料 …): each procedure code
 * ({@code 1…}) a JP_Procedure, each material ({@code 7…}, ORCA's {@code 058…}/{@code 059…}) a Procedure of the 特定器材
 * code, each drug a JP_MedicationAdministration (JP_MedicationAdministration_Injection in a 3xx 剤), all on the day,
 * with the 診療種別区分 as category, the 剤's 部位 ({@code 002…}) as body site and its 回数 and each item's quantity in
 * extensions;</li>
 * <li>comments ({@code 8…}, ORCA's {@code 0081…}–{@code 0085…}, with the value typed into them) as notes of every
 * resource of their 剤, each comment's code and name in an extension beside them; a 剤 of comments only (990 コメント, 980 処方せん備考) as a Communication of the visit; ORCA's
 * own markers ({@code 099…}: 包括算定 …) as codings in an extension of the 剤's resources.</li>
 * </ul>
 * Points and money (点数, 金額, 長期収載品選定療養) and the insurance combination are billing, not stored. A quantity or
 * 回数 that is not a number is kept as written in an extension, with a warning.
 */
final class OrcaVisits {

    private OrcaVisits() {
    }

    /** What a 剤's item is, by its code. */
    enum Item {
        DRUG, PROCEDURE, MATERIAL, COMMENT, USAGE, BODY_PART, OTHER;

        static Item of(String code) {
            if (code.matches("6[0-9]{8}")) {
                return DRUG;
            }
            if (code.matches("1[0-9]{8}")) {
                return PROCEDURE;
            }
            if (code.matches("7[0-9]{8}|05[89][0-9]{6}")) {
                return MATERIAL;
            }
            if (code.matches("8[0-9]{8}|008[1-5][0-9]{5}")) {
                return COMMENT;
            }
            if (code.startsWith("001")) {
                return USAGE;
            }
            if (code.startsWith("002")) {
                return BODY_PART;
            }
            return OTHER;
        }
    }

    /** What kind of 剤, by its 診療種別区分. */
    enum Kind {
        /** 内服 (21x) and 臨時 (29x): a daily dose for days. */
        DAILY,
        /** 頓服 (22x): one dose, as needed, times. */
        AS_NEEDED,
        /** 外用 (23x), 在宅薬剤 (141, 148): the amount handed over. */
        WHOLE,
        /** 注射 (3xx). */
        INJECTION,
        /** Everything else. */
        OTHER;

        static Kind of(String medicalClass) {
            if (medicalClass == null) {
                return OTHER;
            }
            if (medicalClass.matches("2[19][0-9]")) {
                return DAILY;
            }
            if (medicalClass.matches("22[0-9]")) {
                return AS_NEEDED;
            }
            if (medicalClass.matches("23[0-9]|14[18]")) {
                return WHOLE;
            }
            return medicalClass.startsWith("3") ? INJECTION : OTHER;
        }

        boolean prescription() {
            return this == DAILY || this == AS_NEEDED || this == WHOLE;
        }
    }

    /**
     * The visit's resources: its Encounter first, then each 剤's.
     *
     * @param row          the visit's 受診履歴 row (day, 診療科 code and name)
     * @param details      the class=02 answers of the visit (each {@code Medical_List_Information}'s 剤 in turn)
     * @param encounterKey the Encounter's source key
     * @param field        where the visit sits in the pull, for warnings
     */
    static List<MappedResource> visit(Element row, String day, String department, List<Element> details,
                                      String encounterKey, MappingContext context, String field, OrcaWarnings warnings) {
        List<MappedResource> mapped = new ArrayList<>();
        Encounter encounter = new Encounter();
        encounter.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_Encounter");
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(FhirSystems.ACT_CODE, "AMB", "ambulatory"));
        encounter.setSubject(SourceRefs.patient());
        encounter.getPeriod().setStartElement(new DateTimeType(day)).setEndElement(new DateTimeType(day));
        String departmentName = OrcaXml.text(row, "Department_Name");
        if (department != null || departmentName != null) {
            encounter.setServiceType(new CodeableConcept().setText(departmentName)
                    .addCoding(new Coding(OrcaSystems.DEPARTMENT, department, departmentName)));
        }
        mapped.add(new MappedResource(encounterKey, encounter));
        int r = 0;
        for (Element detail : details) {
            for (Element insurance : OrcaXml.array(detail, "Medical_List_Information")) {
                for (Element group : OrcaXml.array(insurance, "Medical_Information")) {
                    if (OrcaXml.text(group, "Medical_Class") == null && OrcaXml.array(group, "Medication_info").isEmpty()) {
                        continue;
                    }
                    r++;
                    new OrcaGroup(group, r, day, encounterKey, context, field + ".剤[" + r + "]", warnings).map(mapped);
                }
            }
        }
        return mapped;
    }
}
