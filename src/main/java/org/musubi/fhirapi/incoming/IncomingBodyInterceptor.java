package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * Reads the body of a create, update, transaction or batch before HAPI does, so that nothing in it
 * is silently lost: HAPI's lenient parser drops unknown elements and keeps invalid values unchecked.
 * Here its error handler collects them ({@link ParseFaults}) and, in modes {@code standard} and {@code full},
 * a JSON body is checked whole against base R4 ({@link IncomingValidation#attach}); each fault is refused when the
 * resource (or Bundle entry) it belongs to is written. In mode {@code rules}, or for an XML body, what
 * the parser found refuses the request at once (422). HAPI then uses the resource parsed here. An XML
 * body that declares a DOCTYPE is refused (400) before it is parsed, whatever the operation.
 *
 * <p>A create or update stored with warnings ({@link ValidationWarnings}) answers them: its 201 or 200 carries an
 * {@code OperationOutcome} with the warnings, unless the client asked for {@code Prefer: return=minimal}.
 */
@Component
@Interceptor
public class IncomingBodyInterceptor {

    private static final Set<RestOperationTypeEnum> WRITES = Set.of(RestOperationTypeEnum.CREATE,
            RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);
    private static final Set<RequestTypeEnum> BODIES = Set.of(RequestTypeEnum.POST, RequestTypeEnum.PUT, RequestTypeEnum.PATCH);
    private final FhirContext context;
    private final IncomingValidation validation;

    IncomingBodyInterceptor(FhirContext context, IncomingValidation validation) {
        this.context = context;
        this.validation = validation;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean read(RequestDetails request) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        EncodingEnum encoding = RestfulServerUtils.determineRequestEncodingNoDefault(request);
        boolean write = operation != null && WRITES.contains(operation);
        byte[] content = encoding != null && (write || encoding == EncodingEnum.XML && BODIES.contains(request.getRequestType()))
                ? request.loadRequestContents() : null;
        if (content == null || content.length == 0) {
            return true; // HAPI answers as usual
        }
        String body = RequestText.of(request, content);
        RequestBodies.refuseDoctype(encoding, body);
        if (!write) {
            return true;
        }
        ParseFaults faults = new ParseFaults();
        IBaseResource parsed = parse(request, encoding, body, faults);
        if (validation.checksBodies() && encoding == EncodingEnum.JSON) {
            validation.attach(parsed, body, faults.faults());
        } else if (!faults.faults().isEmpty()) {
            throw IncomingValidation.refusal(faults.faults());
        }
        request.setResource(parsed);
        return true;
    }

    /** The warnings of a stored create or update as the answer's body, which is otherwise empty. */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean answer(RequestDetails request, ResponseDetails response) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        if ((operation == RestOperationTypeEnum.CREATE || operation == RestOperationTypeEnum.UPDATE)
                && response.getResponseResource() == null && request.getResource() != null && !minimal(request)) {
            OperationOutcome warnings = ValidationWarnings.outcome(request.getResource(), e -> e, d -> d);
            if (warnings != null) {
                response.setResponseResource(warnings);
            }
        }
        return true;
    }

    private static boolean minimal(RequestDetails request) {
        String prefer = request.getHeader("Prefer");
        return prefer != null && prefer.replace(" ", "").toLowerCase(Locale.ROOT).contains("return=minimal");
    }

    private IBaseResource parse(RequestDetails request, EncodingEnum encoding, String body, ParseFaults faults) {
        Class<? extends IBaseResource> type = request.getResourceName() == null ? Bundle.class
                : context.getResourceDefinition(request.getResourceName()).getImplementingClass();
        return RequestBodies.parse(context, encoding, type, body, request.getFhirServerBase(), faults);
    }
}
