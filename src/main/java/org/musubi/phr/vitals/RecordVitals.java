package org.musubi.phr.vitals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.write.Entry;

/**
 * Records a resident's own vital signs (quick entry, or the rows of a CSV) under their source patient at the health
 * notebook's facility. One save is one interaction with their record through the access policy's self access: one
 * audit row (CREATE) naming what it created or changed and the heights it read for a BMI, all in one database
 * transaction with the writes (nothing half-saved; the audit row only when they commit). Values equal to what is
 * stored change nothing and get no Provenance, so recording the same entries again stores nothing new.
 */
public final class RecordVitals {

    /** The most heights read for the BMIs of one save (the newest before its latest entry). */
    static final int HEIGHTS_READ = 1000;
    private final WriteRecords writes;
    private final PhrSources sources;
    private final VitalObservations observations;

    public RecordVitals(WriteRecords writes, PhrSources sources, VitalObservations observations) {
        this.writes = writes;
        this.sources = sources;
        this.observations = observations;
    }

    /** What one save stored: the resources it created or changed ({@code Type/id}); empty when nothing was new. */
    public record Saved(List<String> changed) {

        public Saved {
            changed = List.copyOf(changed);
        }
    }

    /**
     * Records the entries of person {@code personId} by their own resident account {@code userId}; empty when that
     * account is not the person (refused and audited, as any other attempt).
     */
    public Optional<Saved> save(long userId, long personId, List<VitalsEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("nothing to record");
        }
        Reader resident = new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
        Interaction<Saved> saved = writes.enter(resident, personId, AuditAction.CREATE, "Observation",
                entry -> store(userId, entry, entries));
        return Optional.ofNullable(saved.value());
    }

    private Saved store(long userId, Entry record, List<VitalsEntry> entries) {
        PersonView view = record.view();
        PhrPatient patient = sources.of(userId, view.opened().orElseThrow(), view.sources());
        List<VitalsEntry> inOrder = entries.stream().sorted(Comparator.comparing(VitalsEntry::instant)).toList();
        TreeMap<Instant, VitalObservations.Height> heights = inOrder.stream().anyMatch(e -> e.values().containsKey(Vital.WEIGHT))
                ? heights(record, inOrder.getLast().instant()) : new TreeMap<>();
        List<ResourceWrite> batch = new ArrayList<>();
        batch.add(observations.patient(patient));
        for (VitalsEntry entry : inOrder) {
            Optional<VitalObservations.Height> known = Optional.ofNullable(heights.floorEntry(entry.instant()))
                    .map(Map.Entry::getValue);
            batch.addAll(observations.observations(patient, entry, known));
            entry.value(Vital.HEIGHT).ifPresent(cm -> heights.put(entry.instant(),
                    new VitalObservations.Height(cm, VitalObservations.id(patient, entry, Vital.HEIGHT))));
        }
        List<Written> written = record.store(batch, stored -> observations.provenance(patient, changed(stored)));
        return new Saved(changed(written).stream().map(w -> w.type() + "/" + w.id()).toList());
    }

    private static List<Written> changed(List<Written> written) {
        return written.stream().filter(w -> w.change() != Written.Change.UNCHANGED).toList();
    }

    /** The heights known (from any source the resident sees) up to {@code until}, by moment. */
    private static TreeMap<Instant, VitalObservations.Height> heights(Entry record, Instant until) {
        RecordQuery query = new RecordQuery("Observation", List.of(new RecordQuery.TokenCondition("code",
                Vital.HEIGHT.coding().readCodes().stream().map(c -> new RecordQuery.Value(FhirSystems.LOINC, c))
                        .toList())), null, until.plus(1, ChronoUnit.MINUTES), null, true, HEIGHTS_READ, 0);
        TreeMap<Instant, VitalObservations.Height> heights = new TreeMap<>();
        for (StoredResource stored : record.search(query).resources()) {
            VitalReadings.of(stored).stream().filter(r -> r.vital() == Vital.HEIGHT)
                    .forEach(r -> heights.putIfAbsent(r.at(), new VitalObservations.Height(r.value(), r.resourceId())));
        }
        return heights;
    }
}
