package org.musubi.phr.web;

import jakarta.servlet.http.HttpSession;
import org.musubi.phr.MyProxies;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Component;

/**
 * Whose notebook a session shows: the resident's own, or, after they chose to act as proxy (代理人) for someone, that
 * person's while their grant is live. The policy decides again on every read (a grant ended meanwhile answers like no
 * record); a lapsed choice falls back to the resident's own notebook.
 */
@Component
public class NotebookOwner {

    static final String ACTING_FOR = "PHR_ACTING_FOR";
    private final Users users;
    private final MyProxies proxies;

    NotebookOwner(Users users, MyProxies proxies) {
        this.users = users;
        this.proxies = proxies;
    }

    public long own(SignedIn me) {
        return users.find(me.userId()).map(User::personId).orElseThrow();
    }

    public long of(SignedIn me, HttpSession session) {
        Long actingFor = (Long) session.getAttribute(ACTING_FOR);
        if (actingFor != null && proxies.mayActFor(me.userId(), actingFor)) {
            return actingFor;
        }
        session.removeAttribute(ACTING_FOR);
        return own(me);
    }
}
