package org.musubi.emergency.dataset;

import static org.musubi.record.fhir.FhirJson.concept;
import static org.musubi.record.fhir.FhirJson.firstInstant;
import static org.musubi.record.fhir.FhirJson.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.musubi.emergency.dataset.EmergencyDataset.Line;
import org.musubi.emergency.dataset.EmergencyDataset.Measure;
import org.musubi.emergency.dataset.EmergencyDataset.Visit;
import org.musubi.record.fhir.allergy.AllergyStatus;
import org.musubi.record.fhir.observation.ObservationFlag;
import org.musubi.record.fhir.observation.ObservationValue;
import tools.jackson.databind.JsonNode;

/** Reads the parts of the dataset from stored FHIR resources (as JSON): plain functions, no policy, no storage. */
final class DatasetParts {

    private DatasetParts() {
    }

    /** An allergy that is not resolved or refuted: the substance, then the reactions and criticality. */
    static Optional<Line> allergy(JsonNode r, String facility, String ref) {
        if (!AllergyStatus.holds(r)) {
            return Optional.empty();
        }
        List<String> details = new ArrayList<>(AllergyStatus.manifestations(r));
        for (JsonNode note : r.path("note")) {
            Optional.ofNullable(text(note.path("text"))).ifPresent(details::add);
        }
        String title = concept(r.path("code"));
        return Optional.of(new Line(title == null ? "—" : title, String.join("、", details),
                firstInstant(r.path("recordedDate"), r.path("onsetDateTime")), facility, ref));
    }

    static Visit encounter(JsonNode r, String facility, String ref) {
        String type = concept(r.path("type").path(0));
        return new Visit(firstInstant(r.path("period").path("start"), r.path("period").path("end")), facility, type,
                type == null ? text(r.path("class").path("code")) : null, ref);
    }

    /**
     * A vital sign or a laboratory result: its value as every screen writes it (a blood pressure by its components) and
     * its flag.
     */
    static Measure measure(JsonNode r, String facility, String ref) {
        String name = concept(r.path("code"));
        ObservationValue read = ObservationValue.of(r);
        String value = read.shown();
        return new Measure(name == null ? "—" : name, value == null ? "—" : value, flag(r, read),
                firstInstant(r.path("effectiveDateTime"), r.path("effectivePeriod").path("start"), r.path("issued")),
                facility, ref);
    }

    /**
     * The flag the reporting facility gave ({@code interpretation}), else what the reference range shows; {@code null}
     * within range or with nothing to judge by.
     */
    static String flag(JsonNode r) {
        return flag(r, ObservationValue.of(r));
    }

    private static String flag(JsonNode r, ObservationValue value) {
        ObservationFlag flag = ObservationFlag.of(r, value);
        return flag.raised() ? flag.mark() : null;
    }

    /** The newest first; undated last. */
    static Comparator<Instant> newestFirst() {
        return Comparator.nullsLast(Comparator.reverseOrder());
    }
}
