package org.musubi.fhirapi.access;

import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.record.RecordQuery;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.record.read.Includes;
import org.musubi.security.ApiScope;

/**
 * One call as its row of the {@link ScopeTable} and the token's scopes shape it: the types it needs (all allowed,
 * or the call was refused) and the others it returns. It narrows a record query in SQL, so totals and pages count
 * only what is returned, and the resources a read includes before the policy judges them and the audit row names
 * them.
 */
public record Scoped(ScopeTable row, Set<ApiScope> scopes, Set<String> needed) {

    /** Whether a scope allows this access to {@code type}; reading a container (a Bundle) needs one for every type. */
    static boolean allows(Set<ApiScope> scopes, String type, boolean write) {
        return scopes.stream().anyMatch(s -> s.permits(type, write)
                && (write || !ScopeTable.container(type) || s.resourceType().equals("*")));
    }

    /** Whether the call returns resources of {@code type}. */
    public boolean returns(String type) {
        return needed.contains(type) || (row.mayReturn(type) && allows(scopes, type, row.write()));
    }

    /**
     * The search of every type (or of {@code query.types()}) cut to the types the call returns; unchanged when it
     * returns them all.
     */
    public RecordQuery narrow(RecordQuery query) {
        if (query.type() != null) {
            throw new IllegalArgumentException("a search of one type is refused or not, never narrowed");
        }
        Set<String> asked = query.types() != null ? query.types() : ResourceKind.types();
        Set<String> kept = asked.stream().filter(this::returns).collect(Collectors.toUnmodifiableSet());
        if (kept.equals(asked)) {
            return query;
        }
        if (kept.isEmpty()) { // an empty set would mean every type
            throw new IllegalStateException(row + " returns none of " + asked);
        }
        return query.ofTypes(kept);
    }

    /** The resources a read includes, of the types the call returns only. */
    public Includes narrow(Includes includes) {
        return found -> includes.referencedBy(found).stream().filter(r -> returns(r.substring(0, r.indexOf('/')))).toList();
    }
}
