package org.musubi.imaging.reading.remote;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * The report of a remote reading as a JP Core DiagnosticReport: for an endoscopy study (modality ES) the endoscopy
 * profile (category LOINC LP7796-8 内視鏡, code 18751-8 上部消化管内視鏡報告書), for every other study the radiology profile
 * (category LOINC LP29684-5 放射線 and the DICOM modality, code 18748-4 画像検査報告書); the findings (所見) as the
 * report's text form ({@code presentedForm}, text/plain), the impression (診断) as its {@code conclusion}; the
 * ImagingStudy named; the reader as performer (their name and the centre's) and the request's id as identifier.
 */
public final class ReadingReports {

    static final String LOINC = FhirSystems.LOINC;
    static final String DOCUMENT_CODES = FhirSystems.JP_DOCUMENT_CODES;
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String RADIOLOGY = FhirSystems.JP_DIAGNOSTIC_REPORT_RADIOLOGY;
    static final String ENDOSCOPY = FhirSystems.JP_DIAGNOSTIC_REPORT_ENDOSCOPY;
    /** The system of the request ids a report names. */
    public static final String REQUEST_SYSTEM = "urn:musubi:reading-request";

    private final FhirContext context;
    private final ResourceEncoder encoder;

    public ReadingReports(FhirContext context, ResourceEncoder encoder) {
        this.context = context;
        this.encoder = encoder;
    }

    /** What a reader wrote. */
    public record Report(String findings, String impression) {
    }

    /** A stored report as the pages show it. */
    public record Shown(String id, String findings, String impression, String performer, Instant issued) {
    }

    /** The DiagnosticReport {@code id} of {@code request} about {@code study}, stored under the requester's patient. */
    ResourceWrite report(String id, ReadingRequest request, IndexedStudy study, Report report, String performer,
                         Instant now) {
        DiagnosticReport resource = new DiagnosticReport();
        resource.setId(id);
        boolean endoscopy = "ES".equals(study.modality());
        resource.getMeta().addProfile(endoscopy ? ENDOSCOPY : RADIOLOGY);
        resource.addIdentifier(new Identifier().setSystem(REQUEST_SYSTEM).setValue(Long.toString(request.id())));
        resource.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        if (endoscopy) {
            resource.addCategory(new CodeableConcept(new Coding(LOINC, "LP7796-8", "内視鏡")));
            resource.setCode(new CodeableConcept(new Coding(DOCUMENT_CODES, Loinc.UPPER_GI_ENDOSCOPY_REPORT, "上部消化管内視鏡報告書"))
                    .setText("内視鏡読影レポート / Endoscopy reading report"));
        } else {
            resource.addCategory(new CodeableConcept(new Coding(LOINC, "LP29684-5", "放射線")));
            if (study.modality() != null) {
                resource.addCategory(new CodeableConcept(new Coding(DICOM, study.modality(), null)));
            }
            resource.setCode(new CodeableConcept(new Coding(DOCUMENT_CODES, Loinc.IMAGING_REPORT, "画像検査報告書"))
                    .setText("読影レポート / Reading report"));
        }
        if (study.started() != null) {
            resource.setEffective(new DateTimeType(Date.from(study.started()), TemporalPrecisionEnum.SECOND,
                    TimeZone.getTimeZone(FhirJson.JAPAN)));
        }
        resource.setIssued(Date.from(now));
        resource.addPerformer(new Reference().setDisplay(performer));
        resource.addImagingStudy(new Reference("ImagingStudy/" + study.resourceId()));
        String findings = report.findings() == null ? "" : report.findings().strip();
        if (!findings.isEmpty()) {
            resource.addPresentedForm(new Attachment().setContentType("text/plain; charset=utf-8")
                    .setLanguage("ja").setTitle("所見 / Findings")
                    .setData(findings.getBytes(StandardCharsets.UTF_8)));
        }
        resource.setConclusion(report.impression().strip());
        return encoder.entered(resource, id, request.requesterPatientId(), request.requesterFacility());
    }

    /** A stored report as a page shows it. */
    Shown shown(StoredResource stored) {
        DiagnosticReport report = context.newJsonParser().parseResource(DiagnosticReport.class, stored.json());
        String findings = report.getPresentedForm().stream().filter(a -> a.getContentType() != null
                        && a.getContentType().startsWith("text/plain") && a.getData() != null)
                .map(a -> new String(a.getData(), StandardCharsets.UTF_8)).findFirst().orElse("");
        String performer = report.getPerformer().stream().map(Reference::getDisplay).findFirst().orElse("");
        return new Shown(stored.id(), findings, report.getConclusion(), performer,
                report.getIssued() == null ? null : report.getIssued().toInstant());
    }
}
