package org.musubi.security;

import java.time.Instant;
import java.util.Set;

/**
 * A facility system allowed to call the FHIR API with OAuth2 client credentials. It acts as a
 * user of profession {@code FACILITY_SYSTEM} at its facility, so the access policy and the audit
 * trail treat its calls like a person's.
 */
public record ApiClient(long userId, String clientId, String name, Long facilityId, Set<ApiScope> scopes,
                        boolean active, Instant createdAt, boolean publicKeys) {

    public ApiClient {
        scopes = Set.copyOf(scopes);
    }
}
