package org.musubi.web.encoding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.musubi.text.Undecodable;
import org.musubi.web.servlet.EarlyAnswer;
import org.springframework.context.MessageSource;

/**
 * The answer to a request whose text cannot be read: 400, in Japanese and English, naming where (the query string, the
 * form body or a multipart form), the field and the position; an OperationOutcome to the FHIR API, a page to a browser,
 * plain text to anything else. Nothing of the request was handed on, so nothing was stored.
 */
final class UndecodableAnswers {

    /** Where the text was. */
    enum Where {
        QUERY("request.where.query"), FORM("request.where.form"), PART("request.where.part");

        final String key;

        Where(String key) {
            this.key = key;
        }
    }

    private static final EarlyAnswer ANSWER = new EarlyAnswer(HttpServletResponse.SC_BAD_REQUEST, "invalid",
            "request-undecodable", "request.undecodable", "error");
    private final MessageSource messages;

    UndecodableAnswers(MessageSource messages) {
        this.messages = messages;
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, Where where, FormFields.Refused refused)
            throws IOException {
        refuse(request, response, locale -> text(where, refused, locale));
    }

    private String text(Where where, FormFields.Refused refused, Locale locale) {
        String place = messages.getMessage(where.key, null, locale);
        Undecodable u = refused.undecodable;
        if (u == null) {
            return messages.getMessage("request.badEscape", new Object[] {place, String.valueOf(refused.index),
                    refused.field == null ? "-" : shown(refused.field), String.valueOf(refused.badEscape)}, locale);
        }
        Object[] args = {place, refused.field == null ? String.valueOf(refused.index) : shown(refused.field),
                String.valueOf(u.line()), String.valueOf(u.column()), String.valueOf(u.offset()), u.bytes(), u.charset()};
        return messages.getMessage(refused.field == null ? "request.undecodable.fieldName" : "request.undecodable.field",
                args, locale);
    }

    /** A field's name as sent, at most 100 characters of it. */
    private static String shown(String field) {
        return field.length() > 100 ? field.substring(0, 100) + "…" : field;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response,
                        java.util.function.Function<Locale, String> text) throws IOException {
        ANSWER.write(request, response, messages, text.apply(Locale.JAPANESE), text.apply(Locale.ENGLISH));
    }
}
