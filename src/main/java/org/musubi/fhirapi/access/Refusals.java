package org.musubi.fhirapi.access;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * The one answer for whatever the caller may not see, whether it exists or not: 404 with the same
 * OperationOutcome text. The policy's reason goes to the audit trail only, never into the answer.
 */
public final class Refusals {

    private Refusals() {
    }

    /** 404 for {@code Type/id}: the same text whether the resource is absent or the policy refused it. */
    public static ResourceNotFoundException notFound(IIdType id) {
        String name = id.getResourceType() == null ? id.getIdPart() : id.getResourceType() + "/" + id.getIdPart();
        return new ResourceNotFoundException("リソース " + name + " は見つかりません / Resource " + name + " is not known");
    }

    /** 404 for a patient identifier (PIXm): the same text whether the patient is unknown or not the caller's to see. */
    public static ResourceNotFoundException identifierNotFound() {
        return identifierNotFound("sourceIdentifier");
    }

    /**
     * 404 for a patient named by the identifier in {@code parameter}: one text for every identifier, whether nobody has
     * it, its system is unknown or the patient is not the caller's to see (the identifier asked is not echoed).
     */
    public static ResourceNotFoundException identifierNotFound(String parameter) {
        return new ResourceNotFoundException(
                parameter + " の患者が見つかりません / " + parameter + " Patient Identifier not found");
    }
}
