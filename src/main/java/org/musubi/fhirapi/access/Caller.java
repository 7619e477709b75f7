package org.musubi.fhirapi.access;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Collection;
import java.util.List;
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
public record Caller(SignedIn user, Set<ApiScope> scopes, boolean system) {

    public static Caller current() {
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

    /** The current caller, refused (403, audited once) unless the token's scopes allow {@code row} on {@code named}. */
    public static Caller allowed(ScopeTable row, Audit audit, String... named) {
        Caller caller = current();
        caller.scoped(row, audit, named);
        return caller;
    }

    public long userId() {
        return user.userId();
    }

    public Long facilityId() {
        return user.facilityId();
    }

    /** The facility a write is made for; refused (403) for users without one, who never write. */
    public long writingFacility() {
        if (user.facilityId() == null) {
            throw new ForbiddenOperationException("施設に所属しない利用者は書き込めません / Only a facility can write");
        }
        return user.facilityId();
    }

    public org.musubi.record.Reader reader() {
        return new org.musubi.record.Reader(user.userId(), user.facilityId(), PurposeOfUse.current());
    }

    /**
     * The call as its row of the {@link ScopeTable} shapes it; {@code named}: the type the call is on, or its entries'
     * types, where the row takes them. Refused (403, audited once) when no scope allows a type the call needs: a
     * refusal about the caller's own token, not about any patient's data.
     */
    public Scoped scoped(ScopeTable row, Audit audit, String... named) {
        return scoped(row, audit, List.of(named));
    }

    public Scoped scoped(ScopeTable row, Audit audit, Collection<String> named) {
        Set<String> needed = row.needed(named);
        for (String type : needed) {
            if (!Scoped.allows(scopes, type, row.write())) {
                throw refused(type, row.write(), audit);
            }
        }
        return new Scoped(row, scopes, needed);
    }

    private ForbiddenOperationException refused(String type, boolean write, Audit audit) {
        audit.record(AuditEntry.of(AuditAction.ACCESS_DENIED, Outcome.DENY).on(type)
                .reason("scope " + scopes.stream().map(ApiScope::toString).sorted().toList()
                        + " does not allow " + (write ? "write" : "read")));
        boolean whole = !write && ScopeTable.container(type);
        return new ForbiddenOperationException("トークンのスコープでは " + type + " の" + (write ? "書き込み" : "読み取り")
                + "は許可されていません" + (whole ? "（" + type + " には system/*.read が必要です）" : "")
                + " / The token's scope does not allow " + (write ? "writing " : "reading ") + type
                + (whole ? " (a " + type + " holds any type: it needs system/*.read)" : ""));
    }
}
