package org.musubi.medication.fhir;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.medication.MedicationChecks;
import org.musubi.medication.Source;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.medication.OpenStays;
import org.musubi.registry.Facilities;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a patient's medication list from the resources a page, a letter or an answer read (their prescriptions,
 * dispensings, notes of medicines and the Encounters that say which stays are open): the rows with their senders, the
 * duplicate checks, and the current lines apart from the history. The one way every view builds it: the viewer's お薬
 * and header, the crews' dataset and {@code $summary}, the resident's わたしのお薬 and the emergency sheet's prefill.
 */
public final class ReadMedications {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MedicationChecks checks;
    private final Facilities facilities;

    public ReadMedications(MedicationChecks checks, Facilities facilities) {
        this.checks = checks;
        this.facilities = facilities;
    }

    /** The list among {@code resources} (read as {@code json}, the same order) on {@code today}. */
    public Medications of(List<StoredResource> resources, List<JsonNode> json, LocalDate today) {
        Map<Long, Source> senders = new HashMap<>();
        resources.stream().map(StoredResource::sourceFacilityId).distinct().forEach(id -> facilities.find(id)
                .ifPresent(f -> senders.put(id, new Source(f.medicalInstitutionCode().map(c -> c.value())
                        .orElse("facility:" + f.id()), f.nameKanji(), null))));
        List<MedicationRows.Row> rows = MedicationRows.of(resources, json, senders, today);
        return new Medications(rows, checks.check(rows.stream().map(MedicationRows.Row::entry).toList()),
                OpenStays.of(resources, json, today), today);
    }

    /** The list among {@code resources}, parsing their JSON. */
    public Medications of(List<StoredResource> resources, LocalDate today) {
        return of(resources, resources.stream().map(r -> JSON.readTree(r.json())).toList(), today);
    }

    /** A sending facility's name ({@code #<id>} for one the registry no longer knows). */
    public String facilityName(long facilityId) {
        return facilities.find(facilityId).map(f -> f.nameKanji()).orElse("#" + facilityId);
    }
}
