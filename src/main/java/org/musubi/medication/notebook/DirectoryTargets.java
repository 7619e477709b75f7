package org.musubi.medication.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.FhirSystems;

/**
 * The parties of a dispensing that are stored resources (pharmacy, pharmacist, and the institution and
 * doctor of its contained prescriber role; the authors of a note of a block without drugs): references to them are
 * given the resources they name, so
 * {@link FhirValues#resolve} finds them as it finds contained ones.
 */
final class DirectoryTargets {

    private DirectoryTargets() {
    }

    /** The references of a dispensing (a copy the caller may change) that name one of {@code directory}. */
    public static void attach(Resource resource, Map<String, ? extends Resource> directory) {
        if (!(resource instanceof MedicationDispense) && !(resource instanceof DocumentReference)) {
            return;
        }
        for (Reference reference : references((DomainResource) resource)) {
            String ref = reference.getReference();
            if (ref != null && ref.startsWith("#")) {
                // A parsed resource's local references hold the contained resource they name, and a copy's
                // hold the original's: found again among the copy's own contained resources instead.
                reference.setResource(null);
            }
            Resource target = ref == null ? null : directory.get(ref);
            if (target != null) {
                reference.setResource(target);
            }
        }
    }

    /**
     * The references that may name a stored party: the performers, the contained roles' doctor and institution, a
     * document's authors.
     */
    static List<Reference> references(DomainResource resource) {
        List<Reference> references = new ArrayList<>();
        if (resource instanceof MedicationDispense dispense) {
            dispense.getPerformer().forEach(p -> references.add(p.getActor()));
        }
        if (resource instanceof DocumentReference document) {
            references.addAll(document.getAuthor());
        }
        for (Resource contained : resource.getContained()) {
            if (contained instanceof PractitionerRole role) {
                references.add(role.getPractitioner());
                references.add(role.getOrganization());
            }
        }
        for (Extension extension : resource.getExtensionsByUrl(FhirSystems.PRESCRIBER)) {
            if (extension.getValue() instanceof Reference reference) {
                references.add(reference);
            }
        }
        return references;
    }
}
