package org.musubi.security.internal.session;

import org.musubi.audit.Actor;
import org.musubi.audit.ActorSource;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.login.LoginAccount;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The audit trail's view of who is acting: the signed-in user, or a user midway through login. */
@Component
public class CurrentActor implements ActorSource {

    @Override
    public Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Actor of(Authentication authentication) {
        if (authentication == null) {
            return Actor.anonymous();
        }
        return switch (authentication.getPrincipal()) {
            case SignedIn s -> new Actor(s.userId(), s.loginId(), s.facilityId(), s.profession());
            case LoginAccount a -> new Actor(a.userId(), a.loginId(), null, null);
            default -> Actor.anonymous();
        };
    }
}
