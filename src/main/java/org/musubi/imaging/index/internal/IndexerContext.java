package org.musubi.imaging.index.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.musubi.imaging.index.ActingIndexer;
import org.musubi.registry.Profession;
import org.musubi.security.SignedIn;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** {@link ActingIndexer} in Spring Security's context of the current (background) thread, restored afterwards. */
public final class IndexerContext implements ActingIndexer {

    /** The indexer user's login id (V69). */
    public static final String LOGIN = "system:imaging-indexer";

    @Override
    public <T> T actFor(long userId, long facilityId, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SignedIn(userId, LOGIN,
                "画像インデクサ", facilityId, Profession.FACILITY_SYSTEM.name(), false, Set.of()), null, List.of()));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
