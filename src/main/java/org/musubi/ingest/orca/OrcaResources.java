package org.musubi.ingest.orca;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.jahis.mapping.PersonName;
import org.musubi.medication.notebook.DrugCodes;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;
import org.w3c.dom.Element;

/**
 * ORCA's records as FHIR R4 (JP Core): the patient ({@code Patient_Information}: 患者番号 under the facility's patient-id
 * system, kanji and kana names, sex 1/2, birth date, home address and telephone); each disease
 * ({@code Disease_Information}) as a Condition coded with the receipt disease code (傷病名コード; 修飾語 {@code ZZZ…}
 * are in the name ORCA composes), clinical status from 転帰 ({@code Disease_OutCome}: F 治ゆ, D 死亡 → resolved, C 中止,
 * S 移行 → inactive), 疑い ({@code Disease_SuspectedFlag} S) provisional; a visit ({@code Medical_List_Information}: a
 * day and a department) as an Encounter, its acts by code: receipt drug codes ({@code 6…}) as MedicationRequests (the
 * quantity per day and, for 内服 class 21, the days), procedure codes ({@code 1…}) as Procedures; materials and comments
 * are left out (named in docs/no-ehr.md).
 */
final class OrcaResources {

    /** レセプト電算処理システム 傷病名コード (MHLW 傷病名マスター). */
    static final String DISEASE = "urn:oid:1.2.392.100495.20.2.21";
    /** JP Core's 診療行為コード (医科). */
    static final String PROCEDURE = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ProcedureCodesMedical_CS";
    /** ORCA's 診療科コード (the facility's own, from システム管理 1005). */
    static final String ORCA_DEPARTMENT = "urn:musubi:orca:department";

    private OrcaResources() {
    }

    static PatientIdentity identity(Element p, String localId) {
        PersonName kanji = name(OrcaXml.text(p, "WholeName"));
        PersonName kana = name(OrcaXml.text(p, "WholeName_inKana"));
        Element home = OrcaXml.child(p, "Home_Address_Information");
        return new PatientIdentity(localId, kanji == null ? null : kanji.family(), kanji == null ? null : kanji.given(),
                kana == null ? null : kana.family(), kana == null ? null : kana.given(), sex(OrcaXml.text(p, "Sex")),
                date(OrcaXml.text(p, "BirthDate")), OrcaXml.text(home, "Address_ZipCode"), address(home),
                OrcaXml.text(home, "PhoneNumber1"));
    }

    static Patient patient(Element p, String localId, MappingContext context) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        patient.addIdentifier().setSystem(context.patientIdSystem()).setValue(localId);
        PersonName kanji = name(OrcaXml.text(p, "WholeName"));
        if (kanji != null) {
            patient.addName(kanji.toHumanName("IDE"));
        }
        PersonName kana = name(OrcaXml.text(p, "WholeName_inKana"));
        if (kana != null) {
            patient.addName(kana.toHumanName("SYL"));
        }
        patient.setGender(Hl7Values.gender(sex(OrcaXml.text(p, "Sex"))));
        String birth = OrcaXml.text(p, "BirthDate");
        if (date(birth) != null) {
            patient.setBirthDateElement(new DateType(birth));
        }
        Element home = OrcaXml.child(p, "Home_Address_Information");
        if (address(home) != null || OrcaXml.text(home, "Address_ZipCode") != null) {
            patient.addAddress(new Address().setText(address(home)).setPostalCode(OrcaXml.text(home, "Address_ZipCode")));
        }
        if (OrcaXml.text(home, "PhoneNumber1") != null) {
            patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(OrcaXml.text(home, "PhoneNumber1")));
        }
        return patient;
    }

    /** A disease; null when it has neither a name nor a code. */
    static MappedResource condition(Element d) {
        String name = OrcaXml.text(d, "Disease_Name");
        List<String> codes = new ArrayList<>();
        for (Element single : OrcaXml.array(d, "Disease_Single")) {
            String code = OrcaXml.text(single, "Disease_Single_Code");
            if (code != null && !code.startsWith("ZZZ")) {
                codes.add(code);
            }
        }
        if (codes.isEmpty() && OrcaXml.text(d, "Disease_Code") != null) {
            codes.add(OrcaXml.text(d, "Disease_Code"));
        }
        if (name == null && codes.isEmpty()) {
            return null;
        }
        Condition condition = new Condition();
        condition.getMeta().addProfile(FhirSystems.JP_CONDITION);
        CodeableConcept code = new CodeableConcept().setText(name);
        codes.forEach(c -> code.addCoding(new Coding(DISEASE, c, codes.size() == 1 ? name : null)));
        condition.setCode(code);
        condition.setSubject(SourceRefs.patient());
        condition.addCategory().addCoding(new Coding(FhirSystems.CONDITION_CATEGORY, "encounter-diagnosis",
                "Encounter Diagnosis"));
        String start = OrcaXml.text(d, "Disease_StartDate");
        if (date(start) != null) {
            condition.setOnset(new DateTimeType(start));
        }
        String end = OrcaXml.text(d, "Disease_EndDate");
        String outcome = OrcaXml.text(d, "Disease_OutCome");
        String clinical = outcome == null ? (date(end) == null ? "active" : "resolved")
                : switch (outcome) {
                    case "F", "D" -> "resolved";
                    case "C", "S" -> "inactive";
                    default -> "active";
                };
        condition.setClinicalStatus(new CodeableConcept().addCoding(new Coding(FhirSystems.CONDITION_CLINICAL, clinical, null)));
        if (date(end) != null) {
            condition.setAbatement(new DateTimeType(end));
        }
        boolean suspected = "S".equals(OrcaXml.text(d, "Disease_SuspectedFlag"));
        condition.setVerificationStatus(ConditionStatus.verification(suspected));
        String key = "disease:" + (codes.isEmpty() ? name : String.join("+", codes)) + ":" + (start == null ? "" : start);
        return new MappedResource(key, condition);
    }

    /** A visit: its Encounter first, then its drugs and procedures. */
    static List<MappedResource> visit(Element v, String day, String departmentCode) {
        List<MappedResource> mapped = new ArrayList<>();
        String encounterKey = "visit:" + day + ":" + (departmentCode == null ? "" : departmentCode);
        Encounter encounter = new Encounter();
        encounter.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_Encounter");
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(FhirSystems.ACT_CODE, "AMB", "ambulatory"));
        encounter.setSubject(SourceRefs.patient());
        encounter.getPeriod().setStartElement(new DateTimeType(day)).setEndElement(new DateTimeType(day));
        String departmentName = OrcaXml.text(v, "Department_Name");
        if (departmentCode != null || departmentName != null) {
            encounter.setServiceType(new CodeableConcept().setText(departmentName)
                    .addCoding(new Coding(ORCA_DEPARTMENT, departmentCode, departmentName)));
        }
        mapped.add(new MappedResource(encounterKey, encounter));
        int n = 0;
        for (Element act : OrcaXml.array(v, "Medical_Information")) {
            String actClass = OrcaXml.text(act, "Medical_Class");
            String times = OrcaXml.text(act, "Medical_Class_Number");
            for (Element item : OrcaXml.array(act, "Medication_Info")) {
                n++;
                String code = OrcaXml.text(item, "Medication_Code");
                if (code == null) {
                    continue;
                }
                String key = encounterKey + ":" + n + ":" + code;
                if (code.startsWith("6")) {
                    mapped.add(new MappedResource(key, medication(item, code, actClass, times, day, encounterKey)));
                } else if (code.startsWith("1")) {
                    mapped.add(new MappedResource(key, procedure(item, code, day, encounterKey)));
                }
            }
        }
        return mapped;
    }

    private static MedicationRequest medication(Element item, String code, String actClass, String times, String day,
                                                String encounterKey) {
        String name = OrcaXml.text(item, "Medication_Name");
        MedicationRequest request = new MedicationRequest();
        request.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_MedicationRequest");
        request.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept().addCoding(new Coding(DrugCodes.RECEIPT, code, name)).setText(name));
        request.setSubject(SourceRefs.patient());
        request.setEncounter(SourceRefs.to("Encounter", encounterKey));
        request.setAuthoredOnElement(new DateTimeType(day));
        String amount = OrcaXml.text(item, "Medication_Number");
        if (amount != null && amount.matches("[0-9]+(\\.[0-9]+)?")) {
            Quantity dose = new Quantity().setValue(new java.math.BigDecimal(amount));
            String unit = OrcaXml.text(item, "Medication_Unit");
            if (unit != null) {
                dose.setUnit(unit);
            }
            request.addDosageInstruction().addDoseAndRate().setDose(dose);
        }
        if ("21".equals(actClass) && times != null && times.matches("[0-9]{1,3}")) {
            request.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration()
                    .setValue(Integer.parseInt(times)).setUnit("日").setSystem(FhirSystems.UCUM).setCode("d"));
        }
        return request;
    }

    private static Procedure procedure(Element item, String code, String day, String encounterKey) {
        String name = OrcaXml.text(item, "Medication_Name");
        Procedure procedure = new Procedure();
        procedure.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_Procedure");
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setCode(new CodeableConcept().addCoding(new Coding(PROCEDURE, code, name)).setText(name));
        procedure.setSubject(SourceRefs.patient());
        procedure.setEncounter(SourceRefs.to("Encounter", encounterKey));
        procedure.setPerformed(new DateTimeType(day));
        return procedure;
    }

    private static PersonName name(String whole) {
        return whole == null ? null : PersonName.split(whole);
    }

    private static Sex sex(String code) {
        return "1".equals(code) ? Sex.MALE : "2".equals(code) ? Sex.FEMALE : Sex.UNKNOWN;
    }

    static java.time.LocalDate date(String text) {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String address(Element home) {
        String one = OrcaXml.text(home, "WholeAddress1");
        String two = OrcaXml.text(home, "WholeAddress2");
        return one == null ? two : two == null ? one : one + " " + two;
    }
}
