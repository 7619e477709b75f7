package org.musubi.web.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * A request body read once at the door (and checked there), handed on again: as a stream over the bytes held, and as
 * text in the charset it was checked in, whose decoder never meets bytes it cannot read (and would say so rather than
 * replace them).
 */
public final class HeldBody {

    private HeldBody() {
    }

    /** A fresh blocking stream over {@code body}. */
    public static ServletInputStream stream(byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }
        };
    }

    /** {@code body} as text in {@code charset}, decoded strictly. */
    public static BufferedReader reader(byte[] body, Charset charset) {
        return new BufferedReader(new InputStreamReader(stream(body), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
}
