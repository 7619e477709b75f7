package org.musubi.fhirapi.bundle;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.incoming.IncomingJson;
import org.musubi.fhirapi.incoming.IncomingValidation;
import org.musubi.fhirapi.incoming.ValidationWarnings;
import org.musubi.fhirapi.mhd.BoxSubmissions;
import org.musubi.fhirapi.mhd.Submissions;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction or batch Bundle, as EHR exports and FHIR generators produce
 * them: {@code urn:uuid:} references between entries, conditional create ({@code ifNoneExist}) and
 * conditional references ({@code Organization?identifier=…}). A transaction is all or nothing.
 * Faults of the Bundle itself (outside any entry's resource) refuse the request as a whole; an
 * entry's faults refuse that entry (and so a whole transaction) when it is written; an entry stored with
 * warnings (tolerated known deviations) has them in its {@code response.outcome}. An IHE MHD ITI-65 transaction whose
 * SubmissionSet names an intended recipient sends its documents as letters instead ({@link Submissions}), or, when its
 * DocumentReferences carry Box's category, as Box files ({@link BoxSubmissions}).
 */
@Component
public class TransactionProvider {

    private final BundleWrites writes;
    private final IncomingValidation validation;
    private final Submissions submissions;
    private final BoxSubmissions boxes;

    TransactionProvider(BundleWrites writes, IncomingValidation validation, Submissions submissions,
                        BoxSubmissions boxes) {
        this.writes = writes;
        this.validation = validation;
        this.submissions = submissions;
        this.boxes = boxes;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
        Caller caller = Caller.current();
        validation.checkBundle(bundle);
        if (BoxSubmissions.applies(bundle)) {
            return boxes.provide(caller, bundle);
        }
        if (Submissions.applies(bundle)) {
            return submissions.provide(caller, bundle);
        }
        Bundle response = switch (bundle.getType()) {
            case TRANSACTION -> writes.transaction(caller, bundle, IncomingJson.entries(request, bundle.getEntry().size()), 0);
            case BATCH -> writes.batch(caller, bundle, IncomingJson.entries(request, bundle.getEntry().size()));
            default -> throw new InvalidRequestException("Bundle.type は transaction または batch にしてください（"
                    + bundle.getType() + "） / Bundle.type must be transaction or batch, not " + bundle.getType());
        };
        return withWarnings(bundle, response);
    }

    /**
     * Each stored entry's warnings ({@link ValidationWarnings}) in its {@code response.outcome}, named from the
     * Bundle as refusals are ({@link EntryRefusals}): the response has one entry per request entry, in order.
     */
    static Bundle withWarnings(Bundle request, Bundle response) {
        for (int i = 0; i < request.getEntry().size() && i < response.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = request.getEntry().get(i);
            Bundle.BundleEntryResponseComponent answer = response.getEntry().get(i).getResponse();
            if (entry.getResource() == null || answer.hasOutcome()) {
                continue;
            }
            int index = i;
            String type = entry.getResource().fhirType();
            String where = "Bundle.entry[" + i + "] (" + type + (entry.hasFullUrl() ? ", " + entry.getFullUrl() : "") + "): ";
            OperationOutcome warnings = ValidationWarnings.outcome(entry.getResource(),
                    element -> EntryRefusals.inEntry(index, type, element), text -> where + text);
            if (warnings != null) {
                answer.setOutcome(warnings);
            }
        }
        return response;
    }
}
