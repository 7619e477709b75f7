package org.musubi.ingest.orca;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;
import org.w3c.dom.Element;

/**
 * A disease of ORCA's 患者病名 list (diseasegetv2 {@code Disease_Information}) as a JP_Condition:
 * <ul>
 * <li>code: each 単独病名 ({@code Disease_Single}) of the MHLW 傷病名マスター under JP Core's masterB system with ORCA's
 * name for it; each 修飾語 ({@code ZZZ} + the 4-digit 修飾語コード) as JP Core's prefix or postfix modifier extension
 * (8000s, の疑い and the like, are postfixes) under masterZ; the text is the name ORCA composes ({@code Disease_Name});</li>
 * <li>疑い ({@code unconfirmed}, through {@link ConditionStatus#verification}) when ORCA's 疑いフラグ says S (S 疑い,
 * SA 急性かつ疑い) or the name carries the 修飾語 ZZZ8002 「の疑い」; the flag itself is kept as sent (with A 急性) in
 * an extension. 疑い is said once, as for receipts: the name's text leaves out its trailing 「の疑い」 when the 修飾語
 * 8002 says it, which stays, named as ORCA sent it, in the postfix-modifier extension;</li>
 * <li>転帰 ({@code Disease_OutCome}) to the clinical status, the sender's code kept beside it in the status (with its
 * name as the status's text) and in JP Core's disease-outcome extension (with HL7 table 0241's or JHSD table 0006's
 * code where one says the same): F 治ゆ → resolved (HL7 F); D 死亡 → inactive (HL7 D: the patient died, never a plain
 * resolved); C 中止 and P (diseasev3's 中止) → inactive (JHSD I); S 移行 → inactive (ORCA's code only); no 転帰 →
 * active, or resolved when a 転帰日 is given; O (削除, a disease deleted in ORCA) is not stored, with a warning; a code
 * ORCA does not document keeps its code and gets a warning; 転帰日 ({@code Disease_EndDate}) is the abatement;</li>
 * <li>病名開始日 the onset; 主病 (PD) JP-CLINS's principal diagnosis type; the 診療科 JP-CLINS's department; 補足コメント
 * and カルテ病名 notes.</li>
 * </ul>
 */
final class OrcaDiseases {

    /** The 修飾語 「の疑い」. */
    static final String SUSPECTED_MODIFIER = "ZZZ8002";
    /** 転帰 codes ORCA documents, with their names. */
    static final Map<String, String> OUTCOMES = Map.of("F", "治ゆ", "D", "死亡", "C", "中止", "P", "中止", "S", "移行");
    /** ORCA's 転帰 of a disease deleted in ORCA (削除): not a disease of the patient any more. */
    static final String DELETED = "O";
    private static final Set<String> FLAGS = Set.of("S", "A", "SA");

    private OrcaDiseases() {
    }

    /** A disease; null when it has neither a name nor a code (ORCA pads its arrays with empty records). */
    static Condition condition(Element d, String field, OrcaWarnings warnings) {
        String name = OrcaXml.text(d, "Disease_Name");
        List<Element> singles = new ArrayList<>();
        for (Element single : OrcaXml.array(d, "Disease_Single")) {
            if (OrcaXml.text(single, "Disease_Single_Code") != null) {
                singles.add(single);
            }
        }
        if (name == null && singles.isEmpty()) {
            return null;
        }
        if (DELETED.equals(OrcaXml.text(d, "Disease_OutCome"))) {
            warnings.add(field + ".Disease_OutCome", "deletedDisease", name == null ? key(d) : name);
            return null;
        }
        Condition condition = new Condition();
        condition.getMeta().addProfile(FhirSystems.JP_CONDITION);
        CodeableConcept code = new CodeableConcept();
        boolean modifiedSuspected = false;
        String suspicionWords = null;
        int n = 0;
        for (Element single : singles) {
            n++;
            String singleCode = OrcaXml.text(single, "Disease_Single_Code");
            String singleName = OrcaXml.text(single, "Disease_Single_Name");
            if (singleCode.startsWith("ZZZ")) {
                String modifier = singleCode.substring(3);
                if (singleCode.equals(SUSPECTED_MODIFIER)) {
                    modifiedSuspected = true;
                    suspicionWords = singleName == null ? "の疑い" : singleName;
                }
                code.addExtension(modifier.startsWith("8") ? FhirSystems.DISEASE_POSTFIX_MODIFIER
                        : FhirSystems.DISEASE_PREFIX_MODIFIER, new CodeableConcept(new Coding(
                        FhirSystems.RECEIPT_DISEASE_MODIFIER, modifier, singleName)));
            } else {
                code.addCoding(new Coding(FhirSystems.RECEIPT_DISEASE, singleCode, singleName));
            }
            String state = OrcaXml.text(single, "Disease_Single_Condition");
            if (state != null) {
                warnings.add(field + ".Disease_Single[" + n + "].Disease_Single_Condition", "retiredCode", singleCode,
                        "1".equals(state) ? "削除" : "2".equals(state) ? "廃止" : state);
            }
        }
        code.setText(name != null && suspicionWords != null && name.endsWith(suspicionWords)
                && name.length() > suspicionWords.length() ? name.substring(0, name.length() - suspicionWords.length()) : name);
        condition.setCode(code);
        condition.setSubject(SourceRefs.patient());
        condition.addCategory().addCoding(new Coding(FhirSystems.CONDITION_CATEGORY, "encounter-diagnosis",
                "Encounter Diagnosis"));
        if ("PD".equals(OrcaXml.text(d, "Disease_Category"))) {
            condition.addExtension(FhirSystems.DIAGNOSIS_TYPE, new CodeableConcept(new Coding(FhirSystems.EX_DIAGNOSIS_TYPE,
                    "principal", "主病名")));
        }
        String department = OrcaXml.text(d, "Department_Code");
        if (department != null) {
            condition.addExtension(FhirSystems.JP_ECS_DEPARTMENT, new CodeableConcept(new Coding(OrcaSystems.DEPARTMENT,
                    department, null)));
        }
        String start = OrcaXml.text(d, "Disease_StartDate");
        if (OrcaReader.date(start) != null) {
            condition.setOnset(new DateTimeType(start));
        } else if (start != null) {
            warnings.add(field + ".Disease_StartDate", "notADate", start);
        }
        String end = OrcaXml.text(d, "Disease_EndDate");
        boolean ended = OrcaReader.date(end) != null;
        if (ended) {
            condition.setAbatement(new DateTimeType(end));
        } else if (end != null) {
            warnings.add(field + ".Disease_EndDate", "notADate", end);
        }
        String outcome = OrcaXml.text(d, "Disease_OutCome");
        condition.setClinicalStatus(clinicalStatus(outcome, ended, field, warnings));
        if (outcome != null) {
            condition.addExtension(FhirSystems.DISEASE_OUTCOME, outcome(outcome));
        }
        String flag = OrcaXml.text(d, "Disease_SuspectedFlag");
        if (flag != null) {
            condition.addExtension(OrcaSystems.SUSPECTED_FLAG, new CodeType(flag));
            if (!FLAGS.contains(flag)) {
                warnings.add(field + ".Disease_SuspectedFlag", "unknownFlag", flag);
            }
        }
        boolean suspected = flag != null && FLAGS.contains(flag) && flag.contains("S") || modifiedSuspected;
        condition.setVerificationStatus(ConditionStatus.verification(suspected));
        String supplement = OrcaXml.text(d, "Disease_Supplement_Name");
        if (supplement != null) {
            condition.addNote(new Annotation(new MarkdownType(supplement)));
        }
        for (Element single : OrcaXml.array(d, "Disease_Supplement_Single")) {
            String supplementCode = OrcaXml.text(single, "Disease_Supplement_Single_Code");
            if (supplementCode != null) {
                condition.addExtension(OrcaSystems.SUPPLEMENT, new Coding(OrcaSystems.ORCA_ITEM, supplementCode,
                        OrcaXml.text(single, "Disease_Supplement_Single_Name")));
            }
        }
        String karte = OrcaXml.text(d, "Disease_Karte_Name");
        if (karte != null) {
            condition.addNote(new Annotation(new MarkdownType("カルテ病名: " + karte)));
        }
        return condition;
    }

    /** The key of a disease in the patient's list: its codes in ORCA's order and its start day. */
    static String key(Element d) {
        List<String> codes = new ArrayList<>();
        for (Element single : OrcaXml.array(d, "Disease_Single")) {
            String code = OrcaXml.text(single, "Disease_Single_Code");
            if (code != null) {
                codes.add(code);
            }
        }
        String start = OrcaXml.text(d, "Disease_StartDate");
        return "disease:" + (codes.isEmpty() ? OrcaXml.text(d, "Disease_Name") : String.join("+", codes)) + ":"
                + (start == null ? "" : start);
    }

    /** JP Core's disease-outcome value: ORCA's code as sent, the standard code saying the same, ORCA's word. */
    private static CodeableConcept outcome(String outcome) {
        String words = OUTCOMES.get(outcome);
        CodeableConcept value = new CodeableConcept(new Coding(OrcaSystems.OUTCOME, outcome, words)).setText(words);
        switch (outcome) {
            case "F" -> value.addCoding(new Coding(FhirSystems.DISEASE_OUTCOME_HL70241, "F", "完全に回復した"));
            case "D" -> value.addCoding(new Coding(FhirSystems.DISEASE_OUTCOME_HL70241, "D", "死亡"));
            case "C", "P" -> value.addCoding(new Coding(FhirSystems.DISEASE_OUTCOME_JHSD0006, "I", "中止"));
            default -> {
            }
        }
        return value;
    }

    private static CodeableConcept clinicalStatus(String outcome, boolean ended, String field, OrcaWarnings warnings) {
        String clinical;
        if (outcome == null) {
            clinical = ended ? "resolved" : "active";
        } else {
            clinical = switch (outcome) {
                case "F" -> "resolved";
                case "D", "C", "P", "S" -> "inactive";
                default -> ended ? "resolved" : "active";
            };
            if (!OUTCOMES.containsKey(outcome)) {
                warnings.add(field + ".Disease_OutCome", "unknownOutcome", outcome);
            }
        }
        CodeableConcept status = new CodeableConcept(new Coding(FhirSystems.CONDITION_CLINICAL, clinical, null));
        if (outcome != null) {
            status.addCoding(new Coding(OrcaSystems.OUTCOME, outcome, OUTCOMES.get(outcome)));
            status.setText(OUTCOMES.get(outcome));
        }
        return status;
    }
}
