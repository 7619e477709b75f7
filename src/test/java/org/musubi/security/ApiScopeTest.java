package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiScopeTest {

    @Test
    void parsesSmartSystemScopesAndPrintsThemBack() {
        assertThat(ApiScope.parseList(" system/Patient.read  system/*.write system/*.* "))
                .extracting(ApiScope::toString).containsExactly("system/Patient.read", "system/*.write", "system/*.*");
        assertThat(ApiScope.parseList("")).isEmpty();
    }

    @Test
    void refusesUserAndPatientScopesAndOddForms() {
        for (String bad : new String[] {"user/*.read", "patient/Patient.read", "system/patient.read", "system/*.delete",
                "system/*", "openid"}) {
            assertThatThrownBy(() -> ApiScope.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void permitsByTypeAndAccess() {
        ApiScope patientRead = ApiScope.parse("system/Patient.read");
        assertThat(patientRead.permits("Patient", false)).isTrue();
        assertThat(patientRead.permits("Patient", true)).isFalse();
        assertThat(patientRead.permits("Observation", false)).isFalse();
        assertThat(ApiScope.parse("system/*.write").permits("Observation", true)).isTrue();
        assertThat(ApiScope.parse("system/*.write").permits("Observation", false)).isFalse();
        assertThat(ApiScope.parse("system/*.*").permits("Observation", false)).isTrue();
    }

    @Test
    void aNarrowerScopeIsWithinAWiderOneButNotTheOtherWayRound() {
        assertThat(ApiScope.parse("system/Patient.read").within(ApiScope.parse("system/*.read"))).isTrue();
        assertThat(ApiScope.parse("system/*.read").within(ApiScope.parse("system/Patient.read"))).isFalse();
        assertThat(ApiScope.parse("system/*.write").within(ApiScope.parse("system/*.*"))).isTrue();
        assertThat(ApiScope.parse("system/*.*").within(ApiScope.parse("system/*.read"))).isFalse();
        assertThat(ApiScope.parse("system/*.read").within(ApiScope.parse("system/*.write"))).isFalse();
    }
}
