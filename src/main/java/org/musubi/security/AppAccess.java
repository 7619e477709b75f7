package org.musubi.security;

import java.util.Set;

/**
 * A resident's connected app calling the FHIR API with its access token (SMART App Launch, standalone patient
 * launch): it acts as the resident (the request's user is the resident's account), reads only, and only the
 * resident's own person, whatever proxy grants the resident holds.
 *
 * @param personId the resident's own regional person: the token's patient, the only person it may read
 * @param clientId the app's client ID, named in the audit trail as the row's login id
 * @param scopes   what the token's {@code patient/…} scopes allow, as resource types read
 */
public record AppAccess(long personId, String clientId, Set<ApiScope> scopes) {

    /** The profession the audit trail records for a request made by a resident's app. */
    public static final String PROFESSION = "RESIDENT_APP";

    public AppAccess {
        scopes = Set.copyOf(scopes);
    }
}
