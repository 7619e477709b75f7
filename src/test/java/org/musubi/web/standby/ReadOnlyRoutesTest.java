package org.musubi.web.standby;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a read-only standby serves: reads, the login's steps, FHIR searches by POST; no other write. */
class ReadOnlyRoutesTest {

    @Test
    void readsAndTheLoginAreServed() {
        assertThat(ReadOnlyRoutes.served("GET", "/portal/patients/1")).isTrue();
        assertThat(ReadOnlyRoutes.served("HEAD", "/fhir/Patient/1")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/login")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/login/second-factor")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/login/certificate")).as("a certificate login reads only").isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/logout")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Observation/_search")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Patient/123/$summary")).as("the summary document").isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Patient/$summary")).as("the summary by identifier").isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Patient/123/$summary/x")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Patient//$summary")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/$summary")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Observation/123/$summary")).isFalse();
    }

    @Test
    void everyOtherWriteIsRefused() {
        assertThat(ReadOnlyRoutes.served("POST", "/portal/link")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/login/enrol")).as("enrolment stores a secret").isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/admin/users/1/certificates")).as("registering a certificate").isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/admin/users/1/certificates/2/revoke")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Observation")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir")).as("a transaction").isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/_search")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/fhir/Patient/1/_search")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/admin/facilities/_search")).isFalse();
        assertThat(ReadOnlyRoutes.served("PUT", "/fhir/Patient/1")).isFalse();
        assertThat(ReadOnlyRoutes.served("DELETE", "/fhir/Patient/1")).isFalse();
        assertThat(ReadOnlyRoutes.served("PATCH", "/fhir/Patient/1")).isFalse();
        assertThat(ReadOnlyRoutes.served("PUT", "/login")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/import/jahis")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/api/dicom-web/studies")).as("STOW-RS stores images").isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/admin/imaging/waiting/assign")).isFalse();
    }

    @Test
    void emergencyAccessesAreServedTheirOwnRoutesOnly() {
        assertThat(ReadOnlyRoutes.served("POST", "/portal/emergency")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/portal/emergency/open")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/emergency")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/emergency/open")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/emergency/persons/42/handover")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/emergency/persons/42/glass")).isTrue();
        assertThat(ReadOnlyRoutes.served("POST", "/emergency/persons/x/glass")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/emergency/persons/42/glass/x")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/emergency/persons/42")).isFalse();
        assertThat(ReadOnlyRoutes.served("PUT", "/emergency/open")).isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/admin/emergency/1/review")).as("a review is stored").isFalse();
        assertThat(ReadOnlyRoutes.served("POST", "/admin/disaster")).as("switching disaster mode is stored").isFalse();
    }
}
