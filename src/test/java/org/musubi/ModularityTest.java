package org.musubi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk through their top-level packages only, and no two depend on each other in a cycle. */
class ModularityTest {

    @Test
    void featuresRespectEachOthersInternals() {
        ApplicationModules.of(Musubi.class).verify();
    }
}
