package org.musubi.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.ParseResult;
import org.musubi.ingest.SourceFile;

class LabCsvStreamingTest {

    @Test
    void emitsRecordsWhileTheFileIsStillBeingRead() {
        int orders = 20_000;
        GeneratedCsv csv = new GeneratedCsv(orders);
        AtomicLong readWhenFirstEmitted = new AtomicLong(-1);
        AtomicLong parsed = new AtomicLong();

        new LabCsvReader().read(new SourceFile("big.csv", -1, () -> csv), LabHl7ReaderTest.FACILITY, result -> {
            readWhenFirstEmitted.compareAndSet(-1, csv.delivered);
            if (result instanceof ParseResult.Parsed) {
                parsed.incrementAndGet();
            }
        });

        assertThat(parsed.get()).isEqualTo(orders);
        assertThat(readWhenFirstEmitted.get()).isLessThan(csv.delivered / 10);
    }

    /** A CSV of {@code orders} orders of three results each, made as it is read (never held whole). */
    static final class GeneratedCsv extends InputStream {

        private final int orders;
        private int row = -1;
        private byte[] line = new byte[0];
        private int position;
        long delivered;

        GeneratedCsv(int orders) {
            this.orders = orders;
        }

        @Override
        public int read() {
            if (position == line.length && !next()) {
                return -1;
            }
            delivered++;
            return line[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == line.length && !next()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            delivered += n;
            return n;
        }

        private boolean next() {
            row++;
            if (row > orders * 3) {
                return false;
            }
            String text = row == 0 ? LabCsvReaderTest.HEADER
                    : "P%d,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-%d,2024-04-01 08:30,023,血清,3D01000000192610%d,グルコース,%d,mg/dL,70,109,H,\r\n"
                    .formatted((row - 1) / 3, (row - 1) / 3, row % 3, 90 + row % 50);
            line = text.getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
