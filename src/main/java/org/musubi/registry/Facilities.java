package org.musubi.registry;

import java.util.List;
import java.util.Optional;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/**
 * The participating facilities. The health notebook's own source ({@link FacilityKind#PERSONAL_HEALTH_RECORD}) is
 * found by id and by {@link #personalHealthRecord()}, never by the searches, lists and counts of participants.
 */
public interface Facilities {

    Optional<Facility> find(long id);

    /** The one facility under which residents' own entries are stored (made by migration V31). */
    Optional<Facility> personalHealthRecord();

    Optional<Facility> findByCode(String institutionCode);

    /** Facilities whose kanji or kana name or code contains {@code text}; all when blank. */
    Page<Facility> search(String text, FacilityKind kind, FacilityStatus status, PageRequest page);

    /** Active facilities matching the query, by kana name: the participating-facility search. */
    Page<Facility> directory(FacilityQuery query, PageRequest page);

    /** Every participating facility, by kana name: for choosers (a prefecture has about a thousand). */
    List<Facility> all();

    /** How many participating facilities there are. */
    long count();

    Facility insert(FacilityDraft draft);

    Facility update(long id, FacilityDraft draft);
}
