package org.musubi.imaging.proxy;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * What opening a study (audited once) gives the viewer for the requests that follow without another audit row: the
 * study, the user, the person the decision was about (null when the view opened no person: the user's facility's own
 * patient), the facility the study came from, when, and whether it was opened through a grant ({@link StudyGrants}: a
 * study the user's facility was asked to read), which then holds only while the grant is open. Kept in the user's session; the policy is asked again at most
 * every {@link StudyPasses#RECHECK} while the pass is used, only the audit row is spared.
 */
public record StudyPass(String studyUid, long user, Long personId, long facilityId, Instant at,
        boolean granted) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
}
