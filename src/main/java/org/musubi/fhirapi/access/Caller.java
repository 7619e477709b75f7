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
import org.musubi.audit.Purpose;
import org.musubi.record.Reader;
import org.musubi.security.ApiScope;
import org.musubi.security.AppAccess;
import org.musubi.security.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is behind the current FHIR request: an API client (a system, limited by its token's scopes), a signed-in
 * browser user (reads only, through their session), or a resident's connected app ({@link AppAccess}: reads only, the
 * resident's own person only, for the purpose of self access, through the rows of {@link ScopeTable#FOR_APPS}).
 *
 * @param patient the only person a resident's app may read (its token's patient); {@code null} for other callers
 */
public record Caller(SignedIn user, Set<ApiScope> scopes, boolean system, Long patient) {

    public Caller(SignedIn user, Set<ApiScope> scopes, boolean system) {
        this(user, scopes, system, null);
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn user)) {
            throw new AuthenticationException("アクセストークンが必要です / A bearer token is required");
        }
        if (authentication.getDetails() instanceof AppAccess app) {
            return new Caller(user, app.scopes(), false, app.personId());
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

    /**
     * The caller as the record store's reader. A resident's app reads for the resident's own access, whatever purpose
     * a header declares, and only the resident's own person.
     */
    public Reader reader() {
        if (patient != null) {
            return new Reader(user.userId(), null, Purpose.PATIENT_SELF_ACCESS, patient);
        }
        return new Reader(user.userId(), user.facilityId(), PurposeOfUse.current());
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
        if (patient != null && !ScopeTable.FOR_APPS.contains(row)) {
            throw refused(row.on().isEmpty() ? row.interaction() : row.on().equals(ScopeTable.Marks.EACH_TYPE)
                    ? String.join(",", named) : row.on(), row.write(), audit);
        }
        Set<String> needed = row.needed(named);
        for (String type : needed) {
            if (!Scoped.allows(scopes, type, row.write())) {
                throw refused(type, row.write(), audit);
            }
        }
        return new Scoped(row, scopes, needed);
    }

    /** A scope as the caller's token wrote it: {@code patient/…} for a resident's app. */
    private String named(ApiScope scope) {
        return patient == null ? scope.toString() : "patient/" + scope.resourceType() + ".read";
    }

    private ForbiddenOperationException refused(String type, boolean write, Audit audit) {
        audit.record(AuditEntry.of(AuditAction.ACCESS_DENIED, Outcome.DENY).on(type)
                .reason("scope " + scopes.stream().map(this::named).sorted().toList()
                        + " does not allow " + (write ? "write" : "read")));
        boolean whole = !write && ScopeTable.container(type);
        return new ForbiddenOperationException("トークンのスコープでは " + type + " の" + (write ? "書き込み" : "読み取り")
                + "は許可されていません" + (whole ? "（" + type + " には system/*.read が必要です）" : "")
                + " / The token's scope does not allow " + (write ? "writing " : "reading ") + type
                + (whole ? " (a " + type + " holds any type: it needs system/*.read)" : ""));
    }
}
