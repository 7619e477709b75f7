package org.musubi.registry;

import java.util.Optional;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** The participating facilities. */
public interface Facilities {

    Optional<Facility> find(long id);

    Optional<Facility> findByCode(String institutionCode);

    /** Facilities whose kanji or kana name or code contains {@code text}; all when blank. */
    Page<Facility> search(String text, FacilityKind kind, FacilityStatus status, PageRequest page);

    /** Active facilities matching the query, by kana name: the participating-facility search. */
    Page<Facility> directory(FacilityQuery query, PageRequest page);

    /** Every facility, by kana name: for choosers (a prefecture has about a thousand). */
    java.util.List<Facility> all();

    long count();

    Facility insert(FacilityDraft draft);

    Facility update(long id, FacilityDraft draft);
}
