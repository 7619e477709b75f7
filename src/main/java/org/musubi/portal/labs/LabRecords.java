package org.musubi.portal.labs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.audit.Purpose;
import org.musubi.policy.DataCategory;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.portal.chart.PatientChart;
import org.musubi.portal.chart.PatientHeader;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Component;

/**
 * A person's lab results for one page view: the patient's chart opened once through the access
 * policy (so one audit row, permit or deny, and the same header as every tab of the viewer), its lab
 * Observations read into {@link LabResult}s and the reporting facilities named.
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

    /** @param truncated whether the record holds more than one page view reads */
    record Shown(PatientHeader header, List<LabResult> results, FacilityMarks facilities, boolean truncated)
            implements Opened {
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
        List<LabResult> results = shown.resources().stream()
                .filter(r -> !r.deleted() && r.type().equals("Observation") && r.category() == DataCategory.LAB_RESULTS)
                .flatMap(r -> LabObservations.read(r.id(), r.json(), r.sourceFacilityId()).map(l -> l.marked(r.held()))
                        .stream())
                .toList();
        Set<Long> reporting = results.stream().map(LabResult::facilityId).collect(Collectors.toSet());
        Map<Long, String> names = reporting.stream().collect(Collectors.toMap(id -> id,
                id -> facilities.find(id).map(Facility::nameKanji).orElse("#" + id)));
        return new Shown(shown.header(), results, FacilityMarks.of(names), false);
    }
}
