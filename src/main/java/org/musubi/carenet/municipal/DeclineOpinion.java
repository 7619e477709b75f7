package org.musubi.carenet.municipal;

import java.util.UUID;
import org.musubi.record.Reader;

/** The doctor asked declines a request for an opinion, with a reason. */
public final class DeclineOpinion {

    private final MunicipalDocuments documents;

    public DeclineOpinion(MunicipalDocuments documents) {
        this.documents = documents;
    }

    /** The doctor asked declines, with a reason. */
    public MunicipalDocuments.Outcome<UUID> decline(Reader by, UUID id, String reason) {
        return documents.move(by, id, DocumentStatus.REQUESTED, DocumentStatus.DECLINED, reason, true);
    }
}
