package org.musubi.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Content of unknown length inside the archive (a table's COPY data, a file): blocks of up to 64 KiB, each
 * as its length and bytes, ended by a block of length 0. Every byte also goes to a tap, which fingerprints it.
 */
final class Blocks {

    static final int SIZE = 64 * 1024;

    private Blocks() {
    }

    /** Writes blocks to {@code out}; {@link OutputStream#close()} writes the end and leaves {@code out} open. */
    static OutputStream writer(DataOutputStream out, OutputStream tap) {
        return new OutputStream() {
            private final byte[] buffer = new byte[SIZE];
            private int filled;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                tap.write(bytes, offset, length);
                while (length > 0) {
                    int n = Math.min(length, SIZE - filled);
                    System.arraycopy(bytes, offset, buffer, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                    if (filled == SIZE) {
                        flushBlock();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                flushBlock();
                out.writeInt(0);
            }

            private void flushBlock() throws IOException {
                if (filled > 0) {
                    out.writeInt(filled);
                    out.write(buffer, 0, filled);
                    filled = 0;
                }
            }
        };
    }

    /** Reads blocks from {@code in} up to their end; {@link InputStream#close()} skips what was not read. */
    static InputStream reader(DataInputStream in, OutputStream tap) {
        return new InputStream() {
            private int left;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (left == 0 && !ended) {
                    left = in.readInt();
                    if (left < 0 || left > SIZE) {
                        throw new BackupRefused("backup.archive.damaged");
                    }
                    ended = left == 0;
                }
                if (ended) {
                    return -1;
                }
                int n = in.read(bytes, offset, Math.min(length, left));
                if (n < 0) {
                    throw new BackupRefused("backup.archive.truncated");
                }
                left -= n;
                tap.write(bytes, offset, n);
                return n;
            }

            @Override
            public void close() throws IOException {
                byte[] skip = new byte[SIZE];
                while (read(skip, 0, SIZE) >= 0) {
                    // drained: the tap sees every byte, so fingerprints cover what the reader left
                }
            }
        };
    }
}
