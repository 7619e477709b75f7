package org.musubi.web.encoding;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the text of every request's query string and form body ({@code application/x-www-form-urlencoded}) strictly,
 * before security, a controller or the FHIR server reads them, and refuses with 400 a field that is not text in its
 * charset — the query string's is UTF-8, a form body's the request's (UTF-8 unless the sender declared another) —
 * naming the field and the position ({@link UndecodableAnswers}). A form body read here is what the request then serves:
 * its fields (after the query string's) and its bytes. A body larger than {@code maxFormBytes} is left to the
 * servlet container, which refuses it. Multipart forms' fields are {@link MultipartFieldDoor}'s.
 */
final class FormDoor extends OncePerRequestFilter {

    /** As many fields as the servlet container itself reads ({@code server.tomcat.max-parameter-count}). */
    static final int MAX_FIELDS = 1000;
    private final UndecodableAnswers answers;
    private final long maxFormBytes;

    FormDoor(UndecodableAnswers answers, long maxFormBytes) {
        this.answers = answers;
        this.maxFormBytes = maxFormBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FormFields.Field> fields = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null) {
            try {
                fields.addAll(FormFields.parse(query.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            } catch (FormFields.Refused refused) {
                answers.refuse(request, response, UndecodableAnswers.Where.QUERY, refused);
                return;
            }
        }
        if (!isForm(request)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (maxFormBytes >= 0 && declared > maxFormBytes) {
            chain.doFilter(request, response); // too large: the container refuses it
            return;
        }
        byte[] body = read(request.getInputStream());
        if (maxFormBytes >= 0 && body.length > maxFormBytes) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Charset charset = charset(request.getCharacterEncoding());
        try {
            fields.addAll(FormFields.parse(body, charset));
        } catch (FormFields.Refused refused) {
            answers.refuse(request, response, UndecodableAnswers.Where.FORM, refused);
            return;
        }
        if (fields.size() > MAX_FIELDS) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(new ReadForm(request, fields, body, charset), response);
    }

    /** A body of form fields (not multipart, whose fields are read by parts). */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).strip().startsWith("application/x-www-form-urlencoded")
                && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    }

    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            body.write(buffer, 0, n);
            if (maxFormBytes >= 0 && body.size() > maxFormBytes) {
                break;
            }
        }
        return body.toByteArray();
    }

    static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
