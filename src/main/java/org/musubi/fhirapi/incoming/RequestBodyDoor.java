package org.musubi.fhirapi.incoming;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.musubi.fhirapi.response.ServletOutcomes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a FHIR request body over {@code musubi.fhir.max-request-size} with 413 before HAPI reads
 * it into memory: at once from its Content-Length, or, for a chunked body, as soon as more than the
 * limit has arrived (what arrived is then handed to HAPI from memory). Binary has its own limit.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long limit;

    public RequestSizeLimit(long limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/fhir/Binary") || path.startsWith("/fhir/Binary/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
        } else if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
        } else {
            byte[] body = readUpToLimit(request.getInputStream());
            if (body == null) {
                refuse(response);
            } else {
                chain.doFilter(new Buffered(request, body), response);
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** The body, or null as soon as it is longer than the limit. */
    private byte[] readUpToLimit(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (body.size() + (long) n > limit) {
                return null;
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ServletOutcomes.error(response, 413, "リクエスト本文が大きすぎます（上限 " + limit + " バイト） / The request body is "
                + "larger than the limit of " + limit + " bytes (musubi.fhir.max-request-size)");
    }

    /** A request whose body has been read already. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
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

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                charset = getCharacterEncoding() == null ? charset : Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException unknown) {
                // read as UTF-8, as HAPI does
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
