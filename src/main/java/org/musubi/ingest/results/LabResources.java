package org.musubi.ingest.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.values.SourceKeys;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;

/**
 * Maps a record's reports to FHIR, the same way for every source. Source keys, after the record key:
 * {@code /spm/<specimen key>} (once per specimen even when several reports share it),
 * {@code /obs/<report key>/<result key>} ({@code ~2}, {@code ~3} … appended when a report repeats a
 * result key) and {@code /report/<report key>}. The report's results and specimen are placeholder
 * references to these keys; its order is a logical reference by order number (with the order's details, a
 * contained ServiceRequest: {@link ReportOrders}). Results of one organism (OBX-4) are linked: {@link ResultGroups}.
 *
 * <p>For speed the resources take the reports' values as they are, without copying: a record's
 * resources may share a value (one collection time for all its results), so treat them as read-only.
 */
public final class LabResources {

    private LabResources() {
    }

    public static List<MappedResource> map(String recordKey, MappingContext facility, List<LabReport> reports) {
        List<MappedResource> resources = new ArrayList<>();
        Map<String, SpecimenInfo> specimens = new LinkedHashMap<>();
        for (LabReport report : reports) {
            if (report.specimen() != null && report.kind() == ResultKind.LABORATORY) {
                specimens.putIfAbsent(report.specimen().key(), report.specimen());
            }
        }
        specimens.values().forEach(s -> resources.add(new MappedResource(specimenKey(recordKey, s),
                LabSpecimens.resource(s, facility))));
        for (LabReport report : reports) {
            resources.addAll(report(recordKey, facility, report));
        }
        return resources;
    }

    private static List<MappedResource> report(String recordKey, MappingContext facility, LabReport report) {
        Reference order = report.order().order(facility, "ServiceRequest");
        String specimen = report.specimen() != null && report.kind() == ResultKind.LABORATORY
                ? specimenKey(recordKey, report.specimen()) : null;
        List<MappedResource> resources = new ArrayList<>(report.results().size() + 1);
        List<String> observationKeys = new ArrayList<>(report.results().size());
        List<Observation> observations = new ArrayList<>(report.results().size());
        Map<String, Integer> seen = new HashMap<>();
        String prefix = recordKey + "/obs/" + SourceKeys.part(report.key()) + "/";
        for (LabResult result : report.results()) {
            int n = seen.merge(result.key(), 1, Integer::sum);
            String key = prefix + result.key() + (n > 1 ? "~" + n : "");
            Observation observation = LabObservations.resource(report, result, order, specimen);
            resources.add(new MappedResource(key, observation));
            observations.add(observation);
            observationKeys.add(key);
        }
        ResultGroups.link(report.results(), observations, observationKeys);
        DiagnosticReport resource = LabReports.resource(report, facility, order, specimen, observationKeys);
        resources.add(new MappedResource(recordKey + "/report/" + SourceKeys.part(report.key()), resource));
        return resources;
    }

    private static String specimenKey(String recordKey, SpecimenInfo specimen) {
        return recordKey + "/spm/" + SourceKeys.part(specimen.key());
    }

    static Reference to(String type, String sourceKey) {
        return SourceRefs.to(type, sourceKey);
    }
}
