package org.musubi.security.internal.oidc;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** The few pages a round trip answers with: a message (with its status), and "continuing…" on the way elsewhere. */
final class OidcPages {

    static final String RESULT = "phr/mynumber-result";

    private OidcPages() {
    }

    /** A page saying {@code messageKey}; {@code status} as the HTTP status. */
    static String result(Model model, HttpServletResponse response, int status, String messageKey) {
        response.setStatus(status);
        model.addAttribute("message", messageKey);
        return RESULT;
    }

    /**
     * A page that sends the browser on to {@code address} at once (and offers a link if it does not): a navigation
     * of Musubi's own page, not a redirect of the request that came in.
     */
    static String onwards(Model model, String address) {
        model.addAttribute("onwards", address);
        return "phr/mynumber-onwards";
    }
}
