package org.musubi.ingest.lab;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.musubi.ingest.hl7.Hl7Text;

/**
 * Opens a lab CSV as text without reading it all: a UTF-8 byte-order mark means UTF-8 (the mark is
 * skipped); otherwise the first 64 KB decide, UTF-8 when they are valid UTF-8, else Shift_JIS
 * (Windows-31J). Bytes the chosen charset cannot read become U+FFFD, and the rows holding them are
 * rejected by the reader.
 */
final class CsvCharsets {

    static final int SNIFF = 1 << 16;

    /** The text and its charset. */
    record Opened(Reader reader, Charset charset) {
    }

    private CsvCharsets() {
    }

    static Opened open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF);
        buffered.mark(SNIFF);
        byte[] head = buffered.readNBytes(SNIFF);
        buffered.reset();
        Charset charset;
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            buffered.skipNBytes(3);
            charset = StandardCharsets.UTF_8;
        } else {
            charset = utf8(head, head.length < SNIFF) ? StandardCharsets.UTF_8 : Hl7Text.SHIFT_JIS;
        }
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new Opened(new InputStreamReader(buffered, decoder), charset);
    }

    /** Valid UTF-8, allowing a character cut at the end of a sample that is not the whole file. */
    private static boolean utf8(byte[] head, boolean whole) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1), whole);
        return !result.isError();
    }
}
