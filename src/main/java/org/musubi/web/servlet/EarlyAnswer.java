package org.musubi.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * An answer written where no controller answers — a filter's refusal, a database that cannot be reached — in Japanese
 * and English, as the caller reads it: an OperationOutcome to the FHIR API, a page to a browser (or htmx), plain text
 * to anything else. The caller sets its own headers first (Retry-After …); whatever was buffered is dropped.
 *
 * @param status     the HTTP status
 * @param fhirCode   the OperationOutcome's issue code (invalid, transient …)
 * @param pageId     the page's {@code main} element id, for tests and styles
 * @param keys       the message keys' prefix: {@code keys.title} and {@code keys.back} name the page and its way home
 * @param textClass  the CSS class of the page's paragraphs (error, notice)
 */
public record EarlyAnswer(int status, String fhirCode, String pageId, String keys, String textClass) {

    /** Writes the answer with {@code ja} and {@code en} as its text, unless the response was already committed. */
    public void write(HttpServletRequest request, HttpServletResponse response, MessageSource messages, String ja,
                      String en) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String accept = String.valueOf(request.getHeader("Accept"));
        if (path.equals("/fhir") || path.startsWith("/fhir/")) {
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"" + fhirCode + "\",\"diagnostics\":" + json(ja + " / " + en) + "}]}");
        } else if (accept.contains("text/html") || request.getHeader("HX-Request") != null) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(page(request, messages, ja, en));
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(ja + "\n" + en + "\n");
        }
        response.flushBuffer();
    }

    private String page(HttpServletRequest request, MessageSource messages, String ja, String en) {
        String title = both(messages, keys + ".title");
        String back = both(messages, keys + ".back");
        String context = HtmlUtils.htmlEscape(request.getContextPath());
        return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + context + "/css/musubi.css\"></head>"
                + "<body><main id=\"" + pageId + "\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
                + "<p class=\"" + textClass + "\">" + HtmlUtils.htmlEscape(ja) + "</p><p class=\"" + textClass
                + "\" lang=\"en\">" + HtmlUtils.htmlEscape(en) + "</p><p><a href=\"" + context + "/\">"
                + HtmlUtils.htmlEscape(back) + "</a></p></main></body></html>\n";
    }

    private static String both(MessageSource messages, String key) {
        return messages.getMessage(key, null, Locale.JAPANESE) + " / " + messages.getMessage(key, null, Locale.ENGLISH);
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
