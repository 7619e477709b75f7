package org.musubi.portal.labs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.audit.Purpose;
import org.musubi.policy.DataCategory;
import org.musubi.registry.Facilities;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.record.fhir.observation.ResultKind;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.portal.chart.PatientChart;
import org.musubi.portal.chart.PatientHeader;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A person's lab results for one page view: the patient's chart opened once through the access
 * policy (so one audit row, permit or deny, and the same header as every tab of the viewer), its lab
 * Observations read into {@link LabResult}s and the reporting facilities named. What each is — a lab result, or the
 * patient's data a facility that did not test it recorded (a pharmacy's blood type) — is {@link ResultKind}'s to say,
 * by the reporting facility's kind; this is the one place the lab pages ask it.
 */
@Component
class LabRecords {

    private final PatientChart chart;
    private final Facilities facilities;

    LabRecords(PatientChart chart, Facilities facilities) {
        this.chart = chart;
        this.facilities = facilities;
    }

    sealed interface Opened permits Shown, Refused {
    }

    /**
     * @param results     the lab results (the table, the trend)
     * @param patientData what the record files as lab results but is the patient's data, recorded by a facility that
     *                    did not test it ({@link ResultKind#PATIENT_DATA}: a blood type a pharmacy copied), newest first
     * @param truncated   whether the record holds more than one page view reads
     */
    record Shown(PatientHeader header, List<LabResult> results, List<Recorded> patientData, FacilityMarks facilities,
                 boolean truncated) implements Opened {
    }

    /** A value of the patient's data, with the facility that recorded it and its kind (null when unknown). */
    record Recorded(LabResult result, String facility, FacilityKind kind) {
    }

    record Refused(String reasonKey) implements Opened {
    }

    Opened open(SignedIn me, Purpose purpose, String personId) {
        PatientChart.Opened opened = chart.open(me, personId, purpose, "labs", outline -> outline.stream()
                .filter(o -> o.type().equals("Observation") && o.category() == DataCategory.LAB_RESULTS)
                .map(o -> o.id()).toList());
        if (!(opened instanceof PatientChart.Chart shown)) {
            return new Refused(((PatientChart.Refused) opened).reasonKey());
        }
        List<StoredResource> labs = shown.resources().stream()
                .filter(r -> !r.deleted() && r.type().equals("Observation") && r.category() == DataCategory.LAB_RESULTS)
                .toList();
        Map<Long, Optional<Facility>> reporters = new HashMap<>();
        labs.forEach(r -> reporters.computeIfAbsent(r.sourceFacilityId(), facilities::find));
        List<LabResult> results = new ArrayList<>();
        List<LabResult> patientData = new ArrayList<>();
        for (StoredResource r : labs) {
            JsonNode observation = ObservationValue.tree(r.json());
            FacilityKind reporter = reporters.get(r.sourceFacilityId()).map(Facility::kind).orElse(null);
            LabObservations.read(r.id(), observation, r.sourceFacilityId()).map(l -> l.marked(r.held()))
                    .ifPresent(l -> (ResultKind.of(observation, reporter) == ResultKind.LAB_RESULT ? results
                            : patientData).add(l));
        }
        patientData.sort(LabTable.NEWEST_FIRST);
        Set<Long> reporting = results.stream().map(LabResult::facilityId).collect(Collectors.toSet());
        Map<Long, String> names = reporting.stream().collect(Collectors.toMap(id -> id, id -> name(reporters, id)));
        List<Recorded> recorded = patientData.stream().map(l -> new Recorded(l, name(reporters, l.facilityId()),
                reporters.get(l.facilityId()).map(Facility::kind).orElse(null))).toList();
        return new Shown(shown.header(), List.copyOf(results), recorded, FacilityMarks.of(names), false);
    }

    private static String name(Map<Long, Optional<Facility>> facilities, long id) {
        return facilities.get(id).map(Facility::nameKanji).orElse("#" + id);
    }
}
