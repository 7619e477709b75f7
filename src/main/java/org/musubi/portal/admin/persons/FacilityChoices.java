package org.musubi.portal.admin.persons;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;

/**
 * Facilities as the person screens need them: names by id, the hospitals that may issue disclosure
 * cards, the facilities a one-facility consent may name (active and disclosing), and those a person may
 * block from viewing (the viewing ones).
 */
record FacilityChoices(Map<Long, String> names, List<Facility> hospitals, List<Facility> disclosing,
                       List<Facility> viewing) {

    static FacilityChoices of(List<Facility> all) {
        return new FacilityChoices(all.stream().collect(Collectors.toMap(Facility::id, Facility::nameKanji)),
                all.stream().filter(FacilityChoices::disclosingHospital).toList(),
                all.stream().filter(f -> f.active() && f.disclosing()).toList(),
                all.stream().filter(Facility::viewing).toList());
    }

    /** May issue disclosure cards (開示カード): an active hospital that discloses its data. */
    static boolean disclosingHospital(Facility facility) {
        return facility.active() && facility.disclosing() && facility.kind() == FacilityKind.HOSPITAL;
    }
}
