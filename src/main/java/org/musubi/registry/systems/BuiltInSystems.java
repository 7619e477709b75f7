package org.musubi.registry.systems;

import java.util.Optional;
import org.musubi.registry.Facility;

/**
 * The identifier systems Musubi itself gives meaning to, told by the FHIR API that owns them: each facility's
 * built-in patient-ID system, and the systems no facility may declare.
 */
public interface BuiltInSystems {

    /** The facility's built-in patient-ID system. */
    String of(Facility facility);

    /**
     * Why no facility may declare this system, as the key of the message saying so (the regional ID's system, a
     * facility's built-in system, a system that names no one facility); empty when it may be declared.
     */
    Optional<String> reserved(String system);
}
