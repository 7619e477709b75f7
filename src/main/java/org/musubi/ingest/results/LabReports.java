package org.musubi.ingest.results;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;

/**
 * One report as a JP Core DiagnosticReport. Lab reports carry JP_DiagnosticReport_LabResult's category
 * (LOINC LP29693-6 検体検査) and document code (11502-2 検体検査報告書) beside the code sent (OBR-4);
 * physiology reports keep the text results (an ECG's findings) as the conclusion. The order, with who ordered it
 * and its comments when sent, is {@link ReportOrders}'s.
 */
final class LabReports {

    static final String DOCUMENT_CODES = org.musubi.record.fhir.FhirSystems.JP_DOCUMENT_CODES;

    private LabReports() {
    }

    static DiagnosticReport resource(LabReport report, MappingContext facility, Reference order, String specimenKey,
                                     List<String> observationKeys) {
        DiagnosticReport resource = new DiagnosticReport();
        resource.getMeta().addProfile(report.kind().reportProfile());
        report.order().identifiers(facility).forEach(resource::addIdentifier);
        resource.setStatus(report.status() != null ? report.status() : ResultStatuses.derived(report.results()));
        Reference basedOn = ReportOrders.basedOn(resource, report, facility, order);
        if (basedOn != null) {
            resource.addBasedOn(basedOn);
        }
        resource.addCategory(category(report.kind()));
        resource.setCode(code(report));
        resource.setSubject(SourceRefs.patient());
        if (report.effective() != null) {
            resource.setEffective(report.effective());
        }
        if (report.issued() != null && report.issued().getPrecision().ordinal() >= TemporalPrecisionEnum.SECOND.ordinal()) {
            resource.setIssuedElement(new InstantType(report.issued().getValue(), TemporalPrecisionEnum.SECOND,
                    report.issued().getTimeZone()));
        }
        if (specimenKey != null) {
            resource.addSpecimen(SourceRefs.to("Specimen", specimenKey));
        }
        observationKeys.forEach(k -> resource.addResult(SourceRefs.to("Observation", k)));
        if (report.kind() == ResultKind.PHYSIOLOGY) {
            conclusion(report).ifPresent(resource::setConclusion);
        }
        return resource;
    }

    private static CodeableConcept category(ResultKind kind) {
        return kind == ResultKind.LABORATORY
                ? new CodeableConcept().addCoding(new Coding(FhirSystems.LOINC, "LP29693-6", "検体検査"))
                : new CodeableConcept().setText("生理検査");
    }

    private static CodeableConcept code(LabReport report) {
        CodeableConcept code = report.code() == null ? new CodeableConcept() : report.code().copy();
        if (report.kind() == ResultKind.LABORATORY) {
            code.addCoding(new Coding(DOCUMENT_CODES, "11502-2", "検体検査報告書"));
        }
        if (!code.hasText()) {
            code.setText(report.kind() == ResultKind.LABORATORY ? "検体検査報告書" : "生理検査");
        }
        return code;
    }

    private static Optional<String> conclusion(LabReport report) {
        StringJoiner text = new StringJoiner("\n");
        for (LabResult result : report.results()) {
            if (result.value() instanceof StringType string && string.hasValue()) {
                text.add(string.getValue());
            }
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
    }
}
