package org.musubi.fhirapi.incoming;

import java.util.List;
import java.util.function.UnaryOperator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.musubi.record.fhir.Fault;

/**
 * The warnings an incoming resource was stored with (tolerated known deviations, {@link IncomingValidation#check}),
 * kept on the resource (as HAPI user data, like {@link BodyFaults}) until the write is answered: a create or update
 * answers them in an {@code OperationOutcome} ({@link IncomingBodyInterceptor#answer}), a transaction or batch in
 * the entry's {@code response.outcome}.
 */
public final class ValidationWarnings {

    private static final String KEY = "musubi.validationWarnings";

    private ValidationWarnings() {
    }

    static void keep(IBaseResource resource, List<Fault> warnings) {
        resource.setUserData(KEY, warnings.isEmpty() ? null : List.copyOf(warnings));
    }

    /** The warnings the resource was stored with (none when it was not checked or nothing was tolerated). */
    public static List<Fault> of(IBaseResource resource) {
        return resource.getUserData(KEY) instanceof List<?> warnings ? warnings.stream().map(Fault.class::cast).toList()
                : List.of();
    }

    /**
     * An {@code OperationOutcome} with one warning issue per warning, its expression and diagnostics restated by
     * {@code expression} and {@code diagnostics} (an entry of a Bundle names itself there); null when there are none.
     */
    public static OperationOutcome outcome(IBaseResource resource, UnaryOperator<String> expression,
                                           UnaryOperator<String> diagnostics) {
        List<Fault> warnings = of(resource);
        if (warnings.isEmpty()) {
            return null;
        }
        OperationOutcome outcome = new OperationOutcome();
        for (Fault w : warnings) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(IncomingValidation.issueType(w.issueType())).setDiagnostics(diagnostics.apply(w.diagnostics()))
                    .addExpression(expression.apply(w.element()));
        }
        return outcome;
    }
}
