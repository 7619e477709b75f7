package org.musubi.web.standby;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which requests a read-only standby serves: every GET, HEAD and OPTIONS, and only these POSTs, which log in (the
 * login's own state is kept in memory there), end a session, switch whose notebook a proxy views (the session only),
 * ask yes-or-no of a card, verify the audit trail, look up a participation application's status, search FHIR, or
 * open an emergency access and hand a person over (kept in memory there, audited through the spool). Everything else that is not a read is refused.
 */
public final class ReadOnlyRoutes {

    /** POSTs that write nothing on a standby. */
    public static final Set<String> POSTS = Set.of("/login", "/login/certificate", "/login/second-factor",
            "/login/passkey", "/logout", "/oauth2/token", "/phr/act-for", "/phr/act-for/self", "/portal/card-check", "/admin/audit/verify",
            "/apply/status");

    /**
     * The emergency POSTs, whose accesses and hand-overs a standby keeps in memory: a clinician's (or a disaster
     * responder's) break-the-glass, an ambulance crew's look-up and opening, the crew's hand-over and the receiving
     * emergency room's own break-the-glass.
     */
    public static final Set<String> EMERGENCY_POSTS = Set.of("/portal/emergency", "/portal/emergency/open",
            "/emergency", "/emergency/open");

    /**
     * {@code POST /fhir/Patient/<id>/$summary} and {@code POST /fhir/Patient/$summary} (the person named by identifier):
     * the patient summary document, a read with its parameters in the body.
     */
    private static final Pattern SUMMARY = Pattern.compile("/fhir/Patient/([A-Za-z0-9\\-.]{1,64}/)?\\$summary");

    /** {@code POST /emergency/persons/<id>/handover} and {@code …/glass}. */
    private static final Pattern EMERGENCY_PERSON_POSTS = Pattern.compile("/emergency/persons/[0-9]{1,18}/(handover|glass)");

    private ReadOnlyRoutes() {
    }

    /** Whether a request of {@code method} to {@code path} (without the context path) is served on a standby. */
    public static boolean served(String method, String path) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            case "POST" -> POSTS.contains(path) || fhirSearch(path) || SUMMARY.matcher(path).matches()
                    || emergency(path);
            default -> false;
        };
    }

    /** Whether {@code path} is one of the emergency POSTs a standby serves (in memory). */
    public static boolean emergency(String path) {
        return EMERGENCY_POSTS.contains(path) || EMERGENCY_PERSON_POSTS.matcher(path).matches();
    }

    /** {@code POST /fhir/<Type>/_search}: a search with its parameters in the body. */
    private static boolean fhirSearch(String path) {
        return path.startsWith("/fhir/") && path.endsWith("/_search") && path.indexOf('/', 6) == path.length() - 8;
    }
}
