package org.musubi.web.encoding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.musubi.text.Undecodable;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

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
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("Cache-Control", "no-store");
        String ja = text.apply(Locale.JAPANESE);
        String en = text.apply(Locale.ENGLISH);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String accept = String.valueOf(request.getHeader("Accept"));
        if (path.equals("/fhir") || path.startsWith("/fhir/")) {
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"invalid\",\"diagnostics\":" + json(ja + " / " + en) + "}]}");
        } else if (accept.contains("text/html") || request.getHeader("HX-Request") != null) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(page(request, ja, en));
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(ja + "\n" + en + "\n");
        }
        response.flushBuffer();
    }

    private String page(HttpServletRequest request, String ja, String en) {
        String title = messages.getMessage("request.undecodable.title", null, Locale.JAPANESE) + " / "
                + messages.getMessage("request.undecodable.title", null, Locale.ENGLISH);
        String back = messages.getMessage("request.undecodable.back", null, Locale.JAPANESE) + " / "
                + messages.getMessage("request.undecodable.back", null, Locale.ENGLISH);
        String context = HtmlUtils.htmlEscape(request.getContextPath());
        return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + context + "/css/musubi.css\"></head>"
                + "<body><main id=\"request-undecodable\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
                + "<p class=\"error\">" + HtmlUtils.htmlEscape(ja) + "</p><p class=\"error\" lang=\"en\">"
                + HtmlUtils.htmlEscape(en) + "</p><p><a href=\"" + context + "/\">"
                + HtmlUtils.htmlEscape(back) + "</a></p></main></body></html>\n";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
