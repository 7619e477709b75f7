package org.musubi.carenet.municipal;

import java.util.UUID;
import org.musubi.record.Reader;

/** The municipality takes a received opinion into the certification. */
public final class CompleteOpinion {

    private final MunicipalDocuments documents;

    public CompleteOpinion(MunicipalDocuments documents) {
        this.documents = documents;
    }

    /** The municipality takes the received opinion into the certification. */
    public MunicipalDocuments.Outcome<UUID> complete(Reader by, UUID id) {
        return documents.move(by, id, DocumentStatus.RECEIVED, DocumentStatus.COMPLETED, null, false);
    }
}
