package org.musubi.fhirapi.access;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IIdType;
import org.musubi.record.ResourceWrite.VersionConflict;

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

    /**
     * 412 for a write that named a version ({@code If-Match}) the resource is no longer at: someone else wrote it first.
     * Only the caller's own resources get here (another facility's answers {@link #notFound} first); a version named of
     * a resource that does not exist answers that same 404, so that no answer tells the two apart.
     */
    public static BaseServerResponseException versionConflict(VersionConflict conflict) {
        String name = conflict.type() + "/" + conflict.id();
        if (conflict.current() == 0 && conflict.expected() > 0) {
            // no such resource at any version: the one 404, as for a resource the caller may not see
            return notFound(new org.hl7.fhir.r4.model.IdType(conflict.type(), conflict.id()));
        }
        String now = conflict.current() == 0 ? "存在しません / does not exist" : "版 " + conflict.current()
                + " です / is at version " + conflict.current();
        return new PreconditionFailedException("If-Match の版 " + conflict.expected() + " は " + name
                + " の現在の版ではありません（ほかの書き込みが先に保存されました）。読み直してから更新してください。現在: " + now
                + " / If-Match version " + conflict.expected() + " is not the current version of " + name
                + " (another write was saved first): read it again and update that version");
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
