package org.musubi.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** Finding persons for operators: a search over regional ID, name and birth date, and the merges still undoable. */
public interface PersonDirectory {

    /**
     * Persons whose regional ID starts with {@code text} (when it is digits), whose kana name contains
     * it (compared after {@link org.musubi.identity.matching.normalize.KanaNormalizer normalisation}, so half-width
     * and hiragana input find the stored name) or whose kanji name contains it (when it has kanji),
     * born on {@code birthDate} when given. Empty when neither is given.
     */
    Page<RegisteredPerson> search(String text, LocalDate birthDate, PageRequest page);

    /**
     * Of the given persons, in the given order, those matching {@code text} (all when it is blank),
     * each with the facility's chart number (the local id of the facility's source patient linked to
     * the person). The text matches the start of the regional ID (digits, spaces and hyphens ignored),
     * the start of the facility's chart number, the start of the kana name (after
     * {@link org.musubi.identity.matching.normalize.KanaNormalizer normalisation}, spaces ignored) or part of
     * the kanji name.
     */
    Page<FacilityPatient> amongPersons(List<Long> personIds, long facilityId, String text, PageRequest page);

    /**
     * The merges into this person that {@link org.musubi.identity.link.UnmergePersons} can still undo: the merged person is
     * still merged into this one, this person is active, and the merge was not undone; newest first.
     */
    List<UndoableMerge> undoableMerges(long survivorId);

    /** A merge of {@code mergedPersonId} into the survivor, with its id for {@link org.musubi.identity.link.UnmergePersons}. */
    record UndoableMerge(long mergeId, long mergedPersonId, Instant mergedAt, String reason) {
    }
}
