package org.musubi.portal.chart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.medication.MedicationChecks;
import org.musubi.medication.Source;
import org.musubi.medication.fhir.MedicationRows;
import org.musubi.medication.fhir.Medications;
import org.musubi.record.StoredResource;
import org.musubi.registry.Facilities;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a patient's medications from the resources a page view read, and checks them for duplicates. */
public final class MedicationReview {

    private final MedicationChecks checks;
    private final Facilities facilities;

    public MedicationReview(MedicationChecks checks, Facilities facilities) {
        this.checks = checks;
        this.facilities = facilities;
    }

    /** A sending facility's name as the chart shows it ({@code #<id>} for one the registry no longer knows). */
    String facilityName(long facilityId) {
        return facilities.find(facilityId).map(f -> f.nameKanji()).orElse("#" + facilityId);
    }

    /** The stored prescriptions and dispensings read (with their content), checked for duplicates. */
    public Medications review(List<StoredResource> resources) {
        JsonMapper mapper = JsonMapper.builder().build();
        return review(resources, resources.stream().map(r -> mapper.readTree(r.json())).toList());
    }

    /** @param json the resources read as JSON, in the same order */
    Medications review(List<StoredResource> resources, List<JsonNode> json) {
        Map<Long, Source> senders = new HashMap<>();
        resources.stream().map(StoredResource::sourceFacilityId).distinct().forEach(id -> facilities.find(id)
                .ifPresent(f -> senders.put(id, new Source(f.medicalInstitutionCode().map(c -> c.value())
                        .orElse("facility:" + f.id()), f.nameKanji(), null))));
        List<MedicationRows.Row> rows = MedicationRows.of(resources, json, senders);
        return new Medications(rows, checks.check(rows.stream().map(MedicationRows.Row::entry).toList()));
    }
}
