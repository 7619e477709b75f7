package org.musubi.security.internal.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Supplier;
import org.springframework.session.Session;

/**
 * A stored session as this request read it, for {@link SessionSnapshotFilter}: read without touching it, so that
 * nothing is written back at the end of the request. The first change (an attribute set or removed, the session
 * ended, its timeout changed) hands over to the request's real session ({@code real}: Spring Session's, which reads the
 * session again and writes it at the end as it always does); from then on every call goes there.
 */
final class SessionSnapshot implements HttpSession {

    private final Session stored;
    private final ServletContext context;
    private final Supplier<HttpSession> real;
    private HttpSession takenOver;

    SessionSnapshot(Session stored, ServletContext context, Supplier<HttpSession> real) {
        this.stored = stored;
        this.context = context;
        this.real = real;
    }

    /** Whether the request changed the session, so that its real session now stands for it. */
    boolean takenOver() {
        return takenOver != null;
    }

    /** The request's real session, which from now on stands for this one. */
    HttpSession takeOver() {
        if (takenOver == null) {
            takenOver = real.get();
        }
        return takenOver;
    }

    @Override
    public Object getAttribute(String name) {
        return takenOver != null ? takenOver.getAttribute(name) : stored.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return takenOver != null ? takenOver.getAttributeNames() : Collections.enumeration(stored.getAttributeNames());
    }

    @Override
    public void setAttribute(String name, Object value) {
        takeOver().setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        takeOver().removeAttribute(name);
    }

    @Override
    public void invalidate() {
        takeOver().invalidate();
    }

    @Override
    public void setMaxInactiveInterval(int seconds) {
        takeOver().setMaxInactiveInterval(seconds);
    }

    @Override
    public int getMaxInactiveInterval() {
        return takenOver != null ? takenOver.getMaxInactiveInterval() : (int) stored.getMaxInactiveInterval().toSeconds();
    }

    @Override
    public String getId() {
        return takenOver != null ? takenOver.getId() : stored.getId();
    }

    @Override
    public long getCreationTime() {
        return takenOver != null ? takenOver.getCreationTime() : stored.getCreationTime().toEpochMilli();
    }

    @Override
    public long getLastAccessedTime() {
        return takenOver != null ? takenOver.getLastAccessedTime() : stored.getLastAccessedTime().toEpochMilli();
    }

    @Override
    public boolean isNew() {
        return takenOver != null && takenOver.isNew();
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }
}
