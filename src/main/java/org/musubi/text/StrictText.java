package org.musubi.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes read as text only when they are text in their charset: the charset's decoder reports — never replaces — bytes
 * it cannot read, and {@link Undecodable} says where they are (the byte offset, and the line and column), so that the
 * sender can find them. Every door that takes text from outside reads it so (the web's request bodies and form fields,
 * the importers' files): nothing decoded here ever holds a U+FFFD that the sender did not write.
 */
public final class StrictText {

    private static final int CHUNK = 8192;

    private StrictText() {
    }

    /** The text of {@code bytes} in {@code charset}; {@link Undecodable} at the first bytes it cannot read. */
    public static String decode(byte[] bytes, Charset charset) throws Undecodable {
        return decode(bytes, 0, bytes.length, charset);
    }

    /** The text of {@code length} bytes from {@code offset} (offsets in the error count from {@code offset}). */
    public static String decode(byte[] bytes, int offset, int length, Charset charset) throws Undecodable {
        StringBuilder text = new StringBuilder(length);
        scan(ByteBuffer.wrap(bytes, offset, length), charset, text);
        return text.toString();
    }

    /** Checks that the bytes are text in {@code charset} without keeping the text. */
    public static void check(byte[] bytes, int offset, int length, Charset charset) throws Undecodable {
        scan(ByteBuffer.wrap(bytes, offset, length), charset, null);
    }

    private static void scan(ByteBuffer in, Charset charset, StringBuilder keep) throws Undecodable {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        Position position = new Position();
        int start = in.position();
        boolean flushing = false;
        while (true) {
            CoderResult result = flushing ? decoder.flush(out) : decoder.decode(in, out, true);
            out.flip();
            position.pass(out, keep);
            out.clear();
            if (result.isError()) {
                int at = in.position();
                byte[] found = new byte[Math.min(Math.min(result.length(), 4), in.limit() - at)];
                in.get(at, found);
                throw new Undecodable(at - start, position.line, position.column, charset.name(), found);
            }
            if (result.isUnderflow()) {
                if (flushing) {
                    return;
                }
                flushing = true;
            }
        }
    }

    /** Where the next character goes: lines end at LF, CR LF or CR; a column counts characters (not UTF-16 units). */
    private static final class Position {
        int line = 1;
        int column = 1;
        private boolean afterCr;

        void pass(CharBuffer chars, StringBuilder keep) {
            if (keep != null) {
                keep.append(chars);
            }
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n' && afterCr) {
                    afterCr = false;
                } else if (c == '\n' || c == '\r') {
                    line++;
                    column = 1;
                    afterCr = c == '\r';
                } else {
                    afterCr = false;
                    if (!Character.isLowSurrogate(c)) {
                        column++;
                    }
                }
            }
        }
    }
}
