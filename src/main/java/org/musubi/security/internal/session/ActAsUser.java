package org.musubi.security.internal.session;

import java.util.List;
import java.util.function.Supplier;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ActAs;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Sets the user's sign-in on this thread for the work's duration and puts the former one back. */
@Component
class ActAsUser implements ActAs {

    private final Users users;

    ActAsUser(Users users) {
        this.users = users;
    }

    @Override
    public <T> T user(long userId, Supplier<T> work) {
        User user = users.find(userId).filter(User::active)
                .orElseThrow(() -> new IllegalArgumentException("no active user " + userId));
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SessionUpgrade.signedIn(user), null,
                List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
