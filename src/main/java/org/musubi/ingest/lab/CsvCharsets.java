package org.musubi.ingest.lab;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.musubi.text.JisX0208;
import org.musubi.text.ReportingReader;
import org.musubi.text.TextFiles;
import org.musubi.ingest.hl7.Hl7Text;

/**
 * Opens a lab CSV as text without reading it all: a UTF-8 byte-order mark means UTF-8 (the mark is
 * skipped); otherwise the first non-ASCII bytes decide (up to 8 MB are looked through to find them, so
 * a file whose first rows are all ASCII, such as {@code CRP} and {@code AST}, is still judged by its
 * Japanese): UTF-8 when the 64 KB from there are UTF-8 ({@link TextFiles#looksLikeUtf8}: valid, or a few bad bytes among many valid
 * characters), else Shift_JIS (Windows-31J). The chosen charset
 * is read strictly: bytes it cannot read are reported with their place ({@link ReportingReader}), and the rows holding
 * them are rejected by the reader naming line, column and byte offset, the others read on. Shift_JIS text is
 * given in JIS X 0208's reading ({@link JisX0208}: 0x8160 〜 is WAVE DASH U+301C), as every format's.
 */
final class CsvCharsets {

    static final int LOOK_AHEAD = 8 << 20;
    static final int SAMPLE = 1 << 16;

    /** The text, its charset, and where bytes it could not read were ({@code text}). */
    record Opened(Reader reader, Charset charset, ReportingReader text) {
    }

    private CsvCharsets() {
    }

    static Opened open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SAMPLE);
        buffered.mark(LOOK_AHEAD + 2 * SAMPLE);
        byte[] head = sample(buffered);
        buffered.reset();
        Charset charset;
        int skipped = 0;
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            buffered.skipNBytes(3);
            skipped = 3;
            charset = StandardCharsets.UTF_8;
        } else {
            charset = TextFiles.looksLikeUtf8(head) ? StandardCharsets.UTF_8 : Hl7Text.SHIFT_JIS;
        }
        ReportingReader text = new ReportingReader(buffered, charset, skipped);
        return new Opened(charset.equals(Hl7Text.SHIFT_JIS) ? JisX0208.toJis(text) : text, charset, text);
    }

    /** The bytes up to 64 KB past the first non-ASCII byte (or the look-ahead limit, or the end). */
    private static byte[] sample(InputStream in) throws IOException {
        ByteArrayOutputStream sample = new ByteArrayOutputStream(SAMPLE);
        byte[] chunk = new byte[SAMPLE];
        int end = LOOK_AHEAD;
        for (int n = in.read(chunk); n > 0 && sample.size() < end; n = in.read(chunk)) {
            int scan = Math.min(n, LOOK_AHEAD - sample.size());
            for (int i = 0; i < scan && end == LOOK_AHEAD; i++) {
                if (chunk[i] < 0) {
                    end = sample.size() + i + SAMPLE;
                }
            }
            sample.write(chunk, 0, Math.min(n, end - sample.size()));
        }
        return sample.toByteArray();
    }
}
