package org.musubi.ingest.hl7.orders.segments;

import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.hl7.Hl7Field;

/**
 * Staff named in an XCN (ORC-12, RXA-10, OBX XCN values) as a reference without a stored resource: the
 * name as display (family and given, e.g. {@code 医師 一郎}) and the staff ID under JP Core's facility
 * staff-ID system {@code urn:oid:1.2.392.100495.20.3.41.1<medical-institution code>}.
 */
public final class Practitioners {

    static final String STAFF_ID_ROOT = "urn:oid:1.2.392.100495.20.3.41.1";

    private Practitioners() {
    }

    /** Null when the XCN has neither ID nor name. */
    public static Reference reference(Hl7Field xcn, MappingContext facility) {
        String id = xcn.component(1).strip();
        String name = name(xcn);
        if (id.isEmpty() && name.isEmpty()) {
            return null;
        }
        Reference reference = new Reference().setType("Practitioner");
        if (!name.isEmpty()) {
            reference.setDisplay(name);
        }
        if (!id.isEmpty()) {
            reference.getIdentifier().setSystem(STAFF_ID_ROOT + facility.institutionCode()).setValue(id);
        }
        return reference;
    }

    /** Family and given name joined by a space (either may be absent). */
    static String name(Hl7Field xcn) {
        String family = xcn.component(2).strip();
        String given = xcn.component(3).strip();
        return family.isEmpty() || given.isEmpty() ? family + given : family + " " + given;
    }
}
