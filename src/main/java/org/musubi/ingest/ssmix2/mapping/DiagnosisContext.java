package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.record.fhir.FhirSystems;

/**
 * What PPR-01 says around a diagnosis, in the JP-CLINS (電子カルテ情報共有サービス) forms: the main
 * diagnosis (PRB-18 {@code 1^主診断^JHSD0007}) and the diagnosis type (PRB-10 components 4–6, JHSD table
 * 0004: H 入院時 admitting, L 退院時 discharge …) as {@code JP_eCS_DiagnosisType} extensions (principal /
 * admitting / discharge from {@code ex-diagnosistype}, the JHSD coding kept beside), the department
 * (ORC-17) as {@code JP_eCS_Department}, the doctor (ORC-12) as recorder by name only, and PRB-25
 * (HL7 table 0177) as a security label.
 */
final class DiagnosisContext {

    static final String DIAGNOSIS_TYPE = FhirSystems.DIAGNOSIS_TYPE;
    static final String DEPARTMENT = FhirSystems.JP_ECS_DEPARTMENT;
    static final String EX_DIAGNOSIS_TYPE = FhirSystems.EX_DIAGNOSIS_TYPE;
    private static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    private DiagnosisContext() {
    }

    static void apply(Condition condition, Hl7Segment prb, Optional<Hl7Segment> orc) {
        Hl7Field rank = prb.field(18);
        if (rank.component(1).equals("1")) {
            diagnosisType(condition, "principal", "主病名", Hl7Values.coding("1", rank.component(2), rank.component(3)));
        }
        Hl7Field classification = prb.field(10);
        String kind = switch (classification.component(4)) {
            case "H" -> "admitting";
            case "L" -> "discharge";
            default -> null;
        };
        Optional<Coding> jhsd = Hl7Values.coding(classification.component(4), classification.component(5),
                classification.component(6));
        if (jhsd.isPresent()) {
            diagnosisType(condition, kind, jhsd.get().getDisplay(), jhsd);
        }
        orc.ifPresent(o -> department(condition, o.field(17)));
        orc.flatMap(o -> o.repetitions(12).stream().map(Doctors::byName).flatMap(Optional::stream).findFirst())
                .ifPresent(condition::setRecorder);
        security(condition, prb.field(25));
    }

    private static void diagnosisType(Condition condition, String code, String display, Optional<Coding> sent) {
        CodeableConcept type = new CodeableConcept();
        if (code != null) {
            type.addCoding(new Coding(EX_DIAGNOSIS_TYPE, code, display));
        }
        sent.ifPresent(type::addCoding);
        type.setText(display);
        condition.addExtension(DIAGNOSIS_TYPE, type);
    }

    private static void department(Condition condition, Hl7Field cwe) {
        String system = cwe.component(3);
        boolean national = system.isEmpty() || system.equals("HL70069") || system.startsWith("MML");
        Hl7Values.coding(cwe.component(1), cwe.component(2), system)
                .map(c -> national ? c.setSystem(FhirSystems.DEPARTMENT) : c)
                .ifPresent(c -> condition.addExtension(DEPARTMENT, new CodeableConcept().addCoding(c).setText(c.getDisplay())));
    }

    private static void security(Condition condition, Hl7Field cwe) {
        switch (cwe.component(1)) {
            case "" -> { }
            case "V", "R" -> condition.getMeta().addSecurity(new Coding(CONFIDENTIALITY, cwe.component(1), null));
            default -> Hl7Values.coding(cwe.component(1), cwe.component(2), cwe.component(3).isEmpty() ? "HL70177"
                    : cwe.component(3)).ifPresent(condition.getMeta()::addSecurity);
        }
    }
}
