package org.musubi.ingest.chunk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.MatchSourcePatients;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.identity.matching.InsuredNumber;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.record.ResourceLookup;
import org.musubi.record.fhir.FhirSystems;

/**
 * The source patients of a chunk, in the chunk's transaction: a patient the facility never sent before is stored,
 * and after the chunk's resources goes to identity matching (名寄せ: auto-link, review queue or new person) with the
 * whole chunk at once; a known one keeps its demographics unless a record is the source's own patient information
 * (authoritative), which refreshes them and matches it again. Both commit with the chunk's resources or not at all,
 * so a chunk that fails leaves no source patient, person or link its data never arrived for. Also finds each
 * patient's stored Patient resource.
 *
 * <p>A patient's insured-person number (JP-CLINS's {@link FhirSystems#INSURANCE_MEMBER_ID} identifier on the record's
 * Patient, as a UKE receipt or a 特定健診 file gives it) is recorded only hashed ({@link InsuredKeys}), in the same
 * transaction and before matching, so that 名寄せ weighs it as for the FHIR API. The Patient itself is stored as sent,
 * the number in it: {@code record.ReadRecords} shows it to the importing facility only (docs/no-ehr.md).
 */
public final class ImportPatients {

    private final IdentityBatches identities;
    private final MatchSourcePatients matching;
    private final ResourceLookup store;
    private final InsuredKeys insuredKeys;

    public ImportPatients(IdentityBatches identities, MatchSourcePatients matching, ResourceLookup store,
                          InsuredKeys insuredKeys) {
        this.identities = identities;
        this.matching = matching;
        this.store = store;
        this.insuredKeys = insuredKeys;
    }

    /**
     * The chunk's patients: source patient key by local id, Patient resource ids by key, and the source patients
     * {@link #receive} stored, which {@link #match} matches.
     */
    record Resolved(Map<String, Long> keys, Map<Long, String> patientResources, List<SourcePatient> received) {
    }

    /**
     * Stores the chunk's new patients, and refreshes those a record is the source's patient information of; records
     * the insured-person number of each patient whose records carry one (hashed; the last one sent, the source's
     * patient information first).
     */
    Resolved receive(long facilityId, List<ParseResult.Parsed> records) {
        Map<String, PatientIdentity> last = new LinkedHashMap<>();
        Map<String, Boolean> authoritative = new HashMap<>();
        Map<String, InsuredNumber> numbers = new HashMap<>();
        for (ParseResult.Parsed p : records) {
            String local = p.patient().localId();
            if (p.authoritative() || !authoritative.getOrDefault(local, false)) {
                last.put(local, p.patient());
                InsuredNumber number = insuredNumber(p.patientResource());
                if (number != null) {
                    numbers.put(local, number);
                }
            }
            authoritative.merge(local, p.authoritative(), Boolean::logicalOr);
        }
        Map<String, SourcePatient> known = identities.sourcePatients(facilityId, last.keySet());
        List<SourcePatient> toReceive = new ArrayList<>();
        Map<String, Long> keys = new HashMap<>();
        last.forEach((local, identity) -> {
            SourcePatient stored = known.get(local);
            if (stored == null || authoritative.get(local)) {
                toReceive.add(sourcePatient(facilityId, identity));
            } else {
                keys.put(local, stored.id());
            }
        });
        // in one order, so that two imports storing some of the same patients at once wait for each other, never deadlock
        toReceive.sort(Comparator.comparing(SourcePatient::localId));
        List<SourcePatient> received = toReceive.isEmpty() ? List.of() : identities.receiveAll(toReceive);
        received.forEach(s -> keys.put(s.localId(), s.id()));
        Map<Long, InsuredKeys.Key> insured = new HashMap<>();
        numbers.forEach((local, number) -> insured.put(keys.get(local), insuredKeys.of(number)));
        identities.receiveInsured(insured);
        return new Resolved(keys, new HashMap<>(store.patientIds(facilityId, keys.values())), received);
    }

    /**
     * Matches the patients {@link #receive} stored (in the same transaction, last: the audit chain stays locked until
     * the commit); gives the regional ID of every patient of the chunk that is linked to a person.
     */
    Map<Long, String> match(long userId, Resolved patients) {
        if (!patients.received().isEmpty()) {
            matching.matchStored(userId, patients.received());
        }
        return identities.regionalIdsOf(patients.keys().values());
    }

    /** The facility's own patient ids of these source patients (records a file's scope takes back, {@link ImportChunks}). */
    Map<Long, String> localIdsOf(long facilityId, Collection<Long> keys) {
        return keys.isEmpty() ? Map.of() : identities.localIdsOf(facilityId, keys);
    }

    /** The regional ID of each of these source patients that is linked to a person. */
    Map<Long, String> regionalIdsOf(Collection<Long> keys) {
        return keys.isEmpty() ? Map.of() : identities.regionalIdsOf(keys);
    }

    /**
     * The first well-formed insured-person number among a Patient's identifiers, or null; the Patient is left as it
     * is (the reading threads may be preparing it, and it is stored as sent).
     */
    static InsuredNumber insuredNumber(Patient patient) {
        if (patient == null) {
            return null;
        }
        return patient.getIdentifier().stream().filter(i -> FhirSystems.INSURANCE_MEMBER_ID.equals(i.getSystem()))
                .map(i -> InsuredNumber.parse(i.getValue()).orElse(null)).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static SourcePatient sourcePatient(long facilityId, PatientIdentity p) {
        return new SourcePatient(0, facilityId, p.localId(), p.familyKanji(), p.givenKanji(), p.familyKana(),
                p.givenKana(), p.sex(), p.birthDate(), p.postalCode(), p.address(), p.phone());
    }
}
