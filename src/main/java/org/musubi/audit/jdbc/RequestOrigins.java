package org.musubi.audit.jdbc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.musubi.audit.Origin;
import org.musubi.audit.web.RequestIds;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Reads the client address, user agent and request id of the current HTTP request, if any. */
final class RequestOrigins {

    private static final int MAX_USER_AGENT = 512;
    private static final String RECORDED = RequestOrigins.class.getName() + ".recorded";

    private RequestOrigins() {
    }

    /** Notes on the current request (if any) that a row was recorded for it. */
    static void markRecorded() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(RECORDED, Boolean.TRUE);
        }
    }

    static boolean recorded() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(RECORDED) != null;
    }

    static Origin current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String agent = request.getHeader("User-Agent");
            if (agent != null && agent.length() > MAX_USER_AGENT) {
                agent = agent.substring(0, MAX_USER_AGENT);
            }
            return new Origin(request.getRemoteAddr(), agent, RequestIds.of(request));
        }
        return Origin.local(UUID.randomUUID().toString());
    }
}
