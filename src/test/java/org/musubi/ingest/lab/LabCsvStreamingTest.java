package org.musubi.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.musubi.bench.LabCsvStream;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;

class LabCsvStreamingTest {

    @Test
    void emitsRecordsWhileTheFileIsStillBeingRead() {
        int orders = 20_000;
        LabCsvStream csv = new LabCsvStream(orders, 3);
        AtomicLong readWhenFirstEmitted = new AtomicLong(-1);
        AtomicLong parsed = new AtomicLong();

        new LabCsvReader().read(new SourceFile("big.csv", -1, () -> csv), LabHl7ReaderTest.FACILITY, result -> {
            readWhenFirstEmitted.compareAndSet(-1, csv.delivered());
            if (result instanceof ParseResult.Parsed) {
                parsed.incrementAndGet();
            }
        });

        assertThat(parsed.get()).isEqualTo(orders);
        assertThat(readWhenFirstEmitted.get()).isLessThan(csv.delivered() / 10);
    }
}
