package org.musubi.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A Japanese text file as offices write them — UTF-8 (with or without a byte-order mark) or Shift_JIS (Windows-31J,
 * as Excel and the national masters write it) — with its charset told from its bytes and read strictly: each line
 * holding bytes that charset cannot read is marked ({@link ReportingReader#MARK}) and its place kept, so that the
 * file's reader refuses that line's record naming it and reads the others.
 */
public final class TextFiles {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private TextFiles() {
    }

    /** A file read: its text, the charset it was read in, and where bytes that charset cannot read were. */
    public record Read(String text, Charset charset, ReportingReader places) {

        /** The first bytes that could not be read on lines {@code first} to {@code last}; null when none. */
        public Undecodable faultOn(int first, int last) {
            return places.faultOn(first, last);
        }
    }

    /** Reads the whole file ({@link #looksLikeUtf8} decides the charset; a UTF-8 byte-order mark is dropped). */
    public static Read utf8OrShiftJis(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        Charset charset = bom || looksLikeUtf8(bytes) ? StandardCharsets.UTF_8 : SHIFT_JIS;
        ReportingReader reader = new ReportingReader(new ByteArrayInputStream(bytes, start, bytes.length - start),
                charset, start);
        StringBuilder text = new StringBuilder(bytes.length);
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory
        }
        return new Read(text.toString(), charset, reader);
    }

    /**
     * Whether bytes (a whole file, or a sample of one) are UTF-8: valid throughout (a character cut at the end of a
     * sample allowed), or — a UTF-8 file with a few bad bytes, whose lines holding them are then refused — at least
     * eight valid characters beyond ASCII for each sequence UTF-8 cannot read. Shift_JIS text read as UTF-8 is mostly
     * sequences it cannot read.
     */
    public static boolean looksLikeUtf8(byte[] sample) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        int bad = 0;
        for (var result = decoder.decode(in, out, false); result.isError(); result = decoder.decode(in, out, false)) {
            bad++;
            in.position(in.position() + result.length());
        }
        int beyondAscii = 0;
        for (int i = 0; i < out.position(); i++) {
            beyondAscii += out.get(i) > 0x7F ? 1 : 0;
        }
        return bad == 0 || beyondAscii >= 8 * bad;
    }
}
