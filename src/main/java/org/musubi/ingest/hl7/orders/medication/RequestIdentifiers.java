package org.musubi.ingest.hl7.orders.medication;

import org.hl7.fhir.r4.model.MedicationRequest;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.record.fhir.FhirSystems;

/**
 * A prescribed drug's identifiers, as JP_MedicationRequest slices them: the order numbers (ORC-2 placer,
 * ORC-3 filler), the RP number (ORC-4) and the drug's place in the RP, the request identifier
 * {@code <order>.<RP>.<place>} (JP Core's example form), and the facility's prescription number (RXE-15)
 * under {@code urn:oid:1.2.392.100495.20.3.11.1<medical-institution code>}. The RP as a whole is the
 * groupIdentifier {@code <order>.<RP>} under Musubi's {@code urn:musubi:rp-group:<code>}: drugs of one RP
 * share it, drugs of different RPs or orders never do.
 */
final class RequestIdentifiers {

    static final String PRESCRIPTION_ROOT = "urn:oid:1.2.392.100495.20.3.11.1";

    private RequestIdentifiers() {
    }

    static void apply(MessageInput input, PrescribedDrug drug, MedicationRequest request) {
        MappingContext facility = input.facility();
        var numbers = drug.header().numbers();
        numbers.identifiers(facility).forEach(request::addIdentifier);
        request.addIdentifier().setSystem(FhirSystems.RP_NUMBER).setValue(drug.rpNumber());
        request.addIdentifier().setSystem(FhirSystems.ORDER_IN_RP).setValue(String.valueOf(drug.indexInRp()));
        String order = numbers.either();
        if (!order.isEmpty()) {
            request.addIdentifier().setSystem(FhirSystems.RESOURCE_INSTANCE)
                    .setValue(order + "." + drug.rpNumber() + "." + drug.indexInRp());
        }
        String prescription = drug.rxe().text(15).strip();
        if (!prescription.isEmpty()) {
            request.addIdentifier().setSystem(PRESCRIPTION_ROOT + facility.institutionCode()).setValue(prescription);
        }
        request.getGroupIdentifier().setSystem(FhirSystems.RP_GROUP + facility.institutionCode())
                .setValue(order.isEmpty() ? drug.rpNumber() : order + "." + drug.rpNumber());
    }
}
