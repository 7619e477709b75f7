package org.musubi.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditRecord;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.LinkageBatch;
import org.musubi.identity.matching.InsuredKeys;

/** Time spent in each database call of bulk linkage, measured by wrapping the ports the use case is given. */
final class PhaseTimes {

    private final Map<String, Long> nanos = new TreeMap<>();

    /** Phase name and total seconds, in name order. */
    Map<String, Long> nanos() {
        return nanos;
    }

    private <T> T time(String phase, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.merge(phase, System.nanoTime() - start, Long::sum);
        }
    }

    Audit wrap(Audit audit) {
        return new Audit() {
            @Override
            public AuditRecord record(AuditEntry entry) {
                return time("6 audit (recordAll)", () -> audit.record(entry));
            }

            @Override
            public List<AuditRecord> recordAll(List<AuditEntry> entries) {
                return time("6 audit (recordAll)", () -> audit.recordAll(entries));
            }

            @Override
            public List<AuditRecord> recordAllInTransaction(List<AuditEntry> entries) {
                return time("6 audit (in transaction)", () -> audit.recordAllInTransaction(entries));
            }
        };
    }

    IdentityBatches wrap(IdentityBatches batches) {
        return new IdentityBatches() {
            @Override
            public List<SourcePatient> receiveAll(List<SourcePatient> received) {
                return time("1 receive (upsert source patients)", () -> batches.receiveAll(received));
            }

            @Override
            public Map<String, SourcePatient> sourcePatients(long facilityId, Collection<String> localIds) {
                return time("0 known source patients", () -> batches.sourcePatients(facilityId, localIds));
            }

            @Override
            public Map<Long, String> regionalIdsOf(Collection<Long> sourcePatientIds) {
                return time("7 regional IDs", () -> batches.regionalIdsOf(sourcePatientIds));
            }

            @Override
            public Map<Long, String> localIdsOf(long facilityId, Collection<Long> sourcePatientIds) {
                return batches.localIdsOf(facilityId, sourcePatientIds);
            }

            @Override
            public Map<Long, Long> personsOf(Collection<Long> sourcePatientIds) {
                return time("2 already linked?", () -> batches.personsOf(sourcePatientIds));
            }

            @Override
            public List<List<RegisteredPerson>> candidates(List<Set<String>> blockingKeys, int limit) {
                return time("3 candidates (keys, then persons)", () -> batches.candidates(blockingKeys, limit));
            }

            @Override
            public void receiveInsured(Map<Long, InsuredKeys.Key> bySourcePatient) {
                time("1 receive (hashed insured numbers)", () -> {
                    batches.receiveInsured(bySourcePatient);
                    return null;
                });
            }

            @Override
            public Map<Long, InsuredKeys.Key> insuredOf(Collection<Long> sourcePatientIds) {
                return time("3 candidates (insured numbers)", () -> batches.insuredOf(sourcePatientIds));
            }

            @Override
            public Map<Long, List<InsuredKeys.Key>> insuredOfPersons(Collection<Long> personIds) {
                return time("3 candidates (insured numbers)", () -> batches.insuredOfPersons(personIds));
            }

            @Override
            public Set<String> regionalIdsInUse(Collection<String> regionalIds) {
                return time("4 fresh regional IDs in use?", () -> batches.regionalIdsInUse(regionalIds));
            }

            @Override
            public LinkageBatch.Written write(LinkageBatch batch, long userId) {
                return time("5 write (persons, keys, links, reviews)", () -> batches.write(batch, userId));
            }
        };
    }
}
