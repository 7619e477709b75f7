package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * The CapabilityStatement's word on IHE MHD: it instantiates MHD's Document Recipient (ITI-65, a transaction whose
 * SubmissionSet names an intended recipient) and Document Responder (ITI-66, ITI-67, ITI-68), and says how the
 * letters' searches and the record's meet on DocumentReference and List.
 */
public class MhdCapabilities {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void addMhd(IBaseConformance statement) {
        if (!(statement instanceof CapabilityStatement capabilities) || capabilities.getRest().isEmpty()) {
            return;
        }
        if (!capabilities.hasInstantiates(MhdCodes.DOCUMENT_RECIPIENT)) {
            capabilities.addInstantiates(MhdCodes.DOCUMENT_RECIPIENT);
            capabilities.addInstantiates(MhdCodes.DOCUMENT_RESPONDER);
        }
        CapabilityStatement.CapabilityStatementRestComponent rest = capabilities.getRestFirstRep();
        for (CapabilityStatement.SystemInteractionComponent interaction : rest.getInteraction()) {
            if (interaction.getCode() == CapabilityStatement.SystemRestfulInteraction.TRANSACTION) {
                interaction.setDocumentation("A transaction or batch Bundle; an IHE MHD ITI-65 Provide Document Bundle whose "
                        + "SubmissionSet (List.code submissionset) names an intended recipient (ihe-intendedRecipient: an "
                        + "Organization by its medical-institution code) sends each FHIR document Bundle as a letter to that "
                        + "facility; when its DocumentReferences carry the category urn:musubi:box|file, each is sent as a Box "
                        + "file to the users (Practitioner, urn:musubi:registry:user) and the facility's members "
                        + "(Organization) it names.");
            }
        }
        for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
            if (resource.getType().equals("DocumentReference") || resource.getType().equals("List")) {
                resource.setDocumentation("With patient= (or subject=): the patient's record. Without: the letters to and "
                        + "from your facility as IHE MHD " + (resource.getType().equals("List") ? "ITI-66 SubmissionSets"
                        : "ITI-67 DocumentReferences") + " (_lastUpdated, status, " + (resource.getType().equals("List")
                        ? "code" : "type") + ", _count; oldest change first, for polling by _lastUpdated=gt…); their "
                        + "documents are Binary/letter-<id> and Binary/letter-<id>-pdf (ITI-68)." + (resource.getType()
                        .equals("List") ? "" : " With category=urn:musubi:box|file (no patient): the Box files sent to "
                        + "you (_lastUpdated, status, _count), read as DocumentReference/box-<id>, retrieved as "
                        + "Binary/box-<id>."));
            }
        }
    }
}
