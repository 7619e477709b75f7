package org.musubi.web.encoding;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Locale;
import org.musubi.text.StrictText;
import org.musubi.text.Undecodable;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the text fields of a multipart form ({@code multipart/form-data}: the parts without a file name) strictly, once
 * security let the request in and before a controller reads them, and refuses with 400 a field that is not text in its
 * charset (the part's own, else the request's: UTF-8 unless declared), naming the field and the position. Files are
 * bytes and pass as sent. A form the servlet container cannot take apart (too large, broken, or sent to a servlet
 * without multipart support) is left to what comes next, which meets the same failure.
 */
final class MultipartFieldDoor extends OncePerRequestFilter {

    /** The most a text field holds: a letter's longest free text is far below. */
    static final int MAX_FIELD_BYTES = 4 << 20;
    private final UndecodableAnswers answers;

    MultipartFieldDoor(UndecodableAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("multipart/form-data");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IOException | ServletException | IllegalStateException e) {
            chain.doFilter(request, response);
            return;
        }
        Charset fallback = FormDoor.charset(request.getCharacterEncoding());
        int index = 0;
        for (Part part : parts) {
            index++;
            if (part.getSubmittedFileName() != null) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readNBytes(MAX_FIELD_BYTES);
            }
            try {
                StrictText.check(bytes, 0, bytes.length, charset(part.getContentType(), fallback));
            } catch (Undecodable e) {
                answers.refuse(request, response, UndecodableAnswers.Where.PART,
                        new FormFields.Refused(part.getName(), index, e, -1));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Charset charset(String contentType, Charset fallback) {
        if (contentType == null) {
            return fallback;
        }
        try {
            Charset declared = MediaType.parseMediaType(contentType).getCharset();
            return declared == null ? fallback : declared;
        } catch (RuntimeException unreadable) {
            return fallback;
        }
    }
}
