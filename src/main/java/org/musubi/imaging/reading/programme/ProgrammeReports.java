package org.musubi.imaging.reading.programme;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * The final reading of a programme's double reading as a JP Core DiagnosticReport, stored under the submitting
 * facility's patient: for an endoscopy study (ES) the endoscopy profile (category LOINC LP7796-8 内視鏡, code 18751-8
 * 上部消化管内視鏡報告書), else the radiology profile (LOINC LP29684-5 放射線, code 18748-4 画像検査報告書); the final
 * category as {@code conclusionCode} ({@value #CATEGORIES}) and, with the comparer's comment, as {@code conclusion};
 * whether the two readers agreed as a second conclusion code; the programme and the study's entry as identifier.
 */
final class ProgrammeReports {

    static final String LOINC = FhirSystems.LOINC;
    static final String DOCUMENT_CODES = FhirSystems.JP_DOCUMENT_CODES;
    static final String RADIOLOGY = FhirSystems.JP_DIAGNOSTIC_REPORT_RADIOLOGY;
    static final String ENDOSCOPY = FhirSystems.JP_DIAGNOSTIC_REPORT_ENDOSCOPY;
    /** The code system of the screening categories (imaging.reading.ScreeningCategory). */
    static final String CATEGORIES = "urn:musubi:screening-category";
    /** The code system of the double reading's agreement. */
    static final String AGREEMENT = "urn:musubi:double-reading-agreement";
    /** The system of a programme study's id a report names. */
    static final String STUDY_SYSTEM = "urn:musubi:reading-programme-study";

    private final ResourceEncoder encoder;
    private final Function<ScreeningCategory, String> labels;

    /** {@code labels}: a category's label as the report shows it (Japanese / English). */
    ProgrammeReports(ResourceEncoder encoder, Function<ScreeningCategory, String> labels) {
        this.encoder = encoder;
        this.labels = labels;
    }

    ResourceWrite report(String id, Programme programme, ProgrammeStudy entry, IndexedStudy study,
                         ScreeningCategory category, String comment, String performer, boolean agreed, Instant now) {
        String categoryLabel = labels.apply(category);
        DiagnosticReport resource = new DiagnosticReport();
        resource.setId(id);
        boolean endoscopy = "ES".equals(study.modality());
        resource.getMeta().addProfile(endoscopy ? ENDOSCOPY : RADIOLOGY);
        resource.addIdentifier(new Identifier().setSystem(STUDY_SYSTEM).setValue(Long.toString(entry.id())));
        resource.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        if (endoscopy) {
            resource.addCategory(new CodeableConcept(new Coding(LOINC, "LP7796-8", "内視鏡")));
            resource.setCode(new CodeableConcept(new Coding(DOCUMENT_CODES, Loinc.UPPER_GI_ENDOSCOPY_REPORT, "上部消化管内視鏡報告書"))
                    .setText("二重読影（" + programme.name() + "）/ Double reading"));
        } else {
            resource.addCategory(new CodeableConcept(new Coding(LOINC, "LP29684-5", "放射線")));
            resource.setCode(new CodeableConcept(new Coding(DOCUMENT_CODES, Loinc.IMAGING_REPORT, "画像検査報告書"))
                    .setText("二重読影（" + programme.name() + "）/ Double reading"));
        }
        if (study.started() != null) {
            resource.setEffective(new DateTimeType(Date.from(study.started()), TemporalPrecisionEnum.SECOND,
                    TimeZone.getTimeZone(FhirJson.JAPAN)));
        }
        resource.setIssued(Date.from(now));
        resource.addPerformer(new Reference().setDisplay(performer));
        resource.addImagingStudy(new Reference("ImagingStudy/" + study.resourceId()));
        resource.addConclusionCode(new CodeableConcept(new Coding(CATEGORIES, category.name(), categoryLabel)));
        resource.addConclusionCode(new CodeableConcept(new Coding(AGREEMENT, agreed ? "AGREED" : "DIFFERED",
                agreed ? "二人の読影が一致 / The two readings agreed" : "二人の読影が不一致 / The two readings differed")));
        resource.setConclusion(comment == null || comment.isBlank() ? categoryLabel : categoryLabel + "：" + comment.strip());
        return encoder.entered(resource, id, entry.submitterPatientId(), entry.submitterFacility());
    }
}
