package org.musubi.carenet.municipal;

import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.record.Reader;

/** A document opened by its reader, on the addressee's side or the sender's, under the addressee rule. */
public final class OpenMunicipalDocument {

    private final MunicipalDocuments documents;
    private final MunicipalDocuments.Settings settings;

    public OpenMunicipalDocument(MunicipalDocuments documents) {
        this.documents = documents;
        this.settings = documents.settings();
    }

    /**
     * Opens a document for its reader: the addressee side or the sender side, each under the addressee rule (one audit
     * row naming the person); the first opening by whoever receives the answer marks it read (not on a standby).
     */
    public Optional<MunicipalDocuments.Opened> open(Reader by, UUID id, java.util.Locale locale) {
        return documents.read(by, id, AuditAction.READ).map(d -> new MunicipalDocuments.Opened(d,
                MunicipalDocuments.addresseeSide(by, d), documents.sections(d, locale),
                settings.parties().facilityName(d.fromFacility()) + " " + settings.parties().name(d.fromUser()),
                settings.parties().facilityName(d.toFacility())
                        + (d.toUser() == null ? "" : " " + settings.parties().name(d.toUser()))));
    }
}
