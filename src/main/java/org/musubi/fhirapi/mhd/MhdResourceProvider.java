package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.fhirapi.record.RecordResourceProvider;

/**
 * List (and, through {@link MhdDocumentReferenceProvider}, DocumentReference): the record's own, as
 * {@link RecordResourceProvider} serves every type — read, history, writes, and searches with {@code patient} or
 * {@code subject} — and, searched without a patient, the letters to and from the caller's facility as IHE MHD shows
 * them (ITI-66, ITI-67; {@link LetterSearches}), and read by their ids ({@code letter-<uuid>}); on DocumentReference, the
 * Box files sent to the caller when the search names Box's category ({@link BoxSearches}), read by {@code box-<uuid>}. A resident's app is
 * always about its own person, so its searches stay the record's. HAPI binds the superclass's annotated methods and
 * calls them on this object, so the overrides answer.
 */
public class MhdResourceProvider extends RecordResourceProvider {

    private final LetterSearches letters;
    private final BoxSearches boxes;
    private final String type;

    MhdResourceProvider(Class<? extends IBaseResource> type, RecordProviderParts parts, LetterSearches letters,
                        BoxSearches boxes) {
        super(type, parts);
        this.letters = letters;
        this.boxes = boxes;
        this.type = parts.resources().context().getResourceType(type);
    }

    /**
     * A letter's resource ({@code letter-<uuid>}) from the letters, a Box file's DocumentReference ({@code box-<uuid>})
     * from Box, any other id from the record.
     */
    @Override
    public IBaseResource read(IdType id) {
        if (LetterIds.isLetter(id.getIdPart())) {
            return letters.read(Caller.current(), type, id);
        }
        if (type.equals("DocumentReference") && BoxResources.isBox(id.getIdPart())) {
            return boxes.read(Caller.current(), id);
        }
        return super.read(id);
    }

    @Override
    protected IBundleProvider withoutPatient(Caller caller, Unanchored terms) {
        boolean document = type.equals("DocumentReference");
        if (document && BoxSearches.asks(terms.category())) {
            return boxes.search(caller, terms);
        }
        if (terms.category() != null || terms.identifier() != null || terms.date() != null
                || (document && terms.code() != null) || (terms.include() != null && !terms.include().isEmpty())
                || terms.sort() != null || terms.offset() != null) {
            throw new InvalidRequestException("手紙の検索（patient なし）に使えるのは _lastUpdated、status、"
                    + (document ? "type" : "code") + "、_count です / A search of letters (without patient) takes "
                    + "_lastUpdated, status, " + (document ? "type" : "code") + " and _count");
        }
        return letters(caller, terms, document ? null : terms.code());
    }

    /** The letters as this type, of the given type (DocumentReference's {@code type}, List's {@code code}). */
    IBundleProvider letters(Caller caller, Unanchored terms, TokenOrListParam kind) {
        return letters.search(caller, type, new LetterSearches.Terms(terms.lastUpdated(), terms.status(), kind,
                terms.count()));
    }
}
