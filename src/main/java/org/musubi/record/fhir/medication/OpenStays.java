package org.musubi.record.fhir.medication;

import static org.musubi.record.fhir.FhirJson.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.record.Outline;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.JsonNode;

/**
 * The inpatient stays still open on a day, by facility: an Encounter of an inpatient class (v3 ActCode {@code IMP},
 * {@code ACUTE}, {@code NONAC}) that has started, is not finished, cancelled or entered in error, and has no end (or
 * ends on or after the day). While a facility's stay is open, what it gave in the stay is current medication.
 */
public final class OpenStays {

    /** How many of each facility's newest Encounters a page reads to find an open stay. */
    static final int NEWEST_PER_FACILITY = 10;
    private static final Set<String> INPATIENT = Set.of("IMP", "ACUTE", "NONAC");
    private static final Set<String> CLOSED = Set.of("finished", "cancelled", "entered-in-error");

    private OpenStays() {
    }

    /**
     * The Encounters a page must read to know the open stays: each facility's newest {@value #NEWEST_PER_FACILITY}
     * (a stay still open is among a facility's newest encounters).
     */
    public static List<String> toRead(List<Outline> outline) {
        Map<Long, Integer> taken = new HashMap<>();
        return outline.stream().filter(o -> o.type().equals("Encounter"))
                .sorted(java.util.Comparator.comparing(Outline::clinicalDate,
                        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .filter(o -> taken.merge(o.sourceFacilityId(), 1, Integer::sum) <= NEWEST_PER_FACILITY)
                .map(Outline::id).toList();
    }

    /** The first day of each facility's open stay on {@code today}, among {@code resources} (read as {@code json}). */
    public static Map<Long, LocalDate> of(List<StoredResource> resources, List<JsonNode> json, LocalDate today) {
        Map<Long, LocalDate> open = new HashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            StoredResource stored = resources.get(i);
            JsonNode r = json.get(i);
            if (stored.deleted() || !stored.type().equals("Encounter") || CLOSED.contains(text(r.path("status")))
                    || !INPATIENT.contains(text(r.path("class").path("code")))) {
                continue;
            }
            Instant start = FhirJson.instant(r.path("period").path("start"));
            Instant end = FhirJson.instant(r.path("period").path("end"));
            if (start == null || start.atZone(FhirJson.JAPAN).toLocalDate().isAfter(today)
                    || end != null && end.atZone(FhirJson.JAPAN).toLocalDate().isBefore(today)) {
                continue;
            }
            open.merge(stored.sourceFacilityId(), start.atZone(FhirJson.JAPAN).toLocalDate(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        return open;
    }
}
