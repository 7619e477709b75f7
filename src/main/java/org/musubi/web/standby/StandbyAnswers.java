package org.musubi.web.standby;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to a refused write on a standby: 503 with {@code Retry-After}, in Japanese and English; an
 * OperationOutcome to the FHIR API, a page to a browser, plain text to anything else.
 */
final class StandbyAnswers {

    /** On every refusal, so that a client (and a test) tells it from any other 503. */
    static final String HEADER = "X-Musubi-Read-Only";
    private final MessageSource messages;

    StandbyAnswers(MessageSource messages) {
        this.messages = messages;
    }

    void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "300");
        response.setHeader(HEADER, "standby");
        response.setHeader("Cache-Control", "no-store");
        String ja = messages.getMessage("standby.refused", null, Locale.JAPANESE);
        String en = messages.getMessage("standby.refused", null, Locale.ENGLISH);
        String path = ReadOnlyStandbyFilter.path(request);
        String accept = String.valueOf(request.getHeader("Accept"));
        if (path.equals("/fhir") || path.startsWith("/fhir/")) {
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"transient\",\"diagnostics\":" + json(ja + " / " + en) + "}]}");
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
        String title = messages.getMessage("standby.title", null, Locale.JAPANESE) + " / "
                + messages.getMessage("standby.title", null, Locale.ENGLISH);
        String back = messages.getMessage("standby.back", null, Locale.JAPANESE) + " / "
                + messages.getMessage("standby.back", null, Locale.ENGLISH);
        String context = request.getContextPath();
        return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + HtmlUtils.htmlEscape(context) + "/css/musubi.css\"></head>"
                + "<body><main id=\"standby-refused\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
                + "<p class=\"notice\">" + HtmlUtils.htmlEscape(ja) + "</p><p class=\"notice\" lang=\"en\">"
                + HtmlUtils.htmlEscape(en) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(context) + "/\">"
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
