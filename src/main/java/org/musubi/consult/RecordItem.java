package org.musubi.consult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.record.Outline;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.record.read.PersonRecord;
import tools.jackson.databind.JsonNode;

/**
 * An item of the record as a consultation's pages name it for people: its kind ({@code type}, shown through its label
 * {@code code.recordKind.<type>}: 検査結果・測定値, 検査報告 …), its day in Japan and its title in the sender's words
 * (a result with its value and unit for people: 「HbA1c 8.1 %」) — never its id.
 *
 * @param reference {@code Type/id}, what the form sends and the thread stores (never shown)
 * @param type      the resource type, the key of its kind's label
 * @param day       its clinical day in Japan, or {@code null}
 * @param title     its title, or {@code null} when it has no words (the page shows its kind and day alone)
 */
public record RecordItem(String reference, String type, LocalDate day, String title) {

    /** The record items a question may refer to. */
    public static final Set<String> REFERABLE = Set.of("Condition", "Observation", "DocumentReference",
            "DiagnosticReport", "MedicationRequest", "AllergyIntolerance", "Procedure", "ImagingStudy");
    /** At most so many are offered on the form, newest first. */
    public static final int OFFERED = 200;

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The elements a title is read from, in order (a CodeableConcept's words). */
    private static final List<String> NAMED_BY = List.of("code", "medicationCodeableConcept", "vaccineCode", "type",
            "procedureCode");
    /** The elements a day is read from, in order. */
    private static final List<String> DATED_BY = List.of("effectiveDateTime", "effectivePeriod.start", "issued",
            "onsetDateTime", "recordedDate", "authoredOn", "performedDateTime", "performedPeriod.start",
            "occurrenceDateTime", "started", "date");

    /**
     * The items of {@code record} a question may refer to, newest first, at most {@link #OFFERED}: the record's
     * outline, then the contents of those items (so each is named in the interaction's one audit row).
     */
    public static List<RecordItem> referable(PersonRecord record) {
        List<Outline> offered = record.outline().stream().filter(o -> REFERABLE.contains(o.type())).limit(OFFERED)
                .toList();
        Map<String, StoredResource> contents = record.contents(offered.stream().map(Outline::id).toList()).stream()
                .filter(r -> !r.deleted()).collect(Collectors.toMap(StoredResource::id, Function.identity(),
                        (a, b) -> a));
        return offered.stream().filter(o -> contents.containsKey(o.id())).map(o -> {
            StoredResource stored = contents.get(o.id());
            RecordItem read = of(stored);
            return new RecordItem(read.reference(), read.type(),
                    o.clinicalDate() == null ? read.day() : LocalDate.ofInstant(o.clinicalDate(), JAPAN), read.title());
        }).toList();
    }

    /** A stored item as a page names it. */
    public static RecordItem of(StoredResource stored) {
        JsonNode resource = ObservationValue.tree(stored.json());
        return new RecordItem(stored.type() + "/" + stored.id(), stored.type(), day(resource), title(resource));
    }

    /** Its words: a concept's text or display (never a bare code), a result with its value; else a description. */
    static String title(JsonNode resource) {
        String name = null;
        for (int i = 0; name == null && i < NAMED_BY.size(); i++) {
            name = words(resource.path(NAMED_BY.get(i)));
        }
        if (name == null) {
            name = blank(FhirJson.text(resource.path("description")));
        }
        if (name == null) {
            for (JsonNode content : resource.path("content")) {
                name = blank(FhirJson.text(content.path("attachment").path("title")));
                if (name != null) {
                    break;
                }
            }
        }
        if (name != null && "Observation".equals(FhirJson.text(resource.path("resourceType")))) {
            String value = ObservationValue.of(resource).shown();
            return value == null ? name : name + " " + value;
        }
        return name;
    }

    /** A CodeableConcept's words: its text, else a coding's display; null when it has none (a code alone is no word). */
    private static String words(JsonNode concept) {
        if (concept.isArray()) {
            concept = concept.path(0);
        }
        String text = blank(FhirJson.text(concept.path("text")));
        if (text != null) {
            return text;
        }
        for (JsonNode coding : concept.path("coding")) {
            String display = blank(FhirJson.text(coding.path("display")));
            if (display != null) {
                return display;
            }
        }
        return null;
    }

    private static LocalDate day(JsonNode resource) {
        for (String path : DATED_BY) {
            JsonNode node = resource;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            Instant at = FhirJson.instant(node);
            if (at != null) {
                return LocalDate.ofInstant(at, JAPAN);
            }
        }
        return null;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
