package org.musubi.portal.chart;

import static org.musubi.record.fhir.FhirJson.quantity;
import static org.musubi.record.fhir.FhirJson.text;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stored resource into the entry the viewer shows: what it is, when, its title and details.
 * Resources that are not events of the record (Patient, Medication, Organization …) give none.
 */
final class ChartEntries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** A report's category codes that mean laboratory results: v2-0074 LAB, JP Core's LOINC LP29693-6 検体検査. */
    static final Set<String> LAB_REPORTS = Set.of("LAB", "lab", "laboratory", "LP29693-6");

    private ChartEntries() {
    }

    static Optional<ChartEntry> of(StoredResource stored) {
        return of(stored, JSON.readTree(stored.json()));
    }

    /** The entry of a resource already read as JSON. */
    static Optional<ChartEntry> of(StoredResource stored, JsonNode r) {
        if (FhirJson.enteredInError(r)) {
            return Optional.empty();
        }
        ResourceEntry e = new ResourceEntry(stored, r);
        return Optional.ofNullable(switch (stored.type()) {
            case "Encounter" -> e.encounter();
            case "Condition" -> e.condition();
            case "AllergyIntolerance" -> e.allergy();
            case "MedicationRequest" -> e.prescription();
            case "MedicationDispense" -> e.dispense();
            case "MedicationAdministration" -> e.administration();
            case "MedicationStatement" -> e.statement();
            case "Observation" -> e.observation();
            case "DiagnosticReport" -> e.report();
            case "DocumentReference" -> e.document();
            case "ImagingStudy" -> e.imaging();
            case "Procedure", "Immunization", "NutritionOrder", "ServiceRequest" -> e.other();
            case "CarePlan" -> e.carePlan();
            case "CareTeam" -> e.careTeam();
            case "Goal" -> e.goal();
            case "Task" -> stored.category() == DataCategory.REFERRALS ? null : e.task();
            case "QuestionnaireResponse" -> e.questionnaireResponse();
            case "Communication" -> e.communication();
            default -> null;
        });
    }

    /** A rate per one day (JP Core's 1日量: {@code rateRatio} over 1 d), as its amount; null for any other rate. */
    static String dailyDose(JsonNode ratio) {
        JsonNode per = ratio.path("denominator");
        String unit = text(per.path("code")) != null ? text(per.path("code")) : text(per.path("unit"));
        boolean oneDay = per.path("value").asDouble(0) == 1 && unit != null && (unit.equals("d") || unit.equals("日"));
        return oneDay ? quantity(ratio.path("numerator")) : null;
    }

    static String period(JsonNode period) {
        String start = text(period.path("start"));
        String end = text(period.path("end"));
        if (start == null && end == null) {
            return null;
        }
        return (start == null ? "" : shortTime(start)) + " – " + (end == null ? "" : shortTime(end));
    }

    /** {@code 2011-11-20T16:00:00+09:00} (or the same instant in UTC) → {@code 2011-11-20 16:00}, a time in Japan. */
    static String shortTime(String value) {
        if (value.length() < 16) {
            return value;
        }
        try {
            return SHORT.format(OffsetDateTime.parse(value).atZoneSameInstant(ChartEntry.JAPAN));
        } catch (DateTimeParseException e) {
            return value.substring(0, 10) + " " + value.substring(11, 16);
        }
    }
}
