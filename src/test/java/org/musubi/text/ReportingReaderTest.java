package org.musubi.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportingReaderTest {

    @Test
    void readsValidTextAsWrittenAcrossItsBuffersEvenWithCharactersCutByThem() throws IOException {
        // 8191 ASCII bytes, then three-byte characters: the first is cut by the 8192-byte buffer's end.
        String text = "a".repeat(8191) + "結び".repeat(5_000) + "\r\nend";
        ReportingReader reader = new ReportingReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertThat(readAll(reader)).isEqualTo(text);
        assertThat(reader.faultOn(1, Integer.MAX_VALUE)).isNull();
    }

    @Test
    void marksEachPlaceItCannotReadOnceNamesItAndReadsOn() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("line one\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("x".repeat(8190).getBytes(StandardCharsets.UTF_8)); // the bad byte falls on the buffer's end
        file.write(0xFE);
        file.writeBytes("ok\r\nlast ".getBytes(StandardCharsets.UTF_8));
        file.write(0xC3); // cut off by the end of the file
        ReportingReader reader = new ReportingReader(new ByteArrayInputStream(file.toByteArray()), StandardCharsets.UTF_8, 3);

        String read = readAll(reader);

        assertThat(read).isEqualTo("line one\n" + "x".repeat(8190) + ReportingReader.MARK + "ok\r\nlast " + ReportingReader.MARK);
        assertThat(reader.faultOn(1, 1)).isNull();
        Undecodable second = reader.faultOn(2, 2);
        assertThat(second.offset()).as("counting the 3 bytes read before").isEqualTo(3 + 9 + 8190);
        assertThat(second.column()).isEqualTo(8191);
        assertThat(second.bytes()).isEqualTo("0xFE");
        Undecodable third = reader.faultOn(3, 10);
        assertThat(third.line()).isEqualTo(3);
        assertThat(third.column()).isEqualTo(6);
        assertThat(third.offset()).isEqualTo(3L + file.size() - 1);
        assertThat(reader.faultOn(2, 2)).as("forgotten once passed").isNull();
    }

    @Test
    void aFaultWhenTheTextBufferIsFullIsMarkedInTheNextOne() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            file.writeBytes("あ".repeat(4_000).getBytes(StandardCharsets.UTF_8));
            file.write(0x80);
        }
        ReportingReader reader = new ReportingReader(new ByteArrayInputStream(file.toByteArray()), StandardCharsets.UTF_8);

        String read = readAll(reader);

        String block = "あ".repeat(4_000) + ReportingReader.MARK;
        assertThat(read).isEqualTo(block.repeat(3));
        assertThat(reader.faultOn(1, 1).column()).isEqualTo(4_001);
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[777];
        for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }
}
