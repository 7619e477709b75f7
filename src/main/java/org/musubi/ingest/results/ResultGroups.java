package org.musubi.ingest.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.ingest.adapter.SourceRefs;

/**
 * HL7 OBX-4 sub-IDs, which tell which quantity and susceptibilities belong to which organism of a culture. Each
 * result keeps its sub-ID as sent in HL7's {@code observation-v2-subid} extension ({@code original-sub-identifier}).
 * Within a report, results whose sub-IDs share a group (the sub-ID, or its part before a dot: {@code 1}, {@code 1.2})
 * belong together: when the group's first result is a coded value (an identified organism, as JP Core's
 * microbiology profile codes it), it has the others as members ({@code hasMember}), as JP Core groups an organism
 * with its quantity and susceptibility panel. Other groups (an ECG's measurements, all sub-ID 2) are not linked.
 */
final class ResultGroups {

    static final String SUB_ID = "http://hl7.org/fhir/StructureDefinition/observation-v2-subid";

    private ResultGroups() {
    }

    /** Keeps the result's sub-ID on its Observation. */
    static void subId(LabResult result, Observation observation) {
        if (!result.subId().isEmpty()) {
            Extension extension = observation.addExtension().setUrl(SUB_ID);
            extension.addExtension("original-sub-identifier", new StringType(result.subId()));
        }
    }

    /** Links each organism to the other results of its group; {@code keys} are the Observations' source keys. */
    static void link(List<LabResult> results, List<Observation> observations, List<String> keys) {
        if (results.stream().allMatch(r -> r.subId().isEmpty())) {
            return;
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String sub = results.get(i).subId();
            if (!sub.isEmpty()) {
                int dot = sub.indexOf('.');
                groups.computeIfAbsent(dot < 0 ? sub : sub.substring(0, dot), g -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : groups.values()) {
            int head = group.getFirst();
            if (group.size() > 1 && results.get(head).value() instanceof CodeableConcept) {
                for (int member : group.subList(1, group.size())) {
                    observations.get(head).addHasMember(SourceRefs.to("Observation", keys.get(member)));
                }
            }
        }
    }
}
