package org.musubi.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.chunk.ReadFile;

/** Chunks end at a number of records, or earlier when their files are large (documents with their attachments). */
class PendingFilesTest {

    @Test
    void aChunkEndsWhenItsFilesAddUpToTheChunksBytesHoweverFewRecordsTheyHold() {
        PendingFiles pending = new PendingFiles();
        long third = PendingFiles.CHUNK_BYTES / 3 + 1;

        assertThat(pending.add(file("a", third))).isFalse();
        assertThat(pending.add(file("b", third))).isFalse();
        assertThat(pending.add(file("c", third))).as("three files over the chunk's bytes").isTrue();
        assertThat(pending.take(true)).hasSize(3);
        assertThat(pending.add(file("d", third))).as("counted afresh after a chunk").isFalse();
    }

    @Test
    void smallFilesEndAChunkByTheirRecords() {
        PendingFiles pending = new PendingFiles();
        for (int i = 1; i < PendingFiles.CHUNK_RECORDS; i++) {
            assertThat(pending.add(file("m" + i, 3_000))).isFalse();
        }
        assertThat(pending.add(file("last", 3_000))).isTrue();
    }

    private static ReadFile file(String name, long size) {
        SourceFile source = new SourceFile(name, size, InputStream::nullInputStream);
        return new ReadFile(new IncomingFile(source, null), new byte[0],
                new ArrayList<>(List.of(new ParseResult.Rejected(
                        new Problem(Location.file(name), "x", "x", "x"),
                        null))), new ArrayList<>(Collections.singletonList(null)));
    }
}
