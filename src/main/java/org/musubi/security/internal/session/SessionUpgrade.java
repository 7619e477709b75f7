package org.musubi.security.internal.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Turns a password-only login into a full session once the second factor is proven: a new
 * session id, and the user's roles. While a password change is pending, only that page opens.
 */
@Component
public class SessionUpgrade {

    static final String SECOND_FACTOR = "FACTOR_TOTP";
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
    /**
     * A resident's full session: {@code /phr} only. Never together with {@code ROLE_USER}, so a resident reaches no
     * staff page, and staff reach no resident's notebook.
     */
    public static final String RESIDENT_ROLE = "ROLE_RESIDENT";
    /**
     * The session attribute holding an app's authorization request ({@code /oauth2/authorize?…}) that sent a resident
     * to the login: resumed once both factors are proven.
     */
    public static final String RESUME_AUTHORIZATION = "MUSUBI_RESUME_AUTHORIZATION";
    /**
     * The session attribute holding the account's session epoch when the session signed in
     * ({@link User#sessionEpoch()}): {@link ActiveSessionFilter} ends the session once the account's epoch moved on.
     */
    static final String SESSION_EPOCH = "MUSUBI_SESSION_EPOCH";
    private static final String AUTHORIZATION_PATH = "/oauth2/authorize";
    private final Users users;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionUpgrade(Users users) {
        this.users = users;
    }

    public void complete(long userId, boolean passwordChangeRequired, HttpServletRequest request,
                  HttpServletResponse response) {
        User user = users.find(userId).orElseThrow();
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(SECOND_FACTOR));
        if (passwordChangeRequired) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE));
        } else if (user.resident()) {
            authorities.add(new SimpleGrantedAuthority(RESIDENT_ROLE));
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
            if (user.networkAdmin()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_NETWORK_ADMIN"));
            }
            if (user.facilityAdmin()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_FACILITY_ADMIN"));
            }
        }
        SignedIn principal = signedIn(user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_EPOCH, user.sessionEpoch());
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }

    /**
     * Where a user goes once both factors are proven: the pending password change, a resident's notebook, or home. A
     * resident who logged in to approve an app goes back to that app's authorization request
     * ({@link #RESUME_AUTHORIZATION}), and only there: the session keeps nothing else to resume.
     */
    public String landing(long userId, boolean passwordChangeRequired, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object resume = session == null ? null : session.getAttribute(RESUME_AUTHORIZATION);
        if (session != null) {
            session.removeAttribute(RESUME_AUTHORIZATION);
        }
        if (users.find(userId).map(User::resident).orElse(false)) {
            return resume instanceof String path && path.startsWith(AUTHORIZATION_PATH + "?") ? path : "/phr";
        }
        return passwordChangeRequired ? "/account/password" : "/";
    }

    public static SignedIn signedIn(User user) {
        Set<Long> adminOf = user.memberships().stream().filter(User.Membership::facilityAdmin)
                .map(User.Membership::facilityId).collect(Collectors.toSet());
        return new SignedIn(user.id(), user.loginId(), user.nameKanji(), user.actingFacilityId().orElse(null),
                user.profession().name(), user.networkAdmin(), adminOf);
    }
}
