package org.musubi.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.identity.IdentityBatches;
import org.musubi.identity.MatchSourcePatients;
import org.musubi.identity.SourcePatient;
import org.musubi.record.ResourceStore;

/**
 * The source patients of a chunk: a patient the facility never sent before is stored and goes to
 * identity matching (名寄せ: auto-link, review queue or new person) with the whole chunk at once; a
 * known one keeps its demographics unless a record is the source's own patient information
 * (authoritative), which refreshes them. Also finds each patient's stored Patient resource.
 */
final class ImportPatients {

    private final IdentityBatches identities;
    private final MatchSourcePatients matching;
    private final ResourceStore store;

    ImportPatients(IdentityBatches identities, MatchSourcePatients matching, ResourceStore store) {
        this.identities = identities;
        this.matching = matching;
        this.store = store;
    }

    /** The chunk's patients: source patient key by local id, Patient resource ids, regional IDs. */
    record Resolved(Map<String, Long> keys, Map<Long, String> patientResources, Map<Long, String> regionalIds) {
    }

    Resolved resolve(long facilityId, long userId, List<ParseResult.Parsed> records) {
        Map<String, PatientIdentity> last = new LinkedHashMap<>();
        Map<String, Boolean> authoritative = new HashMap<>();
        for (ParseResult.Parsed p : records) {
            String local = p.patient().localId();
            if (p.authoritative() || !authoritative.getOrDefault(local, false)) {
                last.put(local, p.patient());
            }
            authoritative.merge(local, p.authoritative(), Boolean::logicalOr);
        }
        Map<String, SourcePatient> known = identities.sourcePatients(facilityId, last.keySet());
        List<SourcePatient> toMatch = new ArrayList<>();
        Map<String, Long> keys = new HashMap<>();
        last.forEach((local, identity) -> {
            SourcePatient stored = known.get(local);
            if (stored == null || authoritative.get(local)) {
                toMatch.add(sourcePatient(facilityId, identity));
            } else {
                keys.put(local, stored.id());
            }
        });
        if (!toMatch.isEmpty()) {
            matching.match(userId, toMatch);
            identities.sourcePatients(facilityId, toMatch.stream().map(SourcePatient::localId).toList())
                    .forEach((local, stored) -> keys.put(local, stored.id()));
        }
        return new Resolved(keys, new HashMap<>(store.patientIds(facilityId, keys.values())),
                identities.regionalIdsOf(keys.values()));
    }

    private static SourcePatient sourcePatient(long facilityId, PatientIdentity p) {
        return new SourcePatient(0, facilityId, p.localId(), p.familyKanji(), p.givenKanji(), p.familyKana(),
                p.givenKana(), p.sex(), p.birthDate(), p.postalCode(), p.address(), p.phone());
    }
}
