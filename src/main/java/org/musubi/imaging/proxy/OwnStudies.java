package org.musubi.imaging.proxy;

import java.util.List;
import java.util.Optional;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.Reader;

/**
 * The viewer page's study as the reader's own record: the indexed study of {@code uid} when the reader did not come to
 * it through a grant (a reading centre's reader, a programme's reader). The forms the viewer page offers to the study's
 * own side (ask a reading, submit to a programme) look at the study's kind through this; the page's own opening decides
 * whether it shows at all, and each form's action decides again.
 */
public final class OwnStudies {

    private final StudyIndex index;
    private final List<StudyGrants> grants;

    OwnStudies(StudyIndex index, List<StudyGrants> grants) {
        this.index = index;
        this.grants = List.copyOf(grants);
    }

    /** The study, unless its UID is malformed or unknown or the reader holds a grant to it. */
    public Optional<IndexedStudy> ownedBy(Reader reader, String uid) {
        if (reader == null || !IndexedStudy.isUid(uid)) {
            return Optional.empty();
        }
        return index.find(uid).filter(s -> grants.stream().allMatch(g -> g.granted(reader, s).isEmpty()));
    }
}
