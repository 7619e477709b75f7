package org.musubi.security;

import java.util.List;
import java.util.Set;
import org.musubi.registry.Administrator;

/**
 * Registering the facility systems that call the FHIR API. Network administrators manage every
 * facility's clients, facility administrators those of their own facilities. The client secret is
 * shown once and stored only as a hash.
 */
public interface ApiClientAdministration {

    NewApiClient register(Administrator admin, long facilityId, String name, Set<ApiScope> scopes);

    /** The clients of one facility, or of all facilities the administrator manages when {@code null}. */
    List<ApiClient> clients(Administrator admin, Long facilityId);

    /** A new secret; the old one stops working and the client's tokens are revoked. */
    IssuedSecret newSecret(Administrator admin, String clientId);

    /**
     * Registers the client's public keys (a JWK Set: RSA, or EC P-256/P-384) for SMART Backend
     * Services authentication with a signed JWT; {@code null} or blank removes them.
     * Throws {@link org.musubi.registry.InvalidRegistration} naming the field when the set is unusable.
     */
    void setPublicKeys(Administrator admin, String clientId, String jwks);

    /** Disables the client and revokes its tokens at once. */
    void revoke(Administrator admin, String clientId);

    record NewApiClient(ApiClient client, String secret) {
    }
}
