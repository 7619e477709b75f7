package org.musubi.phr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.medication.MedicationChecks;
import org.musubi.medication.Source;
import org.musubi.medication.fhir.MedicationRows;
import org.musubi.medication.fhir.Medications;
import org.musubi.policy.Interaction;
import org.musubi.record.Outline;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.registry.Facilities;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * My medicines (わたしのお薬): every prescription and dispensing from every facility in the resident's own record, as the
 * clinicians' medication page reads them (the same rows, grouped per drug, the same duplicate checks), read through
 * the policy's self access as one audited read.
 */
public final class MyMedicines {

    private static final Set<String> TYPES = Set.of("MedicationRequest", "MedicationDispense");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReadRecords records;
    private final Facilities facilities;
    private final MedicationChecks checks;

    public MyMedicines(ReadRecords records, Facilities facilities, MedicationChecks checks) {
        this.records = records;
        this.facilities = facilities;
        this.checks = checks;
    }

    /** The resident's medicines, checked; empty when the user is not this person. */
    public Optional<Medications> read(long userId, long personId) {
        Interaction<Medications> read = records.readPerson(new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS),
                personId, AuditAction.READ, "phr-medications", this::of);
        return Optional.ofNullable(read.value());
    }

    /**
     * The medicines of a record read in an interaction of the caller's (the emergency sheet's form prefills its
     * medicines from them in its own one audited read).
     */
    public Medications of(ReadRecords.PersonRecord record) {
        List<String> ids = record.outline().stream().filter(o -> TYPES.contains(o.type())).map(Outline::id).toList();
        List<StoredResource> resources = ids.isEmpty() ? List.of() : record.contents(ids);
        List<JsonNode> json = new ArrayList<>(resources.size());
        Map<Long, Source> senders = new HashMap<>();
        for (StoredResource resource : resources) {
            json.add(JSON.readTree(resource.json()));
            senders.computeIfAbsent(resource.sourceFacilityId(), id -> facilities.find(id)
                    .map(f -> new Source(f.code() == null ? null : f.code().value(), f.nameKanji(), null))
                    .orElse(null));
        }
        senders.values().removeIf(Objects::isNull);
        List<MedicationRows.Row> rows = MedicationRows.of(resources, json, senders);
        return new Medications(rows, checks.check(rows.stream().map(MedicationRows.Row::entry).toList()));
    }
}
