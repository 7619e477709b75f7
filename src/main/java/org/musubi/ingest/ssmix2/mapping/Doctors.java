package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.hl7.Hl7Field;

/** Doctors as SS-MIX2 names them (XCN: ID^family^given), referred to by name: Musubi keeps no Practitioner for them. */
final class Doctors {

    private Doctors() {
    }

    /** A reference with the doctor's name as display and the sender's ID as identifier; empty without a name. */
    static Optional<Reference> byName(Hl7Field xcn) {
        String name = (xcn.component(2) + " " + xcn.component(3)).strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Reference reference = new Reference().setDisplay(name);
        if (!xcn.component(1).isEmpty()) {
            reference.getIdentifier().setValue(xcn.component(1));
        }
        return Optional.of(reference);
    }
}
