package org.musubi.fhirapi.incoming;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.musubi.fhirapi.response.ServletOutcomes;
import org.musubi.web.servlet.HeldBody;
import org.musubi.text.StrictText;
import org.musubi.text.Undecodable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The FHIR API's door for request bodies, before HAPI reads them: a body over {@code musubi.fhir.max-request-size} is
 * refused with 413 (at once from its Content-Length, or, for a chunked body, as soon as more than the limit has
 * arrived); a body that is not text in its charset (the one its Content-Type declares, UTF-8 when none: FHIR's) is
 * refused with 400 and an OperationOutcome naming the byte offset, line and column of the first bytes it cannot read
 * ({@link StrictText}) — so no resource is stored with U+FFFD in place of what was sent. The body read here is handed to
 * HAPI from memory. A form body ({@code _search}) was read at the web's door already; Binary has its own limit, and
 * its content is bytes ({@code Binaries} reads FHIR content sent as a Binary as strictly).
 */
public class RequestBodyDoor extends OncePerRequestFilter {

    private final long limit;
    private final MessageSource messages;

    public RequestBodyDoor(long limit, MessageSource messages) {
        this.limit = limit;
        this.messages = messages;
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
        } else if (declared == 0 || declared < 0 && !hasBody(request) || isForm(request)) {
            chain.doFilter(request, response);
        } else {
            byte[] body = readUpToLimit(request.getInputStream());
            if (body == null) {
                refuse(response);
                return;
            }
            Charset charset = charset(request.getContentType());
            try {
                StrictText.check(body, 0, body.length, charset);
            } catch (Undecodable e) {
                Object[] where = {String.valueOf(e.line()), String.valueOf(e.column()), String.valueOf(e.offset()),
                        e.bytes(), e.charset()};
                ServletOutcomes.error(response, 400, messages.getMessage("request.undecodable.body", where, Locale.JAPANESE)
                        + " / " + messages.getMessage("request.undecodable.body", where, Locale.ENGLISH));
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** A form ({@code POST _search}): its fields were read, strictly, at the web's door. */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).strip().startsWith("application/x-www-form-urlencoded");
    }

    /** The charset the body declares; UTF-8, FHIR's, when it declares none (or one Java does not know). */
    public static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset declared = MediaType.parseMediaType(contentType).getCharset();
            return declared == null ? StandardCharsets.UTF_8 : declared;
        } catch (RuntimeException unreadable) {
            return StandardCharsets.UTF_8;
        }
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
            return HeldBody.stream(body);
        }

        /** In the charset the body was checked in: its decoder never meets bytes it cannot read (and would say so). */
        @Override
        public BufferedReader getReader() {
            return HeldBody.reader(body, charset(getContentType()));
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
