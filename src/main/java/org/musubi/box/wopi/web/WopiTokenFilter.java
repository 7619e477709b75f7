package org.musubi.box.wopi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.box.wopi.WopiAccess;
import org.musubi.security.SignedIn;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an online editor's WOPI call by its {@code access_token} query parameter (read from the query string
 * only: a body is never parsed for it), for this request alone: the call then acts as the token's user (the audit
 * trail names them) with the token's grant as the authentication's details. A missing, malformed, forged or expired
 * token, or one whose account is no longer active, is answered 401 before any file is looked at. The token is never
 * logged.
 */
final class WopiTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "WOPI";
    private final WopiAccess access;

    WopiTokenFilter(WopiAccess access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<WopiAccess.Caller> caller = token(request.getQueryString()).flatMap(access::caller);
        if (caller.isEmpty()) {
            WopiController.plain(response, 401, "box.wopi.badToken");
            return;
        }
        WopiAccess.Caller c = caller.get();
        SignedIn signedIn = new SignedIn(c.user().id(), c.user().loginId(), c.user().nameKanji(), c.grant().facility(),
                c.user().profession().name(), false, Set.of());
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(signedIn,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        authentication.setDetails(c.grant());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The {@code access_token} of a query string (the last one given), URL-decoded. */
    static Optional<String> token(String query) {
        if (query == null) {
            return Optional.empty();
        }
        String found = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("access_token=")) {
                try {
                    found = URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(found).filter(t -> !t.isEmpty());
    }
}
