package org.musubi.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Counts and fingerprints the rows of a table as PostgreSQL's binary {@code COPY} writes them (a header,
 * then each row as its field count and each field's length and bytes, then a trailer of -1). A table's
 * digest is the sum, modulo 2<sup>256</sup>, of the SHA-256 of each row's bytes: it does not depend on
 * the order in which PostgreSQL returns rows, so the restored table is compared with the backed-up one
 * without sorting either. Reads the format as it streams past; holds only a few bytes.
 */
final class CopyDigest extends OutputStream {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER = SIGNATURE.length + 8;

    private enum State { HEADER, EXTENSION, FIELD_COUNT, FIELD_LENGTH, FIELD_DATA, ENDED }

    private final MessageDigest row = sha256();
    private final long[] sum = new long[4];
    private final byte[] fixed = new byte[HEADER];
    private State state = State.HEADER;
    private int have;
    private long remaining;
    private int fieldsLeft;
    private long rows;
    private long bytes;

    /** What a table's rows came to. */
    record Result(long rows, long bytes, String digest) {
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        bytes += length;
        int end = offset + length;
        while (offset < end) {
            offset += step(data, offset, end - offset);
        }
    }

    /** The rows seen; refuses when the data stopped before PostgreSQL's end-of-data trailer. */
    Result result() throws IOException {
        if (state != State.ENDED) {
            throw new BackupRefused("backup.archive.damaged");
        }
        ByteBuffer total = ByteBuffer.allocate(32);
        Arrays.stream(sum).forEach(total::putLong);
        return new Result(rows, bytes, HexFormat.of().formatHex(total.array()));
    }

    /** Consumes what the current state needs of the data; returns how many bytes it took. */
    private int step(byte[] data, int offset, int length) throws IOException {
        return switch (state) {
            case HEADER -> fixed(data, offset, length, HEADER);
            case EXTENSION, FIELD_DATA -> {
                int n = (int) Math.min(length, remaining);
                if (state == State.FIELD_DATA) {
                    row.update(data, offset, n);
                }
                remaining -= n;
                if (remaining == 0) {
                    afterSkip();
                }
                yield n;
            }
            case FIELD_COUNT -> fixed(data, offset, length, 2);
            case FIELD_LENGTH -> fixed(data, offset, length, 4);
            case ENDED -> throw new BackupRefused("backup.archive.damaged");
        };
    }

    private int fixed(byte[] data, int offset, int length, int need) throws IOException {
        int n = Math.min(length, need - have);
        System.arraycopy(data, offset, fixed, have, n);
        have += n;
        if (have == need) {
            have = 0;
            complete(need);
        }
        return n;
    }

    private void complete(int size) throws IOException {
        ByteBuffer value = ByteBuffer.wrap(fixed, 0, size);
        switch (state) {
            case HEADER -> {
                if (!Arrays.equals(fixed, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                    throw new BackupRefused("backup.archive.damaged");
                }
                remaining = value.getInt(SIGNATURE.length + 4) & 0xffffffffL;
                state = State.EXTENSION;
                if (remaining == 0) {
                    afterSkip();
                }
            }
            case FIELD_COUNT -> {
                short fields = value.getShort();
                if (fields == -1) {
                    state = State.ENDED;
                    return;
                }
                row.update(fixed, 0, 2);
                fieldsLeft = fields;
                state = State.FIELD_LENGTH;
                if (fields == 0) {
                    rowDone();
                }
            }
            default -> {
                int fieldLength = value.getInt();
                if (fieldLength < -1) {
                    throw new BackupRefused("backup.archive.damaged");
                }
                row.update(fixed, 0, 4);
                remaining = Math.max(0, fieldLength);
                state = State.FIELD_DATA;
                if (remaining == 0) {
                    afterSkip();
                }
            }
        }
    }

    private void afterSkip() {
        if (state == State.EXTENSION) {
            state = State.FIELD_COUNT;
        } else if (--fieldsLeft == 0) {
            rowDone();
        } else {
            state = State.FIELD_LENGTH;
        }
    }

    private void rowDone() {
        rows++;
        ByteBuffer digest = ByteBuffer.wrap(row.digest());
        long carry = 0;
        for (int i = 3; i >= 0; i--) {
            long word = digest.getLong(8 * i);
            long partial = sum[i] + word;
            long total = partial + carry;
            carry = (Long.compareUnsigned(partial, sum[i]) < 0 ? 1 : 0) + (Long.compareUnsigned(total, partial) < 0 ? 1 : 0);
            sum[i] = total;
        }
        state = State.FIELD_COUNT;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
