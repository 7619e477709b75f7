package org.musubi.identity.linkage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.InsuredKeys;

/**
 * The identity store for batches of source patients (imports deliver thousands at once): each read
 * is one or two statements for the whole batch, and {@link #write} applies a batch's decisions in
 * one transaction, all or nothing.
 */
public interface IdentityBatches {

    /**
     * Stores or refreshes source patients as {@link IdentityStore#receive} does, in one statement;
     * returns them as stored, in the given order. Each (facility, local id) may occur only once.
     */
    List<SourcePatient> receiveAll(List<SourcePatient> received);

    /** A facility's patients by the facility's own patient ids; ids the facility never sent are absent. */
    Map<String, SourcePatient> sourcePatients(long facilityId, Collection<String> localIds);

    /** The regional ID of the person each of these source patients is linked to; unlinked ones are absent. */
    Map<Long, String> regionalIdsOf(Collection<Long> sourcePatientIds);

    /** The facility's own patient id (local id) of each of these source patients of {@code facilityId}. */
    Map<Long, String> localIdsOf(long facilityId, Collection<Long> sourcePatientIds);

    /** The person each of these source patients is linked to; unlinked ones are absent. */
    Map<Long, Long> personsOf(Collection<Long> sourcePatientIds);

    /**
     * For each set of blocking keys, the candidates {@link IdentityStore#candidates} would return:
     * active persons sharing a key (a card key {@link InsuredKeys.Key#blockingKey} included), lowest id first, at
     * most {@code limit}.
     */
    List<List<RegisteredPerson>> candidates(List<Set<String>> blockingKeys, int limit);

    /**
     * Records the hashed insured-person numbers of these source patients as {@link IdentityStore#receiveInsured}
     * does, in one statement.
     */
    void receiveInsured(Map<Long, InsuredKeys.Key> bySourcePatient);

    /** The hashed insured-person number recorded for each of these source patients; those without one are absent. */
    Map<Long, InsuredKeys.Key> insuredOf(Collection<Long> sourcePatientIds);

    /** As {@link IdentityStore#insuredOfPersons}. */
    Map<Long, List<InsuredKeys.Key>> insuredOfPersons(Collection<Long> personIds);

    /** Those of these regional IDs that some person already has. */
    Set<String> regionalIdsInUse(Collection<String> regionalIds);

    /**
     * In one transaction: registers the new persons with their blocking keys, links source
     * patients ({@link LinkMethod#MATCH_AUTO}, with one LINK identity event each) and opens or
     * refreshes reviews; persons are referred to by regional ID. If any part fails, nothing is kept.
     */
    LinkageBatch.Written write(LinkageBatch batch, long userId);
}
