package org.musubi.fhirapi.bundle;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;

/**
 * An entry's refusal restated for the Bundle: its text starts with the entry (index, type and
 * fullUrl), and each issue of its OperationOutcome names the entry too, with the element's FHIRPath
 * from the Bundle ({@code Observation.status} becomes {@code Bundle.entry[3].resource.status}).
 * The HTTP status stays the entry's.
 */
public final class EntryRefusals {

    private EntryRefusals() {
    }

    /** Runs one entry's step; an error names the entry (index, type and fullUrl), keeping its HTTP status. */
    public static <T> T named(int index, Bundle.BundleEntryComponent entry, Supplier<T> step) {
        try {
            return step.get();
        } catch (BaseServerResponseException e) {
            throw named(index, entry, e);
        }
    }

    public static BaseServerResponseException named(int index, Bundle.BundleEntryComponent entry, BaseServerResponseException e) {
        String type = entry.getResource() == null ? null : entry.getResource().fhirType();
        String where = "Bundle.entry[" + index + "]" + (type == null ? "" : " (" + type
                + (entry.hasFullUrl() ? ", " + entry.getFullUrl() : "") + ")");
        BaseServerResponseException named = BaseServerResponseException.newInstance(e.getStatusCode(),
                where + ": " + e.getMessage());
        if (e.getOperationOutcome() instanceof OperationOutcome outcome) {
            OperationOutcome restated = new OperationOutcome();
            for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
                OperationOutcome.OperationOutcomeIssueComponent copy = issue.copy().setDiagnostics(where + ": "
                        + issue.getDiagnostics());
                copy.getExpression().clear();
                for (StringType expression : issue.getExpression()) {
                    copy.addExpression(inEntry(index, type, expression.getValue()));
                }
                restated.addIssue(copy);
            }
            named.setOperationOutcome(restated);
        }
        return named;
    }

    /** {@code Observation.status} of entry 3 as {@code Bundle.entry[3].resource.status}. */
    static String inEntry(int index, String type, String expression) {
        String entry = "Bundle.entry[" + index + "].resource";
        if (type == null || expression == null) {
            return expression;
        }
        if (expression.equals(type)) {
            return entry;
        }
        return expression.startsWith(type + ".") ? entry + expression.substring(type.length()) : expression;
    }
}
