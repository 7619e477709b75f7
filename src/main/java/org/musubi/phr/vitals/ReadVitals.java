package org.musubi.phr.vitals;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.Interaction;
import org.musubi.record.Found;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;
import org.musubi.record.read.PersonRecord;

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
    /** How far back the latest-values read looks in one search before it asks for each measure left. */
    private static final int RECENT_DAYS = 31;
    private final ReadRecords reads;
    /**
     * What each stored version of a vital-sign Observation reads as, by type, id and version (a version never
     * changes): a chart over ten years reads thousands of them, and parsing their JSON was most of its time (see
     * bench/README.md, the health notebook). Held in this server's memory only, as the record store's rows are.
     */
    private final Cache<String, List<VitalReading>> parsed =
            Caffeine.newBuilder().maximumSize(500_000).build();

    public ReadVitals(ReadRecords reads) {
        this.reads = reads;
    }

    /**
     * The latest value of each measure; one audited search. The last {@value #RECENT_DAYS} days are read first (one
     * search: what the resident measures often); only the measures not among them are looked for one by one, their
     * newest {@value #NEWEST} Observations each (a measure's search costs as much as it has values: these have few).
     */
    public Optional<Map<Vital, VitalReading>> latest(long userId, long personId) {
        Reader resident = new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
        Interaction<Map<Vital, VitalReading>> read = reads.readPerson(resident, PatientRef.person(personId),
                AuditAction.SEARCH, "Observation", record -> {
                    Map<Vital, VitalReading> latest = new EnumMap<>(Vital.class);
                    Instant recent = Instant.now().minus(Duration.ofDays(RECENT_DAYS));
                    readAll(record, List.of(Vital.values()), recent, PAGE)
                            .forEach(r -> latest.merge(r.vital(), r, (a, b) -> a.at().isAfter(b.at()) ? a : b));
                    for (Vital vital : Vital.values()) {
                        if (!latest.containsKey(vital)) {
                            readAll(record, List.of(vital), null, NEWEST).stream().filter(r -> r.vital() == vital)
                                    .forEach(r -> latest.merge(vital, r, (a, b) -> a.at().isAfter(b.at()) ? a : b));
                        }
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
        Interaction<List<VitalReading>> read = reads.readPerson(resident, PatientRef.person(personId),
                action, "Observation", record -> readAll(record, vitals, from, most));
        return Optional.ofNullable(read.value());
    }

    /**
     * The values of these measures since {@code from} in a record read in an interaction, newest first: found without
     * their content, read as each version was read before, and only the versions not read before fetched and parsed.
     */
    private List<VitalReading> readAll(PersonRecord record, Collection<Vital> vitals, Instant from, int most) {
        Set<Vital> wanted = Set.copyOf(vitals);
        List<VitalReading> readings = new ArrayList<>();
        // without content a page can hold all a read needs: one search instead of one per thousand (each finds and
        // counts every match again)
        for (int offset = 0; offset < most; offset += RecordQuery.MAX_PAGE) {
            Found page = record.search(query(vitals, from, Math.min(RecordQuery.MAX_PAGE, most - offset), offset)
                    .withoutContent());
            Map<String, List<VitalReading>> known = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (StoredResource found : page.resources()) {
                List<VitalReading> cached = parsed.getIfPresent(key(found));
                known.put(found.id(), cached);
                if (cached == null) {
                    missing.add(found.id());
                }
            }
            for (int first = 0; first < missing.size(); first += PAGE) {
                for (StoredResource content : record.contents(missing.subList(first, Math.min(missing.size(), first + PAGE)))) {
                    List<VitalReading> read = VitalReadings.of(content);
                    parsed.put(key(content), read);
                    known.put(content.id(), read);
                }
            }
            known.values().stream().filter(Objects::nonNull).flatMap(List::stream)
                    .filter(v -> wanted.contains(v.vital())).forEach(readings::add);
            if (page.resources().size() < RecordQuery.MAX_PAGE || offset + RecordQuery.MAX_PAGE >= page.total()) {
                break;
            }
        }
        return readings;
    }

    private static String key(StoredResource stored) {
        return stored.type() + "/" + stored.id() + "/" + stored.version() + "/" + stored.deleted();
    }

    /** Vital-sign Observations (any sender's category system) coded with one of the measures' LOINC codes. */
    static RecordQuery query(Collection<Vital> vitals, Instant from, int count, int offset) {
        Set<String> codes = new LinkedHashSet<>();
        for (Vital vital : vitals) {
            if (vital.bloodPressure()) {
                codes.add(Loinc.BLOOD_PRESSURE);
            }
            codes.addAll(vital.coding().readCodes());
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
