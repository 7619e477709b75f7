package org.musubi.registry.systems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musubi.registry.FieldFault;

class SystemUrisTest {

    @Test
    void acceptsUrlsOidsAndUrnsAsEhrsSendThem() {
        assertThat(SystemUris.fault("http://hospital.smarthealthit.org")).isEmpty();
        assertThat(SystemUris.fault("https://ehr.example.jp/fhir/mrn")).isEmpty();
        assertThat(SystemUris.fault("urn:oid:1.2.392.200119.99.1")).isEmpty();
        assertThat(SystemUris.fault("urn:uuid:6b1c2d0e-1111-4c1a-9a3e-000000000001")).isEmpty();
        assertThat(SystemUris.fault("  https://ehr.example.jp/mrn  ")).as("surrounding spaces are not the system's").isEmpty();
    }

    @Test
    void namesTheFaultOfAMalformedSystem() {
        assertThat(key("")).isEqualTo("facility.systems.blank");
        assertThat(key("1.2.392.200119.99.1")).as("an OID without urn:oid:").isEqualTo("facility.systems.bareOid");
        assertThat(key("urn:oid:1.02.3")).as("a leading zero").isEqualTo("facility.systems.oid");
        assertThat(key("urn:oid:3.1")).as("the first arc is 0 to 2").isEqualTo("facility.systems.oid");
        assertThat(key("hospital.smarthealthit.org")).as("not absolute").isEqualTo("facility.systems.uri");
        assertThat(key("http://")).as("no host").isEqualTo("facility.systems.uri");
        assertThat(key("ftp://files.example.org/mrn")).isEqualTo("facility.systems.uri");
        assertThat(key("https://ehr.example.jp/mrn|1")).as("| separates system and value").isEqualTo("facility.systems.uri");
        assertThat(key("https://ehr.example.jp/m rn")).isEqualTo("facility.systems.uri");
        assertThat(key("urn:x")).isEqualTo("facility.systems.uri");
        assertThat(key("https://ehr.example.jp/" + "m".repeat(300))).isEqualTo("facility.systems.length");
        assertThat(SystemUris.fault("urn:oid:1.02.3")).get().extracting(FieldFault::field).isEqualTo("system");
    }

    private static String key(String system) {
        return SystemUris.fault(system).map(FieldFault::messageKey).orElse(null);
    }
}
