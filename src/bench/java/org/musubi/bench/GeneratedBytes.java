package org.musubi.bench;

import java.io.InputStream;
import java.util.Random;

/**
 * {@code size} pseudo-random bytes made as they are read, never held: the same bytes for a seed, from any offset (a
 * resumed upload sends the rest of exactly the same file). Blocks of 64 KiB, each from its own seeded generator.
 */
final class GeneratedBytes extends InputStream {

    private static final int BLOCK = 64 * 1024;
    private final long seed;
    private final long size;
    private long at;
    private byte[] block;
    private long blockIndex = -1;

    GeneratedBytes(long size, long seed, long start) {
        this.size = size;
        this.seed = seed;
        this.at = start;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (at >= size) {
            return -1;
        }
        long index = at / BLOCK;
        if (index != blockIndex) {
            block = new byte[BLOCK];
            new Random(seed * 1_000_003L + index).nextBytes(block);
            blockIndex = index;
        }
        int within = (int) (at % BLOCK);
        int n = (int) Math.min(Math.min(len, BLOCK - within), size - at);
        System.arraycopy(block, within, b, off, n);
        at += n;
        return n;
    }
}
