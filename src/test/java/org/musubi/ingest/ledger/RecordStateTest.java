package org.musubi.ingest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which incoming version of a record is applied over the one applied before. */
class RecordStateTest {

    private static RecordState applied(String version) {
        return new RecordState(1, "ssmix2:X:20240415:1", version, false, List.of());
    }

    @Test
    void anOlderOrTheSameVersionIsNotAppliedAgainANewerIs() {
        assertThat(applied("20240415150000000").supersedes("20240415150000000")).isTrue();
        assertThat(applied("20240415150000000").supersedes("20240401000000000")).isTrue();
        assertThat(applied("20240415150000000").supersedes("20240416000000000")).isFalse();
        assertThat(applied(null).supersedes("20240415150000000")).isFalse();
        assertThat(applied("20240415150000000").supersedes(null)).isFalse();
    }

    @Test
    void aContentFolderChangedInPlaceUnderTheSameTimestampIsANewVersionReadAgainUnchangedItIsNot() {
        assertThat(applied("20240415150000000#aaaa").supersedes("20240415150000000#bbbb")).as("changed in place").isFalse();
        assertThat(applied("20240415150000000#bbbb").supersedes("20240415150000000#aaaa")).as("changed back").isFalse();
        assertThat(applied("20240415150000000#aaaa").supersedes("20240415150000000#aaaa")).as("unchanged").isTrue();
        assertThat(applied("20240415150000000").supersedes("20240415150000000#aaaa"))
                .as("applied before the folder's files were read").isFalse();
        assertThat(applied("20240415150000000#aaaa").supersedes("20240415150000000")).as("a deletion named alone").isTrue();
        assertThat(applied("20240415150000000#aaaa").supersedes("20240401000000000#ffff")).as("older").isTrue();
        assertThat(applied("20240415150000000#ffff").supersedes("20240416000000000#0000")).as("newer").isFalse();
    }
}
