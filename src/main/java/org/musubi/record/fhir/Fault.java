package org.musubi.record.fhir;

/**
 * Why an incoming resource is refused: the element (a FHIRPath such as {@code Observation.status}),
 * the FHIR issue type ({@code required}, {@code value}, {@code code-invalid} …) and what is wrong, in
 * Japanese and in English.
 */
public record Fault(String element, String issueType, String japanese, String english) {

    /** The text for an OperationOutcome issue: {@code element: 日本語 / English}. */
    public String diagnostics() {
        return element + ": " + japanese + " / " + english;
    }

    /** The same fault at another element. */
    public Fault at(String otherElement) {
        return new Fault(otherElement, issueType, japanese, english);
    }
}
