package org.musubi.portal.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.musubi.policy.DataCategory;
import org.musubi.record.Outline;

/**
 * Which resources one page of the timeline shows, chosen from the record's outline (no content):
 * the entries the filter accepts, newest first, a page of whole days; and the counts the filter
 * offers. A day's lab results from one facility are one entry. Kinds that only the content tells
 * apart (a MedicationRequest is a prescription or an injection) are settled once the content is read.
 *
 * @param ids        the resources whose content the page needs
 * @param facilities entries per facility, for the filter
 * @param kinds      entries per kind, for the filter (medication orders counted as prescriptions)
 * @param matching   the entries the filter accepts
 */
record TimelinePage(Set<String> ids, Map<Long, Integer> facilities, Map<TimelineKind, Integer> kinds, int page,
                    boolean hasMore, int matching) {

    static TimelinePage of(List<Outline> outline, TimelineFilter filter) {
        Map<String, List<Outline>> entries = new LinkedHashMap<>();
        Map<String, Long> entryFacility = new LinkedHashMap<>();
        Map<String, TimelineKind> entryKind = new LinkedHashMap<>();
        for (Outline o : outline) {
            Set<TimelineKind> possible = kinds(o);
            if (possible.isEmpty()) {
                continue;
            }
            String key = possible.contains(TimelineKind.LAB) && o.type().equals("Observation")
                    ? "lab|" + day(o) + "|" + o.sourceFacilityId() : o.id();
            entries.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            entryFacility.putIfAbsent(key, o.sourceFacilityId());
            entryKind.putIfAbsent(key, possible.iterator().next());
        }
        Map<Long, Integer> facilities = new TreeMap<>();
        Map<TimelineKind, Integer> kinds = new EnumMap<>(TimelineKind.class);
        entries.keySet().forEach(key -> {
            facilities.merge(entryFacility.get(key), 1, Integer::sum);
            kinds.merge(entryKind.get(key), 1, Integer::sum);
        });
        Map<LocalDate, List<String>> byDay = new LinkedHashMap<>();
        int matching = 0;
        for (Map.Entry<String, List<Outline>> entry : entries.entrySet()) {
            Outline first = entry.getValue().getFirst();
            if (!filter.accepts(first.sourceFacilityId(), kinds(first), day(first))) {
                continue;
            }
            matching++;
            byDay.computeIfAbsent(day(first), d -> new ArrayList<>()).add(entry.getKey());
        }
        Set<String> ids = new LinkedHashSet<>();
        int skipped = 0;
        int shown = 0;
        boolean more = false;
        for (List<String> day : byDay.values()) {
            if (skipped < filter.page() * Timeline.PAGE_SIZE) {
                skipped += day.size();
                continue;
            }
            if (shown >= Timeline.PAGE_SIZE) {
                more = true;
                break;
            }
            day.forEach(key -> entries.get(key).forEach(o -> ids.add(o.id())));
            shown += day.size();
        }
        return new TimelinePage(ids, facilities, kinds, filter.page(), more, matching);
    }

    private static LocalDate day(Outline o) {
        return o.clinicalDate() == null ? null : o.clinicalDate().atZone(ChartEntry.JAPAN).toLocalDate();
    }

    /** The kinds an entry of this resource can be (none: the timeline does not show it), most likely first. */
    static Set<TimelineKind> kinds(Outline o) {
        boolean lab = o.category() == DataCategory.LAB_RESULTS;
        return switch (o.type()) {
            case "Encounter" -> EnumSet.of(TimelineKind.ENCOUNTER);
            case "Condition" -> EnumSet.of(TimelineKind.DIAGNOSIS);
            case "AllergyIntolerance" -> EnumSet.of(TimelineKind.ALLERGY);
            case "MedicationRequest", "MedicationAdministration" -> EnumSet.of(TimelineKind.PRESCRIPTION, TimelineKind.INJECTION);
            case "MedicationDispense" -> EnumSet.of(TimelineKind.DISPENSING);
            case "Observation" -> EnumSet.of(lab ? TimelineKind.LAB
                    : o.category() == DataCategory.VITALS ? TimelineKind.VITALS : TimelineKind.OTHER);
            case "DiagnosticReport" -> EnumSet.of(lab ? TimelineKind.LAB : TimelineKind.IMAGING);
            case "DocumentReference" -> EnumSet.of(TimelineKind.DOCUMENT);
            case "ImagingStudy" -> EnumSet.of(TimelineKind.IMAGING);
            case "MedicationStatement", "Procedure", "Immunization", "NutritionOrder", "ServiceRequest" ->
                    EnumSet.of(TimelineKind.OTHER);
            case "CarePlan", "CareTeam", "Goal", "QuestionnaireResponse" -> EnumSet.of(TimelineKind.CARE);
            // a letter's Task is a referral, shown by the letters' pages; a care task is the team's work
            case "Task" -> o.category() == DataCategory.CARE_RECORDS ? EnumSet.of(TimelineKind.CARE)
                    : EnumSet.noneOf(TimelineKind.class);
            case "Communication" -> EnumSet.of(o.category() == DataCategory.CARE_RECORDS ? TimelineKind.CARE
                    : TimelineKind.DOCUMENT);
            default -> EnumSet.noneOf(TimelineKind.class);
        };
    }
}
