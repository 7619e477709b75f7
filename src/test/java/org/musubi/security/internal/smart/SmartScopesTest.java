package org.musubi.security.internal.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.security.ApiScope;

class SmartScopesTest {

    private static final List<String> REGISTERED = List.of("launch/patient", "openid", "fhirUser", "patient/*.read");

    @Test
    void grantsWhatWasAskedAndIsRegisteredInTheOrderAsked() {
        assertThat(SmartScopes.granted(List.of("patient/Observation.rs", "openid", "launch/patient"), REGISTERED))
                .containsExactly("patient/Observation.rs", "openid", "launch/patient");
    }

    @Test
    void neverGrantsWritesOtherContextsOrWhatTheRegistrationLacks() {
        assertThat(SmartScopes.granted(List.of("patient/*.write", "patient/*.cruds", "patient/Observation.r",
                "user/*.read", "system/*.read", "launch", "offline_access", "patient/*.read?category=x"), REGISTERED))
                .isEmpty();
    }

    @Test
    void aRegistrationOfOneTypeCoversThatTypeOnly() {
        List<String> observations = List.of("patient/Observation.read");
        assertThat(SmartScopes.granted(List.of("patient/Observation.rs", "patient/Condition.read", "patient/*.read"),
                observations)).containsExactly("patient/Observation.rs");
    }

    @Test
    void dataScopesBecomeReadsOfTheirTypes() {
        assertThat(SmartScopes.reads(List.of("openid", "patient/Observation.rs", "patient/*.read")))
                .containsExactlyInAnyOrder(new ApiScope("Observation", ApiScope.Access.READ),
                        new ApiScope("*", ApiScope.Access.READ));
        assertThat(SmartScopes.readsData(List.of("openid", "offline_access"))).isFalse();
    }

    @Test
    void parsesASpaceSeparatedListOnce() {
        assertThat(SmartScopes.parse("  openid\tpatient/*.read openid ")).containsExactly("openid", "patient/*.read");
        assertThat(SmartScopes.parse(null)).isEmpty();
        assertThat(SmartScopes.unknown(List.of("openid", "patient/*.write", "email"))).containsExactly("patient/*.write", "email");
    }
}
