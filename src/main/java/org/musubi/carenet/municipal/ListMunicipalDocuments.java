package org.musubi.carenet.municipal;

import java.util.List;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.carenet.municipal.jdbc.DocumentTable;
import org.musubi.record.Reader;
import org.musubi.registry.Profession;
import org.musubi.registry.User;

/** One side's documents of a kind: a facility's outbox or inbox. */
public final class ListMunicipalDocuments {

    private final MunicipalDocuments documents;
    private final DocumentTable table;
    private final Audit audit;
    private final MunicipalDocuments.Settings settings;

    public ListMunicipalDocuments(MunicipalDocuments documents) {
        this.documents = documents;
        this.table = documents.table();
        this.audit = documents.audit();
        this.settings = documents.settings();
    }

    /** One side's documents of a kind: {@code sent} the facility's outbox, else its inbox; one audit row a listing. */
    public List<MunicipalDocument> list(Reader by, DocumentKind kind, boolean sent) {
        Set<Profession> readers = sent ? kind.senderReaders() : kind.addresseeReaders();
        boolean may = by.facilityId() != null && settings.parties().staff(by.userId(), readers)
                .flatMap(User::actingFacilityId).filter(f -> f.equals(by.facilityId())).isPresent();
        if (!may) {
            audit.record(AuditEntry.of(AuditAction.SEARCH, org.musubi.audit.Outcome.DENY).on(MunicipalDocuments.TYPE)
                    .reason(MunicipalDocuments.NOT_FOUND));
            return List.of();
        }
        List<MunicipalDocument> rows = sent ? table.from(by.facilityId(), kind) : table.to(by.facilityId(), kind);
        if (!sent) {
            rows = rows.stream().filter(d -> d.toUser() == null || d.toUser() == by.userId()).toList();
        }
        audit.record(AuditEntry.of(AuditAction.SEARCH, org.musubi.audit.Outcome.PERMIT)
                .on(MunicipalDocuments.TYPE, rows.stream().map(d -> (Object) d.id().toString()).toArray())
                .reason("municipal.list " + kind.name() + (sent ? " sent" : " received")));
        return rows;
    }
}
