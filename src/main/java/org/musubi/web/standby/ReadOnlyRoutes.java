package org.musubi.web.standby;

import java.util.Set;

/**
 * Which requests a read-only standby serves: every GET, HEAD and OPTIONS, and only these POSTs, which log in (the
 * login's own state is kept in memory there), end a session, switch whose notebook a proxy views (the session only),
 * ask yes-or-no of a card, verify the audit trail, or search FHIR. Everything else that is not a read is refused.
 */
public final class ReadOnlyRoutes {

    /** POSTs that write nothing on a standby. */
    public static final Set<String> POSTS = Set.of("/login", "/login/second-factor", "/login/passkey", "/logout",
            "/oauth2/token", "/phr/act-for", "/phr/act-for/self", "/portal/card-check", "/admin/audit/verify");

    private ReadOnlyRoutes() {
    }

    /** Whether a request of {@code method} to {@code path} (without the context path) is served on a standby. */
    public static boolean served(String method, String path) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            case "POST" -> POSTS.contains(path) || fhirSearch(path);
            default -> false;
        };
    }

    /** {@code POST /fhir/<Type>/_search}: a search with its parameters in the body. */
    private static boolean fhirSearch(String path) {
        return path.startsWith("/fhir/") && path.endsWith("/_search") && path.indexOf('/', 6) == path.length() - 8;
    }
}
