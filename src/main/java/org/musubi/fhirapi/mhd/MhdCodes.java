package org.musubi.fhirapi.mhd;

/** The IHE MHD 4.x canonical URLs and codes Musubi reads and writes, and Musubi's own ones for letters. */
final class MhdCodes {

    static final String BASE = "https://profiles.ihe.net/ITI/MHD/";
    static final String LIST_TYPES = BASE + "CodeSystem/MHDlistTypes";
    static final String SUBMISSION_SET = "submissionset";
    static final String INTENDED_RECIPIENT = BASE + "StructureDefinition/ihe-intendedRecipient";
    static final String SOURCE_ID = BASE + "StructureDefinition/ihe-sourceId";
    static final String DOCUMENT_REFERENCE_PROFILE = BASE + "StructureDefinition/IHE.MHD.Minimal.DocumentReference";
    static final String SUBMISSION_SET_PROFILE = BASE + "StructureDefinition/IHE.MHD.Minimal.SubmissionSet";
    static final String DOCUMENT_RECIPIENT = BASE + "CapabilityStatement/IHE.MHD.DocumentRecipient";
    static final String DOCUMENT_RESPONDER = BASE + "CapabilityStatement/IHE.MHD.DocumentResponder";
    static final String URI = "urn:ietf:rfc:3986";
    /** A facility by its id in Musubi's registry (an intended recipient without a medical-institution code). */
    static final String REGISTRY_FACILITY = "urn:musubi:registry:facility";
    /** Extension on a letter's DocumentReference and List: where the letter stands (its Task's status code). */
    static final String LETTER_STATUS = "urn:musubi:fhir:letter-status";
    /** Extension on a letter's DocumentReference and List: why it was returned or withdrawn. */
    static final String LETTER_STATUS_REASON = "urn:musubi:fhir:letter-status-reason";
    static final String FHIR_JSON = "application/fhir+json";
    static final String PDF = "application/pdf";
    static final String CMS_SIGNATURE = "application/pkcs7-signature";

    private MhdCodes() {
    }
}
