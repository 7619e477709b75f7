package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.box.Box;
import org.musubi.box.BoxFile;
import org.musubi.box.ListInbox;
import org.musubi.box.ListSentFiles;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.record.RecordResourceProvider;
import org.musubi.fhirapi.response.StorePage;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * ITI-67 over Box: {@code DocumentReference?category=urn:musubi:box|file} (without a patient) lists the files sent to
 * the caller and not expired ({@link ListInbox#received}), oldest first, so that a system polls with
 * {@code _lastUpdated=gt<the last meta.lastUpdated it saw>}; {@code DocumentReference/box-<uuid>} reads one file the
 * caller sent or received. One audit row each; a file the caller may not have (not its sender nor a recipient, expired,
 * or no file at all) is the one 404 of an absent id.
 */
@Component
public class BoxSearches {

    private final ListInbox inbox;
    private final ListSentFiles sentFiles;
    private final Audit audit;
    private final LetterResources facilities;
    private final Facilities registry;

    BoxSearches(ListInbox inbox, ListSentFiles sentFiles, Audit audit, Facilities registry) {
        this.inbox = inbox;
        this.sentFiles = sentFiles;
        this.audit = audit;
        this.registry = registry;
        this.facilities = LetterResources.of(registry);
    }

    /** Whether a search without a patient asks for Box files ({@code category} names Box's only). */
    static boolean asks(TokenOrListParam category) {
        return category != null && !category.getValuesAsQueryTokens().isEmpty() && category.getValuesAsQueryTokens()
                .stream().allMatch(t -> FhirSystems.BOX.equals(t.getSystem()) && FhirSystems.BOX_FILE.equals(t.getValue()));
    }

    /** The files sent to the caller, after the search's scopes allowed it; one audit row naming them. */
    IBundleProvider search(Caller caller, RecordResourceProvider.Unanchored terms) {
        if (terms.code() != null || terms.identifier() != null || terms.date() != null
                || (terms.include() != null && !terms.include().isEmpty()) || terms.sort() != null
                || terms.offset() != null || !current(terms.status())) {
            throw new InvalidRequestException("Box のファイルの検索（category=" + FhirSystems.BOX + "|" + FhirSystems.BOX_FILE
                    + "、patient なし）に使えるのは _lastUpdated、status=current、_count です / A search of Box files (category="
                    + FhirSystems.BOX + "|" + FhirSystems.BOX_FILE + ", without patient) takes _lastUpdated, status=current "
                    + "and _count");
        }
        int limit = terms.count() == null ? LetterSearches.DEFAULT_COUNT
                : Math.max(0, Math.min(terms.count(), LetterSearches.MAX_COUNT));
        Instant after = terms.lastUpdated() == null || terms.lastUpdated().getLowerBoundAsInstant() == null ? null
                : terms.lastUpdated().getLowerBoundAsInstant().toInstant().minusMillis(1);
        Instant until = terms.lastUpdated() == null || terms.lastUpdated().getUpperBoundAsInstant() == null ? null
                : terms.lastUpdated().getUpperBoundAsInstant().toInstant();
        List<BoxFile> files = inbox.received(caller.reader()).stream()
                .filter(f -> after == null || f.uploadedAt().isAfter(after))
                .filter(f -> until == null || !f.uploadedAt().isAfter(until))
                .sorted(Comparator.comparing(BoxFile::uploadedAt)).limit(limit).toList();
        audit.record(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT)
                .on("BoxFile", files.stream().map(f -> (Object) f.id()).toArray()));
        List<IBaseResource> found = files.stream().map(f -> (IBaseResource) documentReference(f)).toList();
        return new StorePage(found, found.size());
    }

    /**
     * A file's DocumentReference by its id ({@code box-<uuid>}), after the token's scopes allowed the read: a file the
     * caller sent or received and not expired; anything else — expired, another's, malformed, no file — answers the
     * one 404 of an absent id, audited once like it.
     */
    IBaseResource read(Caller caller, IdType id) {
        caller.scoped(id.hasVersionIdPart() ? ScopeTable.VREAD : ScopeTable.READ, audit, "DocumentReference");
        UUID asked = BoxResources.file(id.getIdPart());
        Optional<BoxFile> file = Stream.concat(inbox.received(caller.reader()).stream(), sentFiles.sent(caller.reader()).stream())
                .filter(f -> f.id().equals(asked)).findFirst();
        if (file.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("BoxFile", String.valueOf(asked))
                    .reason(Box.NOT_FOUND));
            throw Refusals.notFound(id);
        }
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("BoxFile", asked));
        return documentReference(file.get());
    }

    private DocumentReference documentReference(BoxFile file) {
        Reference facility = file.senderFacility() == null ? null : facilities.organization(file.senderFacility(),
                registry.find(file.senderFacility()).map(Facility::nameKanji).orElse(null));
        return BoxResources.documentReference(file, facility);
    }

    private static boolean current(TokenOrListParam status) {
        return status == null || status.getValuesAsQueryTokens().stream().map(TokenParam::getValue).anyMatch("current"::equals);
    }
}
