package org.musubi.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.identity.matching.InsuredKeys;

/**
 * Persons, source patients and the links between them. Each changing method is one transaction
 * and appends its identity events; none touches the clinical data stored under source patients.
 */
public interface IdentityStore {

    Optional<RegisteredPerson> person(long personId);

    Optional<RegisteredPerson> personByRegionalId(String regionalId);

    /**
     * The ids under which the audit trail names the person with this regional ID: the ID itself, the regional ID it
     * had before migration V20 and those of the persons merged into it (with theirs); just {@code regionalId} when
     * no person has it.
     */
    List<String> namesInAudit(String regionalId);

    /**
     * Active persons that a facility's patients are linked to ({@code facilityId}; any facility's when null), ordered
     * by kana name, birth date and regional ID, at most {@code limit}.
     */
    List<RegisteredPerson> personsWithPatientsAt(Long facilityId, int limit);

    /**
     * Every source patient of a facility, by id, with the person it is linked to ({@code 0} when none): what a bulk
     * export of the facility's own patients walks through (issue 48). Ids only, no demographics.
     */
    Map<Long, Long> patientsAt(long facilityId);

    RegisteredPerson register(Person person);

    Optional<SourcePatient> sourcePatient(long sourcePatientId);

    /**
     * Stores a facility's patient or refreshes its demographics; the same (facility, local id) is one
     * row. The {@code id} of the argument is ignored.
     */
    SourcePatient receive(SourcePatient received);

    /** A facility's patient by the facility's own patient id. */
    Optional<SourcePatient> sourcePatient(long facilityId, String localId);

    /**
     * The facility's source patients these identifiers name, by identifier (those naming none are absent): a local
     * one names the source patient with that local ID, else the one it was recorded for as an alias; any other the
     * source patient it was recorded for ({@link #receiveIdentifiers}). One round trip.
     */
    Map<SourceIdentifier, SourcePatient> named(long facilityId, Collection<SourceIdentifier> identifiers);

    /** The identifiers recorded for each of these source patients, in the order they were recorded. */
    Map<Long, List<SourceIdentifier>> identifiersOf(Collection<Long> sourcePatientIds);

    /**
     * Records that these identifiers name the source patient (within its facility). An identifier already recorded
     * is left as it is, whichever of the facility's source patients it names: the caller checks first with
     * {@link #named}.
     */
    void receiveIdentifiers(long sourcePatientId, Collection<SourceIdentifier> identifiers);

    /**
     * Records the hashed insured-person number a facility sent for its source patient (replacing the one it sent
     * before); used only for 名寄せ, never shown.
     */
    void receiveInsured(long sourcePatientId, InsuredKeys.Key insured);

    /** The hashed insured-person number recorded for a source patient. */
    Optional<InsuredKeys.Key> insuredOf(long sourcePatientId);

    /**
     * The facility's one source patient whose recorded insured-person number is {@code insured} (the same card and the
     * same 枝番, or both without one); empty when it has none, or several (a family on one card sent without 枝番).
     */
    Optional<Long> sourcePatientByInsured(long facilityId, InsuredKeys.Key insured);

    /** The hashed insured-person numbers of the source patients linked to each of these persons. */
    Map<Long, List<InsuredKeys.Key>> insuredOfPersons(Collection<Long> personIds);

    Optional<Long> personOf(long sourcePatientId);

    /** The source patients a person's record is made of, ordered by id. */
    List<SourcePatient> sourcePatientsOf(long personId);

    void link(long sourcePatientId, long personId, LinkMethod method, long userId, String reason);

    void unlink(long sourcePatientId, long userId, String reason);

    /** Moves every link of {@code mergedId} to {@code survivorId}, fills the survivor's blanks; returns the merge id. */
    long merge(long survivorId, long mergedId, long userId, String reason);

    /** Undoes a merge: its moved links go back, the survivor's demographics and the merged person return. */
    void unmerge(long mergeId, long userId, String reason);

    /** Active persons sharing at least one blocking key with a query (matching candidates), at most {@code limit}. */
    List<RegisteredPerson> candidates(Set<String> blockingKeys, int limit);

    /** The merge event's persons: survivor first, merged second; empty when the id is no merge. */
    Optional<long[]> mergeParties(long mergeId);
}
