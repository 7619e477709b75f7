package org.musubi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceIdentifierTest {

    @Test
    void aDeclaredIdentifiersLocalIdNamesItsSystemAndValueAndReadsBack() {
        SourceIdentifier mrn = new SourceIdentifier("http://hospital.smarthealthit.org", "a1b2-c3");

        assertThat(mrn.localId()).isEqualTo("http://hospital.smarthealthit.org|a1b2-c3");
        assertThat(SourceIdentifier.ofLocalId(mrn.localId())).isEqualTo(mrn);
        assertThat(SourceIdentifier.ofLocalId("urn:oid:1.2.3|9")).isEqualTo(new SourceIdentifier("urn:oid:1.2.3", "9"));
    }

    @Test
    void aPlainLocalIdIsTheFacilitysOwnPatientId() {
        assertThat(SourceIdentifier.local("00012345").localId()).isEqualTo("00012345");
        assertThat(SourceIdentifier.ofLocalId("00012345").isLocal()).isTrue();
        assertThat(SourceIdentifier.ofLocalId("P:12|3").isLocal()).as("not a URI before the bar").isTrue();
    }
}
