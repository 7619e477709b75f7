package org.musubi.archfixtures.size;

import java.io.InputStream;

/** Eleven overrides of the JDK's InputStream, a contract Musubi does not write, and one method of its own. */
public final class JdkContract extends InputStream {

    private int left = 3;

    public String label() {
        return "three bytes";
    }

    @Override
    public int read() {
        return left-- > 0 ? 'x' : -1;
    }

    @Override
    public int read(byte[] bytes) {
        return read(bytes, 0, bytes.length);
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
        int c = read();
        if (c < 0) {
            return -1;
        }
        bytes[offset] = (byte) c;
        return 1;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public int available() {
        return Math.max(left, 0);
    }

    @Override
    public void close() {
        left = 0;
    }

    @Override
    public void mark(int limit) {
        // not supported
    }

    @Override
    public void reset() {
        left = 3;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public byte[] readAllBytes() {
        return new byte[0];
    }

    @Override
    public long transferTo(java.io.OutputStream out) {
        return 0;
    }
}
