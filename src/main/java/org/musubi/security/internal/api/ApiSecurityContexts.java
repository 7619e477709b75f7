package org.musubi.security.internal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where the API chain finds who is calling: the API is stateless. A request with an {@code Authorization} header
 * is its token and nothing else (a session cookie sent along is ignored); without one, the signed-in browser
 * user's existing two-factor session is read, never created. Nothing is ever saved to a session, so a bearer call
 * leaves no session behind that could outlive its token, and a session never carries an API client's rights.
 */
final class ApiSecurityContexts implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    ApiSecurityContexts() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return empty();
        }
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                SecurityContext context = stored.get();
                return browserUser(context) ? context : SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated() || !browserUser(stored.get());
            }
        };
    }

    /** A context from a browser's two-factor login: never one holding an API client's authority. */
    private static boolean browserUser(SecurityContext context) {
        return context != null && context.getAuthentication() != null && context.getAuthentication().getAuthorities()
                .stream().noneMatch(a -> "ROLE_API".equals(a.getAuthority()));
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // stateless: nothing is saved
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && sessions.containsContext(request);
    }

    private static DeferredSecurityContext empty() {
        Supplier<SecurityContext> none = SecurityContextHolder::createEmptyContext;
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return none.get();
            }

            @Override
            public boolean isGenerated() {
                return true;
            }
        };
    }
}
