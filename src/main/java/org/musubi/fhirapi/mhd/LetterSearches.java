package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.response.StorePage;
import org.musubi.letters.exchange.ListLetters;
import org.musubi.letters.exchange.OpenLetter;
import org.musubi.letters.exchange.LetterRow;
import org.musubi.registry.Facilities;
import org.musubi.record.ReadRecords;
import org.springframework.stereotype.Component;

/**
 * ITI-67 (DocumentReference) and ITI-66 (SubmissionSet List) over the letters to and from the caller's facility: one
 * call of {@link ListLetters#changedSince} (its policy, one audit row), oldest change first, so that a system polls
 * with {@code _lastUpdated=gt<the last meta.lastUpdated it saw>}.
 */
@Component
public class LetterSearches {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 500;

    private final ListLetters exchange;
    private final OpenLetter opening;
    private final Audit audit;
    private final LetterResources resources;
    private final ReadRecords reads;

    LetterSearches(ListLetters exchange, OpenLetter opening, Audit audit, Facilities facilities, ReadRecords reads) {
        this.exchange = exchange;
        this.opening = opening;
        this.audit = audit;
        this.reads = reads;
        this.resources = LetterResources.of(facilities);
    }

    /** What a letters' search may ask: {@code _lastUpdated}, {@code status}, the type ({@code type} or List's {@code code}). */
    public record Terms(DateRangeParam lastUpdated, TokenOrListParam status, TokenOrListParam type, Integer count) {
    }

    /** The letters as {@code type} (DocumentReference or List), after the token's scopes allowed the search. */
    public IBundleProvider search(Caller caller, String type, Terms terms) {
        caller.scoped(ScopeTable.SEARCH, audit, type);
        int limit = terms.count() == null ? DEFAULT_COUNT : Math.max(0, Math.min(terms.count(), MAX_COUNT));
        Instant since = lower(terms.lastUpdated());
        Instant until = upper(terms.lastUpdated());
        List<LetterRow> rows = exchange.changedSince(caller.reader(), since, limit);
        List<IBaseResource> found = new ArrayList<>();
        for (LetterRow row : rows) {
            if (until != null && row.updatedAt().isAfter(until)) {
                continue;
            }
            boolean document = type.equals("DocumentReference");
            if (!matches(terms.status(), "current") || !matches(terms.type(), document
                    ? LetterResources.type(row.kind()) : new CodeableConcept(new Coding(MhdCodes.LIST_TYPES,
                    MhdCodes.SUBMISSION_SET, null)))) {
                continue;
            }
            found.add(document ? resources.documentReference(row, true) : resources.submissionSet(row));
        }
        return new StorePage(found, found.size());
    }

    /**
     * A letter's DocumentReference or SubmissionSet List by its id ({@code letter-<uuid>}), after the token's scopes
     * allowed the read: through {@link OpenLetter#find} (one audit row, nothing marked received); what the caller
     * may not see, and an id of the letters' form naming nothing, is the one 404 of an absent resource.
     */
    public IBaseResource read(Caller caller, String type, IdType id) {
        caller.scoped(id.hasVersionIdPart() ? ScopeTable.VREAD : ScopeTable.READ, audit, type);
        Optional<LetterIds.Named> named = LetterIds.parse(id.getIdPart())
                .filter(n -> n.part() == LetterIds.Part.DOCUMENT);
        if (named.isEmpty()) {
            reads.missed(caller.reader(), AuditAction.READ, type, id.getIdPart());
            throw Refusals.notFound(id);
        }
        LetterRow row = opening.find(caller.reader(), named.get().letter()).orElseThrow(() -> Refusals.notFound(id));
        return type.equals("DocumentReference") ? resources.documentReference(row, true) : resources.submissionSet(row);
    }

    /**
     * The lower bound, a millisecond early: the exchange answers changes strictly after it, and a system that polls
     * with the {@code meta.lastUpdated} it saw (milliseconds) must miss nothing changed within that millisecond (it
     * may see the last letter again; letters are told apart by id).
     */
    private static Instant lower(DateRangeParam range) {
        if (range == null || range.getLowerBoundAsInstant() == null) {
            return Instant.EPOCH;
        }
        return range.getLowerBoundAsInstant().toInstant().minusMillis(1);
    }

    private static Instant upper(DateRangeParam range) {
        return range == null || range.getUpperBoundAsInstant() == null ? null
                : range.getUpperBoundAsInstant().toInstant();
    }

    /** Whether one of the tokens asked matches (all match when none is asked). */
    private static boolean matches(TokenOrListParam asked, String value) {
        return matches(asked, new CodeableConcept(new Coding(null, value, null)));
    }

    private static boolean matches(TokenOrListParam asked, CodeableConcept concept) {
        if (asked == null || asked.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        for (TokenParam token : asked.getValuesAsQueryTokens()) {
            if (token.getModifier() != null) {
                throw new InvalidRequestException("トークンの修飾子（:" + token.getModifier().getValue() + "）には対応していません"
                        + " / Token modifiers are not supported");
            }
            for (Coding coding : concept.getCoding()) {
                boolean system = token.getSystem() == null || token.getSystem().isEmpty()
                        || token.getSystem().equals(coding.getSystem());
                if (system && token.getValue() != null && token.getValue().equals(coding.getCode())) {
                    return true;
                }
            }
        }
        return false;
    }
}
