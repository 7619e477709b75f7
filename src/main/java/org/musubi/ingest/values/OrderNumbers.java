package org.musubi.ingest.values;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.record.fhir.FhirSystems;

/**
 * An order's numbers as the facility's systems gave them: the placer (requesting system, HL7 ORC-2/OBR-2)
 * and the filler (performing system or lab centre, ORC-3/OBR-3); either may be empty. Orders and results
 * of the same order arrive in different files, so results refer to their order logically, by the placer
 * number under the facility's order-number system, never by a stored id.
 */
public record OrderNumbers(String placer, String filler) {

    /** No JP Core system exists for a facility's order numbers; Musubi's, one per medical-institution code. */

    public OrderNumbers {
        placer = placer == null ? "" : placer.strip();
        filler = filler == null ? "" : filler.strip();
    }

    public boolean isEmpty() {
        return placer.isEmpty() && filler.isEmpty();
    }

    /** The placer number, else the filler number. */
    public String either() {
        return placer.isEmpty() ? filler : placer;
    }

    public List<Identifier> identifiers(MappingContext facility) {
        List<Identifier> identifiers = new ArrayList<>(2);
        if (!placer.isEmpty()) {
            identifiers.add(placer(facility));
        }
        if (!filler.isEmpty()) {
            identifiers.add(identifier(FhirSystems.FILLER_ORDER_NUMBER, "FILL", "Filler Identifier", filler, facility));
        }
        return identifiers;
    }

    public Identifier placer(MappingContext facility) {
        return identifier(FhirSystems.PLACER_ORDER_NUMBER, "PLAC", "Placer Identifier", placer, facility);
    }

    /** A logical reference to the order (a ServiceRequest by default) by its number; null when there is none. */
    public Reference order(MappingContext facility, String type) {
        if (isEmpty()) {
            return null;
        }
        Identifier identifier = placer.isEmpty() ? identifiers(facility).getFirst() : placer(facility);
        return new Reference().setType(type).setIdentifier(identifier);
    }

    private static Identifier identifier(String system, String type, String display, String value, MappingContext facility) {
        return new Identifier().setSystem(system + facility.institutionCode()).setValue(value)
                .setType(new CodeableConcept().addCoding(new Coding(FhirSystems.IDENTIFIER_TYPE, type, display)));
    }
}
