package org.musubi.audit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id of the server's own (a random UUID), puts it in the log context, the
 * response and the audit trail, so a log line and an audit row can be matched. A caller cannot
 * choose it: an incoming {@code X-Request-Id} of a strict form ({@code [A-Za-z0-9._-]{1,64}}) is kept
 * only as the log context's {@code clientRequestId}, to find a caller's request in the logs; it
 * never reaches the audit trail or the response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern STRICT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString();
        String incoming = request.getHeader(HEADER);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put("requestId", id);
        if (incoming != null && STRICT.matcher(incoming).matches()) {
            MDC.put("clientRequestId", incoming);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("clientRequestId");
        }
    }
}
