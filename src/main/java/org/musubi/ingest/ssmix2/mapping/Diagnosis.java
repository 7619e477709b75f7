package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.ssmix2.Ssmix2Problems;
import org.musubi.record.fhir.FhirSystems;

/**
 * One PPR-01 diagnosis (PRB with its ZPR and ORC) as a JP Core Condition (JP_Condition_Diagnosis),
 * fields per the JAMI SS-MIX2→FHIR ConceptMap segment-ppr-01-prb-to-condition: PRB-4 identifier,
 * PRB-3/ZPR/PRB-10 code ({@link DiseaseCode}), PRB-16 onset, PRB-7 recorded date (PRB-2, the action
 * date, when PRB-7 is empty), PRB-9 abatement, status and outcome ({@link DiagnosisStatus}), main
 * diagnosis, department, recorder and confidentiality ({@link DiagnosisContext}). Category is
 * encounter-diagnosis, as JP-CLINS files 傷病名.
 */
final class Diagnosis {

    static final String JP_DIAGNOSIS = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition_Diagnosis";

    private final MessageInput input;
    private final Hl7Segment prb;
    private final Optional<Hl7Segment> zpr;
    private final Optional<Hl7Segment> orc;

    Diagnosis(MessageInput input, Hl7Segment prb, Optional<Hl7Segment> zpr, Optional<Hl7Segment> orc) {
        this.input = input;
        this.prb = prb;
        this.zpr = zpr;
        this.orc = orc;
    }

    /** Empty (with a warning) when the diagnosis has neither code nor name. */
    Optional<Condition> condition() {
        CodeableConcept code = DiseaseCode.of(prb, zpr);
        if (!code.hasCoding() && !code.hasText()) {
            Ssmix2Problems.warn(input, prb, 3, "ssmix2.missing-field", prb.fieldName(3));
            return Optional.empty();
        }
        Condition condition = new Condition().setCode(code).setSubject(SourceRefs.patient());
        condition.getMeta().addProfile(FhirSystems.JP_CONDITION).addProfile(JP_DIAGNOSIS);
        if (!prb.field(4).component(1).isEmpty()) {
            condition.addIdentifier().setSystem(FhirSystems.RESOURCE_INSTANCE).setValue(prb.field(4).component(1));
        }
        condition.addCategory().addCoding(new Coding(FhirSystems.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis"));
        Dates.optional(input, prb, 16).ifPresent(condition::setOnset);
        Dates.optional(input, prb, 7).or(() -> Dates.optional(input, prb, 2)).ifPresent(condition::setRecordedDateElement);
        Optional<DateTimeType> abatement = Dates.optional(input, prb, 9);
        abatement.ifPresent(condition::setAbatement);
        DiagnosisStatus.apply(condition, prb, abatement.isPresent());
        DiagnosisContext.apply(condition, prb, orc);
        return Optional.of(condition);
    }
}
