package org.musubi.security.internal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.musubi.registry.User;
import org.musubi.security.AppAccess;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.smart.AppBearerTokens;
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
 * unauthenticated and is refused by the authorisation rules (except the CapabilityStatement). A resident's app's
 * token ({@link AppBearerTokens}) makes the request the resident's, through the app: role {@code PATIENT_APP}, the
 * app's {@link org.musubi.security.AppAccess} as the authentication's details, the app's client ID as login id.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String SCOPE = "SCOPE_";
    static final String PATIENT_APP = "PATIENT_APP";
    private final ApiTokens tokens;
    private final AppBearerTokens apps;

    BearerTokenFilter(ApiTokens tokens, AppBearerTokens apps) {
        this.tokens = tokens;
        this.apps = apps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        UsernamePasswordAuthenticationToken authentication = AppBearerTokens.recognises(token)
                ? apps.authenticate(token).map(BearerTokenFilter::app).orElse(null)
                : tokens.authenticate(token).map(BearerTokenFilter::client).orElse(null);
        if (authentication == null) {
            ApiSecurityConfiguration.unauthorized(response, "invalid_token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static UsernamePasswordAuthenticationToken client(ApiTokens.ApiCaller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_API"));
        caller.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(SCOPE + s)));
        return UsernamePasswordAuthenticationToken.authenticated(SessionUpgrade.signedIn(caller.user()), null, authorities);
    }

    private static UsernamePasswordAuthenticationToken app(AppBearerTokens.AppCaller caller) {
        User resident = caller.resident();
        SignedIn signedIn = new SignedIn(resident.id(), caller.access().clientId(), resident.nameKanji(), null,
                AppAccess.PROFESSION, false, Set.of());
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                signedIn, null, List.of(new SimpleGrantedAuthority("ROLE_" + PATIENT_APP)));
        authentication.setDetails(caller.access());
        return authentication;
    }
}
