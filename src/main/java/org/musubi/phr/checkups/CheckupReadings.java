package org.musubi.phr.checkups;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.ObservationFlag;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.record.fhir.observation.ReferenceLimits;
import org.musubi.record.fhir.observation.ReferenceRangeText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

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
                values.add(value(ObservationValue.tree(observation.json())));
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

    /** One result, read from its stored JSON (decimals as written) through the owners of a value and its flag. */
    static CheckupValue value(JsonNode observation) {
        JsonNode concept = observation.path("code");
        JsonNode code = itemCoding(concept);
        String system = FhirJson.text(code.path("system"));
        String codeValue = FhirJson.text(code.path("code"));
        boolean item = FhirSystems.CHECKUP_ITEM.equals(system) || FhirSystems.JLAC10.equals(system);
        String text = FhirJson.text(concept.path("text"));
        String key = codeValue == null ? "text|" + text
                : item && codeValue.length() >= 5 ? codeValue.substring(0, 5) : system + "|" + codeValue;
        PaperItem paper = item && codeValue.length() >= 5 ? PaperItem.ofAnalyte(codeValue.substring(0, 5)).orElse(null)
                : null;
        String display = FhirJson.text(code.path("display"));
        String name = text != null && !text.isEmpty() ? text : display != null && !display.isEmpty() ? display : codeValue;
        ObservationValue value = ObservationValue.of(observation);
        ObservationValue.Quantity quantity = value.quantity();
        ReferenceLimits limits = ReferenceLimits.of(observation);
        String range = ReferenceRangeText.ofObservation(observation);
        return new CheckupValue(key, name, paper, CheckupGroup.of(system, codeValue),
                quantity != null ? quantity.figure() : value.text(), quantity == null ? null : quantity.number(),
                quantity == null ? null : quantity.unitOrCode(), range,
                ResultFlag.of(ObservationFlag.of(observation, value, limits)));
    }

    /** The 特定健診項目コード (else JLAC10, else the first coding with a code); a missing node when none has a code. */
    private static JsonNode itemCoding(JsonNode concept) {
        for (String system : List.of(FhirSystems.CHECKUP_ITEM, FhirSystems.JLAC10)) {
            for (JsonNode coding : concept.path("coding")) {
                if (system.equals(FhirJson.text(coding.path("system"))) && hasCode(coding)) {
                    return coding;
                }
            }
        }
        for (JsonNode coding : concept.path("coding")) {
            if (hasCode(coding)) {
                return coding;
            }
        }
        return MissingNode.getInstance();
    }

    private static boolean hasCode(JsonNode coding) {
        String code = FhirJson.text(coding.path("code"));
        return code != null && !code.isEmpty();
    }
}
