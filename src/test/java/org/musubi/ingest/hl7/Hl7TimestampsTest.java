package org.musubi.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Timestamps that do not exist are not read (found by fuzzing: HAPI threw on them). */
class Hl7TimestampsTest {

    @Test
    void refusesTimestampsThatDoNotExist() {
        assertThat(Hl7Values.dateTime("202405005500")).isEmpty();
        assertThat(Hl7Values.dateTime("20110230")).isEmpty();
        assertThat(Hl7Values.dateTime("2011123124")).isEmpty();
        assertThat(Hl7Values.dateTime("201113")).isEmpty();
        assertThat(Hl7Values.dateTime("20240229235959")).isPresent();
        assertThat(Hl7Values.dateTime("2024")).isPresent();
    }
}
