package org.musubi.phr.vitals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.Interaction;
import org.musubi.record.Found;
import org.musubi.record.Reader;
import org.musubi.record.ReadRecords;
import org.musubi.record.RecordQuery;
import org.musubi.record.fhir.FhirSystems;

/**
 * A resident's vital signs as they see them: from every source of their person (what they recorded in the notebook
 * and the vital-sign Observations facilities sent), through the access policy's self access; each read is one audited
 * interaction (one row naming what it read). Empty when the account is not the person's.
 */
public final class ReadVitals {

    /** The most values one read returns (a chart over everything, the CSV): newest kept. */
    public static final int MOST = 10_000;
    static final int PAGE = 1000;
    /** The newest values of one measure the latest-values read looks at (a panel may lack a component). */
    private static final int NEWEST = 5;
    private final ReadRecords reads;
    /**
     * What each stored version of a vital-sign Observation reads as, by type, id and version (a version never
     * changes): a chart over ten years reads thousands of them, and parsing their JSON was most of its time (see
     * bench/README.md, the health notebook). Held in this server's memory only, as the record store's rows are.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, List<VitalReading>> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(500_000).build();

    public ReadVitals(ReadRecords reads) {
        this.reads = reads;
    }

    /**
     * The latest value of each measure (its newest {@value #NEWEST} Observations, a search per measure); one audited
     * search.
     */
    public Optional<Map<Vital, VitalReading>> latest(long userId, long personId) {
        Reader resident = new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
        Interaction<Map<Vital, VitalReading>> read = reads.readPerson(resident, personId, AuditAction.SEARCH,
                "Observation", record -> {
                    Map<Vital, VitalReading> latest = new EnumMap<>(Vital.class);
                    for (Vital vital : Vital.values()) {
                        record.search(query(List.of(vital), null, NEWEST, 0)).resources().stream()
                                .flatMap(r -> readings(r).stream()).filter(r -> r.vital() == vital)
                                .forEach(r -> latest.merge(vital, r, (a, b) -> a.at().isAfter(b.at()) ? a : b));
                    }
                    return latest;
                });
        return Optional.ofNullable(read.value());
    }

    /** The values of these measures since {@code from} ({@code null}: all), oldest first; one audited search. */
    public Optional<List<VitalReading>> series(long userId, long personId, List<Vital> vitals, Instant from) {
        return read(userId, personId, AuditAction.SEARCH, vitals, from, MOST).map(ReadVitals::oldestFirst);
    }

    /**
     * What the resident recorded themself (the notebook's facility {@code ownFacilityId}), oldest first: the CSV export;
     * one audited export.
     */
    public Optional<List<VitalReading>> own(long userId, long personId, long ownFacilityId) {
        return read(userId, personId, AuditAction.EXPORT, List.of(Vital.values()), null, MOST)
                .map(readings -> oldestFirst(readings.stream().filter(r -> r.sourceFacilityId() == ownFacilityId).toList()));
    }

    private Optional<List<VitalReading>> read(long userId, long personId, AuditAction action, Collection<Vital> vitals,
                                              Instant from, int most) {
        Reader resident = new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
        Set<Vital> wanted = Set.copyOf(vitals);
        Interaction<List<VitalReading>> read = reads.readPerson(resident, personId, action, "Observation", record -> {
            List<VitalReading> readings = new ArrayList<>();
            for (int offset = 0; offset < most; offset += PAGE) {
                Found page = record.search(query(vitals, from, Math.min(PAGE, most - offset), offset));
                page.resources().forEach(r -> readings(r).stream().filter(v -> wanted.contains(v.vital()))
                        .forEach(readings::add));
                if (page.resources().size() < PAGE || offset + PAGE >= page.total()) {
                    break;
                }
            }
            return readings;
        });
        return Optional.ofNullable(read.value());
    }

    private List<VitalReading> readings(org.musubi.record.StoredResource stored) {
        return parsed.get(stored.type() + "/" + stored.id() + "/" + stored.version() + "/" + stored.deleted(),
                key -> VitalReadings.of(stored));
    }

    /** Vital-sign Observations (any sender's category system) coded with one of the measures' LOINC codes. */
    static RecordQuery query(Collection<Vital> vitals, Instant from, int count, int offset) {
        Set<String> codes = new LinkedHashSet<>();
        for (Vital vital : vitals) {
            if (vital.bloodPressure()) {
                codes.add(Vital.BLOOD_PRESSURE_LOINC);
            }
            codes.addAll(vital.readCodes());
        }
        return new RecordQuery("Observation", List.of(
                new RecordQuery.TokenCondition("category", List.of(new RecordQuery.Value(null, "vital-signs"))),
                new RecordQuery.TokenCondition("code", codes.stream().map(c -> new RecordQuery.Value(FhirSystems.LOINC, c))
                        .toList())), from, null, null, true, count, offset);
    }

    private static List<VitalReading> oldestFirst(List<VitalReading> readings) {
        return readings.stream().sorted(Comparator.comparing(VitalReading::at).thenComparing(VitalReading::vital)).toList();
    }
}
