package org.musubi.ingest.hl7.orders.medication;

import org.hl7.fhir.r4.model.MedicationRequest;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;

/**
 * A prescription's categories, as JP Core lists them for MedicationRequest.category: inpatient or
 * outpatient order (ORC-29, HL7 table 0482), the prescription categories of RXE-21 (MERIT-9 {@code OHP}
 * 外来処方, {@code IHP} 入院処方, {@code OHI} 院内処方 … under JP Core's MERIT-9 category system, other
 * tables as sent), and the ordering department (ORC-17), which JP Core allows here when an Organization
 * for it would be redundant.
 */
final class RequestCategories {

    private RequestCategories() {
    }

    static void apply(PrescribedDrug drug, MedicationRequest request) {
        OrderHeader header = drug.header();
        if (header.orderType() != null) {
            request.addCategory(header.orderType());
        }
        for (Hl7Field category : drug.rxe().repetitions(21)) {
            Hl7Values.concept(category).map(Merit9Tables::category).ifPresent(request::addCategory);
        }
        if (header.department() != null) {
            request.addCategory(header.department());
        }
    }
}
