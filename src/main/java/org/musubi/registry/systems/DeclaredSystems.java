package org.musubi.registry.systems;

import java.util.List;
import java.util.Optional;
import org.musubi.registry.Facility;

/**
 * The declared identifier systems. A facility's are also on its {@link Facility#identifierSystems()}, read with it
 * (once per request); these methods are for the screens and the use case.
 */
public interface DeclaredSystems {

    /** The facility's declarations in declaration order. */
    List<DeclaredSystem> of(long facilityId);

    /** The declaration of this system, whichever facility made it. */
    Optional<DeclaredSystem> find(String system);

    /** The facility that declared this system (kept for the rest of the HTTP request, like a facility read by id). */
    Optional<Facility> facilityOf(String system);

    /** Stores the declaration; empty when another declaration of the system came first. */
    Optional<DeclaredSystem> insert(long facilityId, String system, long userId);

    /** Removes the facility's declaration of this system; false when it had none. */
    boolean delete(long facilityId, String system);
}
