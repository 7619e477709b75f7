package org.musubi.text;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Bytes that are not text in the charset they were read in (declared by the sender, or the one the format prescribes):
 * where the first of them are — the byte offset from the start (counting from 0), and the line and column (from 1; a
 * column counts characters) of the character they would have been — and what they are. Each door words it in its own
 * messages, Japanese first.
 */
public final class Undecodable extends Exception {

    private final long offset;
    private final int line;
    private final int column;
    private final String charset;
    private final byte[] found;

    public Undecodable(long offset, int line, int column, String charset, byte[] found) {
        super("bytes " + hex(found) + " at byte offset " + offset + " (line " + line + ", column " + column
                + ") are not " + charset, null, false, false);
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.charset = charset;
        this.found = found.clone();
    }

    /** Bytes before the first that cannot be read (0 for the first byte). */
    public long offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The charset's name, e.g. {@code UTF-8}, {@code windows-31j}. */
    public String charset() {
        return charset;
    }

    /** The bytes that cannot be read (at most four), as {@code 0x82 0xA0}. */
    public String bytes() {
        return hex(found);
    }

    /** The same place, moved by {@code bytes}, {@code lines} and (on its first line) {@code columns}: inside a larger text. */
    public Undecodable shifted(long bytes, int lines, int columns) {
        return new Undecodable(offset + bytes, line + lines, line == 1 ? column + columns : column, charset, found);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.isEmpty() ? "" : " ").append("0x").append(HexFormat.of().toHexDigits(b).toUpperCase(Locale.ROOT));
        }
        return out.isEmpty() ? "(end)" : out.toString();
    }
}
