package org.musubi.fhirapi.internal;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.ApiScope;
import org.musubi.security.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is behind the current FHIR request: an API client (a system, limited by its token's scopes)
 * or a signed-in browser user (reads only, through their session).
 */
record Caller(SignedIn user, Set<ApiScope> scopes, boolean system) {

    static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn user)) {
            throw new AuthenticationException("アクセストークンが必要です / A bearer token is required");
        }
        boolean api = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_API".equals(a.getAuthority()));
        if (!api) {
            return new Caller(user, Set.of(ApiScope.parse("system/*.read")), false);
        }
        Set<ApiScope> scopes = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("SCOPE_")).map(a -> ApiScope.parse(a.substring(6)))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(user, scopes, true);
    }

    long userId() {
        return user.userId();
    }

    Long facilityId() {
        return user.facilityId();
    }

    /** The facility a write is made for; refused (403) for users without one, who never write. */
    long writingFacility() {
        if (user.facilityId() == null) {
            throw new ForbiddenOperationException("施設に所属しない利用者は書き込めません / Only a facility can write");
        }
        return user.facilityId();
    }

    org.musubi.record.Reader reader() {
        return new org.musubi.record.Reader(user.userId(), user.facilityId(), PurposeOfUse.current());
    }

    /** Refuses (403, audited) unless a scope of the token allows this access to the resource type. */
    void require(String resourceType, boolean write, Audit audit) {
        if (scopes.stream().noneMatch(s -> s.permits(resourceType, write))) {
            audit.record(AuditEntry.of(AuditAction.ACCESS_DENIED, Outcome.DENY).on(resourceType)
                    .reason("scope " + scopes.stream().map(ApiScope::toString).sorted().toList()
                            + " does not allow " + (write ? "write" : "read")));
            throw new ForbiddenOperationException("トークンのスコープでは " + resourceType + " の"
                    + (write ? "書き込み" : "読み取り") + "は許可されていません / The token's scope does not allow "
                    + (write ? "writing " : "reading ") + resourceType);
        }
    }
}
