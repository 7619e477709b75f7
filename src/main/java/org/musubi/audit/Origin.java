package org.musubi.audit;

/** Where a request came from, and the request id that ties log lines and audit rows together. */
public record Origin(String clientIp, String userAgent, String requestId) {

    public static Origin local(String requestId) {
        return new Origin(null, "musubi-cli", requestId);
    }
}
