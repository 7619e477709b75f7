package org.musubi.security.internal.smart;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The authorization endpoint for residents' apps. A checked request from someone who is not a resident signed in with
 * both factors is kept in the session, and a page of Musubi's own leads to the notebook's login, which comes back here
 * (a page rather than a redirect: the app's link is a cross-site navigation, and a browser withholds the SameSite=Strict
 * session cookie along a redirect chain that started on another site, so the login would start in yet another
 * session; a click on Musubi's own page is same-site); a signed-in resident
 * sees the consent page naming the app and what it asks for, and approves (a one-time code goes to the app's redirect
 * URI) or declines ({@code access_denied}). Every refusal and decision leaves one audit row ({@code APP_AUTHORIZE}).
 */
@Controller
class AuthorizeController {

    static final String PENDING = "MUSUBI_SMART_PENDING";
    private final AuthorizationRequests requests;
    private final AppConsents consents;
    private final Users users;
    private final Audit audit;

    AuthorizeController(AuthorizationRequests requests, AppConsents consents, Users users, Audit audit) {
        this.requests = requests;
        this.consents = consents;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping(Endpoints.AUTHORIZE)
    String authorize(HttpServletRequest request, HttpServletResponse response, Authentication authentication, Model model) {
        return switch (requests.check(request.getParameterMap(), Endpoints.of(request))) {
            case AuthorizationRequests.NotShown n -> problem(n.messageKey(), n.reason(), response, model);
            case AuthorizationRequests.Redirected r -> {
                audit.record(AuditEntry.of(AuditAction.APP_AUTHORIZE, Outcome.DENY).reason(r.reason()));
                yield redirect(response, r.location());
            }
            case AuthorizationRequests.Valid v -> {
                Optional<User> resident = resident(authentication);
                if (resident.isEmpty()) {
                    request.getSession().setAttribute(SessionUpgrade.RESUME_AUTHORIZATION,
                            Endpoints.AUTHORIZE + "?" + request.getQueryString());
                    model.addAttribute("pending", v.pending());
                    yield "oauth/login";
                }
                request.getSession().setAttribute(PENDING, v.pending());
                model.addAttribute("resident", authentication.getPrincipal());
                model.addAttribute("pending", v.pending());
                model.addAttribute("types", v.pending().scopes().stream().map(SmartScopes::type)
                        .filter(t -> t != null).distinct().toList());
                model.addAttribute("offline", v.pending().scopes().contains(SmartScopes.OFFLINE));
                response.setHeader("Content-Security-Policy", consentPolicy(v.pending().redirectUri()));
                yield "oauth/authorize";
            }
        };
    }

    @PostMapping(Endpoints.AUTHORIZE)
    String decide(@RequestParam(required = false) String ticket, @RequestParam(required = false) String decision,
                  HttpServletRequest request, HttpServletResponse response, Authentication authentication, Model model) {
        Optional<User> resident = resident(authentication);
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(PENDING);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
        if (resident.isEmpty() || !(kept instanceof AuthorizationRequests.Pending pending) || ticket == null
                || !ticket.equals(pending.ticket())) {
            return problem("smart.error.expired", "no pending authorization request in this session", response, model);
        }
        if (!"approve".equals(decision)) {
            consents.declined(pending, resident.get());
            return redirect(response, AuthorizationRequests.location(pending.redirectUri(), "error", "access_denied",
                    "error_description", "the resident declined", "state", pending.state()));
        }
        Optional<String> code = consents.approve(pending, resident.get());
        if (code.isEmpty()) {
            return problem("smart.error.client", null, response, model);
        }
        return redirect(response, AuthorizationRequests.location(pending.redirectUri(), "code", code.get(),
                "state", pending.state()));
    }

    /** The signed-in resident (both factors; a resident's session holds no other role), active and bound to a person. */
    private Optional<User> resident(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn me)
                || authentication.getAuthorities().stream()
                        .noneMatch(a -> SessionUpgrade.RESIDENT_ROLE.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        return users.find(me.userId()).filter(User::active).filter(User::resident).filter(u -> u.personId() != null);
    }

    /** Musubi's own page, status 400; audited once when {@code reason} is given. */
    private String problem(String messageKey, String reason, HttpServletResponse response, Model model) {
        if (reason != null) {
            audit.record(AuditEntry.of(AuditAction.APP_AUTHORIZE, Outcome.DENY).reason(reason));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", messageKey);
        return "oauth/error";
    }

    /** A redirect to the app: the location as built, whatever its scheme (a native app's private-use scheme too). */
    private static String redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, location);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return null;
    }

    /**
     * The consent page's policy: Musubi's own, except that its form may lead to the app's redirect URI (a browser
     * applies {@code form-action} to the redirect that follows the form).
     */
    static String consentPolicy(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String target = uri.getHost() == null ? uri.getScheme() + ":"
                : uri.getScheme() + "://" + uri.getRawAuthority();
        return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
                + "frame-ancestors 'none'; form-action 'self' " + target + "; base-uri 'self'";
    }
}
