package org.musubi.fhirapi.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/**
 * The CapabilityStatement says how writes meet each other: every type that takes updates takes version-aware ones
 * ({@code versioning = versioned-update}: {@code If-Match} answers 412 when the resource moved on), a type that takes
 * creates takes conditional ones ({@code If-None-Exist: identifier=system|value}), and conditional update and delete
 * are not taken (refused with 400, not misread as a create).
 */
class WriteCapabilities {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void addWrites(IBaseConformance statement) {
        if (!(statement instanceof CapabilityStatement capabilities)) {
            return;
        }
        for (CapabilityStatement.CapabilityStatementRestComponent rest : capabilities.getRest()) {
            for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                if (takes(resource, TypeRestfulInteraction.UPDATE)) {
                    resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
                    resource.setConditionalUpdate(false);
                }
                if (takes(resource, TypeRestfulInteraction.CREATE)) {
                    resource.setConditionalCreate(true);
                }
                if (takes(resource, TypeRestfulInteraction.DELETE)) {
                    resource.setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
                }
            }
        }
    }

    private static boolean takes(CapabilityStatement.CapabilityStatementRestResourceComponent resource,
                                 TypeRestfulInteraction interaction) {
        return resource.getInteraction().stream().anyMatch(i -> i.getCode() == interaction);
    }
}
