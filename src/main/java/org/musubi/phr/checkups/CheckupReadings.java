package org.musubi.phr.checkups;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirSystems;

/**
 * Stored checkup reports and their Observations read into what the resident sees: the day, the centre (the report's
 * performer as named, else the sending facility's name) or the place typed for a paper result, each result's value,
 * unit, reference range and flag, and the photo a paper result keeps ({@code presentedForm}, a blob by its SHA-256).
 */
final class CheckupReadings {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String PHOTO = FhirSystems.BLOB_SHA256 + ":";
    private final FhirContext context;

    CheckupReadings(FhirContext context) {
        this.context = context;
    }

    DiagnosticReport report(StoredResource stored) {
        return context.newJsonParser().parseResource(DiagnosticReport.class, stored.json());
    }

    /** The ids of the Observations a report names as its results. */
    static List<String> resultIds(DiagnosticReport report) {
        return report.getResult().stream().map(Reference::getReferenceElement)
                .filter(r -> "Observation".equals(r.getResourceType()) && r.getIdPart() != null)
                .map(r -> r.getIdPart()).toList();
    }

    /** The SHA-256 of the photo a report keeps; null when none. */
    static String photo(DiagnosticReport report) {
        return report.getPresentedForm().stream().map(Attachment::getUrl)
                .filter(u -> u != null && u.startsWith(PHOTO)).map(u -> u.substring(PHOTO.length())).findFirst()
                .orElse(null);
    }

    /** The photo's media type as stored. */
    static String photoType(DiagnosticReport report) {
        return report.getPresentedForm().stream().filter(a -> a.getUrl() != null && a.getUrl().startsWith(PHOTO))
                .map(Attachment::getContentType).findFirst().orElse("image/jpeg");
    }

    Checkup checkup(StoredResource stored, DiagnosticReport report, Map<String, StoredResource> observations,
                    String facilityName, boolean own) {
        List<CheckupValue> values = new ArrayList<>();
        for (String id : resultIds(report)) {
            StoredResource observation = observations.get(id);
            if (observation != null) {
                values.add(value(context.newJsonParser().parseResource(Observation.class, observation.json())));
            }
        }
        String place = report.getPerformer().stream().map(Reference::getDisplay).filter(d -> d != null && !d.isBlank())
                .findFirst().orElse(own ? null : facilityName);
        return new Checkup(stored.id(), day(report, stored), place, own, photo(report) != null, values);
    }

    private static LocalDate day(DiagnosticReport report, StoredResource stored) {
        if (report.hasEffectiveDateTimeType() && report.getEffectiveDateTimeType().getValue() != null) {
            var effective = report.getEffectiveDateTimeType();
            return LocalDate.of(effective.getYear(), effective.getMonth() + 1, effective.getDay());
        }
        if (report.hasEffectivePeriod() && report.getEffectivePeriod().getStart() != null) {
            return report.getEffectivePeriod().getStart().toInstant().atZone(JAPAN).toLocalDate();
        }
        return stored.lastUpdated().atZone(JAPAN).toLocalDate();
    }

    static CheckupValue value(Observation observation) {
        Coding code = itemCoding(observation.getCode());
        String system = code == null ? null : code.getSystem();
        String codeValue = code == null ? null : code.getCode();
        boolean item = FhirSystems.CHECKUP_ITEM.equals(system) || FhirSystems.JLAC10.equals(system);
        String key = codeValue == null ? "text|" + observation.getCode().getText()
                : item && codeValue.length() >= 5 ? codeValue.substring(0, 5) : system + "|" + codeValue;
        PaperItem paper = item && codeValue.length() >= 5 ? PaperItem.ofAnalyte(codeValue.substring(0, 5)).orElse(null)
                : null;
        String name = observation.getCode().hasText() ? observation.getCode().getText()
                : code != null && code.hasDisplay() ? code.getDisplay() : codeValue;
        Type value = observation.hasValue() ? observation.getValue() : null;
        BigDecimal number = value instanceof Quantity q && q.hasValue() ? q.getValue() : null;
        String unit = value instanceof Quantity q && q.hasUnit() ? q.getUnit()
                : value instanceof Quantity q && q.hasCode() ? q.getCode() : null;
        BigDecimal low = null;
        BigDecimal high = null;
        String range = null;
        if (observation.hasReferenceRange()) {
            var reference = observation.getReferenceRangeFirstRep();
            low = reference.hasLow() && reference.getLow().hasValue() ? reference.getLow().getValue() : null;
            high = reference.hasHigh() && reference.getHigh().hasValue() ? reference.getHigh().getValue() : null;
            range = low != null && high != null ? low.toPlainString() + "–" + high.toPlainString()
                    : low != null ? "≥ " + low.toPlainString() : high != null ? "≤ " + high.toPlainString()
                    : reference.hasText() ? reference.getText() : null;
        }
        List<String> interpretations = observation.getInterpretation().stream().flatMap(c -> c.getCoding().stream())
                .map(Coding::getCode).filter(c -> c != null).toList();
        return new CheckupValue(key, name, paper, CheckupGroup.of(system, codeValue), text(value), number, unit, range,
                ResultFlag.of(interpretations, number, low, high));
    }

    /** The 特定健診項目コード (else JLAC10, else the first coding with a code). */
    private static Coding itemCoding(CodeableConcept code) {
        for (String system : List.of(FhirSystems.CHECKUP_ITEM, FhirSystems.JLAC10)) {
            for (Coding coding : code.getCoding()) {
                if (system.equals(coding.getSystem()) && coding.hasCode()) {
                    return coding;
                }
            }
        }
        return code.getCoding().stream().filter(Coding::hasCode).findFirst().orElse(null);
    }

    private static String text(Type value) {
        return switch (value) {
            case null -> null;
            case Quantity q when q.hasValue() -> (q.hasComparator() ? q.getComparator().toCode() + " " : "")
                    + q.getValue().toPlainString();
            case CodeableConcept c -> c.hasText() ? c.getText()
                    : c.getCoding().stream().map(x -> x.hasDisplay() ? x.getDisplay() : x.getCode()).findFirst().orElse(null);
            case StringType s -> s.getValue();
            default -> value.primitiveValue();
        };
    }
}
