package org.musubi.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file read as text a line at a time, by a reader that must not stop at the first bytes it cannot read (one bad
 * record never sinks the others): the charset's decoder reports — never replaces — bytes it cannot read; each place is
 * kept as an {@link Undecodable} (byte offset, line, column) and marked in the text by one U+FFFD, so that the record
 * holding that line is refused by its reader, naming the place ({@link #faultOn}), and nothing marked is ever stored.
 * Lines end at LF, CR LF or CR, as {@link StrictText} counts them.
 */
public final class ReportingReader extends Reader {

    /** What stands in the text for bytes that could not be read. */
    public static final char MARK = '\uFFFD';

    /** Kept for the lines not yet asked about; a reader asks in order, so these are the few lines read ahead. */
    private final TreeMap<Integer, Undecodable> faults = new TreeMap<>();
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private long offset;
    private int line = 1;
    private int column = 1;
    private int counted;
    private boolean afterCr;
    private boolean ended;
    private boolean done;
    private boolean marking;

    public ReportingReader(InputStream in, Charset charset) {
        this(in, charset, 0);
    }

    /** A reader of what follows {@code skipped} bytes the caller read itself (a byte-order mark): offsets count them. */
    public ReportingReader(InputStream in, Charset charset, long skipped) {
        this.in = in;
        this.offset = skipped;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The first bytes that could not be read on lines {@code first} to {@code last} (as a record's reader counted
     * them); faults on lines before {@code first} are forgotten: the reader has passed them.
     */
    public Undecodable faultOn(int first, int last) {
        faults.headMap(first).clear();
        Map.Entry<Integer, Undecodable> found = faults.ceilingEntry(first);
        return found == null || found.getKey() > last ? null : found.getValue();
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (done && !marking) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buffer, off, n);
        return n;
    }

    /** Decodes more into {@code chars} (nothing only at the end). */
    private void fill() throws IOException {
        chars.clear();
        counted = 0;
        if (marking) {
            mark();
        }
        while (chars.position() == 0 && !done) {
            if (!ended && bytes.remaining() < 16) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    ended = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, ended);
            offset += bytes.position() - before;
            count();
            if (result.isError()) {
                fault(result.length());
            } else if (result.isUnderflow() && ended) {
                decoder.flush(chars);
                count();
                done = true;
            }
        }
        chars.flip();
    }

    /** Moves the line and column over the characters decoded since the last count. */
    private void count() {
        for (int i = counted; i < chars.position(); i++) {
            char c = chars.get(i);
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
        counted = chars.position();
    }

    /** The {@code length} bytes at the position cannot be read: kept, skipped, marked in the text. */
    private void fault(int length) {
        int at = bytes.position();
        byte[] found = new byte[Math.min(Math.min(length, 4), bytes.limit() - at)];
        bytes.get(at, found);
        faults.putIfAbsent(line, new Undecodable(offset, line, column, decoder.charset().name(), found));
        bytes.position(at + length);
        offset += length;
        marking = true;
        if (chars.hasRemaining()) {
            mark();
        }
    }

    private void mark() {
        chars.put(MARK);
        count();
        marking = false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
