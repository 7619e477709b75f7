package org.musubi.security.internal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates FHIR API calls by {@code Authorization: Bearer}. A token that is unknown, expired or
 * whose client was disabled is answered 401 at once; without a token the request goes on
 * unauthenticated and is refused by the authorisation rules (except the CapabilityStatement).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String SCOPE = "SCOPE_";
    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.ApiCaller> caller = tokens.authenticate(header.substring(7).strip());
        if (caller.isEmpty()) {
            ApiSecurityConfiguration.unauthorized(response, "invalid_token");
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_API"));
        caller.get().scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(SCOPE + s)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                SessionUpgrade.signedIn(caller.get().user()), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
