package org.musubi.medication.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.medication.MedicationChecks;
import org.musubi.medication.RecordedAllergy;
import org.musubi.medication.Source;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.allergy.AllergyStatus;
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

    /** Who recorded an allergy the person wrote themself, as an alert names it. */
    static final String SHEET = "命の宝箱（本人記入）";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MedicationChecks checks;
    private final Facilities facilities;

    public ReadMedications(MedicationChecks checks, Facilities facilities) {
        this.checks = checks;
        this.facilities = facilities;
    }

    /** The list among {@code resources} (read as {@code json}, the same order) on {@code today}. */
    public Medications of(List<StoredResource> resources, List<JsonNode> json, LocalDate today) {
        return of(resources, json, today, List.of());
    }

    /**
     * The list among {@code resources} on {@code today}, its alerts also naming every drug that an allergy recorded
     * among them (AllergyIntolerance, still holding) or one the person {@code reported} (their 命の宝箱) warns against.
     */
    public Medications of(List<StoredResource> resources, List<JsonNode> json, LocalDate today,
                          List<RecordedAllergy> reported) {
        return read(resources, json, today).checked(reported);
    }

    /**
     * The medications among {@code resources} (read as {@code json}, the same order) on {@code today}, each read once:
     * their names first (what a page compares with the medicines the person reported), then the list checked against
     * the allergies the person reported ({@link Reading#checked}).
     */
    public Reading read(List<StoredResource> resources, List<JsonNode> json, LocalDate today) {
        Map<Long, Source> senders = new HashMap<>();
        resources.stream().map(StoredResource::sourceFacilityId).distinct().forEach(id -> facilities.find(id)
                .ifPresent(f -> senders.put(id, new Source(f.medicalInstitutionCode().map(c -> c.value())
                        .orElse("facility:" + f.id()), f.nameKanji(), null))));
        List<RecordedAllergy> allergies = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            StoredResource stored = resources.get(i);
            if (!stored.type().equals("AllergyIntolerance") || stored.deleted()) {
                continue;
            }
            String substance = FhirJson.concept(json.get(i).path("code"));
            if (substance != null && !FhirJson.enteredInError(json.get(i)) && AllergyStatus.holds(json.get(i))) {
                Source sender = senders.get(stored.sourceFacilityId());
                allergies.add(new RecordedAllergy(substance, sender == null ? "#" + stored.sourceFacilityId()
                        : sender.name()));
            }
        }
        return new Reading(MedicationRows.of(resources, json, senders, today), allergies,
                OpenStays.of(resources, json, today), today);
    }

    /** The medications of a record, read once: their names, and the list checked with the allergies reported. */
    public final class Reading {
        private final List<MedicationRows.Row> rows;
        private final List<RecordedAllergy> recorded;
        private final Map<Long, LocalDate> openStays;
        private final LocalDate today;

        private Reading(List<MedicationRows.Row> rows, List<RecordedAllergy> recorded, Map<Long, LocalDate> openStays,
                        LocalDate today) {
            this.rows = rows;
            this.recorded = recorded;
            this.openStays = openStays;
            this.today = today;
        }

        /** The drugs' names, as the list names them, one per row. */
        public List<String> names() {
            return rows.stream().map(r -> r.course().name()).toList();
        }

        /**
         * The list, its alerts naming every drug that an allergy recorded among the resources or one the person
         * {@code reported} warns against.
         */
        public Medications checked(List<RecordedAllergy> reported) {
            List<RecordedAllergy> allergies = new ArrayList<>(recorded);
            allergies.addAll(reported);
            return new Medications(rows, checks.check(rows.stream().map(MedicationRows.Row::entry).toList(), allergies),
                    openStays, today);
        }
    }

    /** What the person wrote on their 命の宝箱 as allergies, as the alerts name them. */
    public static List<RecordedAllergy> reported(List<String> allergies) {
        return allergies.stream().map(a -> new RecordedAllergy(a, SHEET)).toList();
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
