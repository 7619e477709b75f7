package org.musubi.security.internal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.security.ApiClient;
import org.musubi.security.ApiClientAdministration;
import org.musubi.security.ApiScope;
import org.musubi.security.IssuedSecret;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApiClientAdministrationService implements ApiClientAdministration {

    static final String SYSTEM_KANA = "システム";
    private final Users users;
    private final Facilities facilities;
    private final JdbcApiClients clients;
    private final PasswordEncoder encoder;
    private final Audit audit;

    ApiClientAdministrationService(Users users, Facilities facilities, JdbcApiClients clients, PasswordEncoder encoder,
                                   Audit audit) {
        this.users = users;
        this.facilities = facilities;
        this.clients = clients;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    @Transactional
    public NewApiClient register(Administrator admin, long facilityId, String name, Set<ApiScope> scopes) {
        if (!admin.networkAdmin() && !admin.adminFacilityIds().contains(facilityId)) {
            audit.record(AuditEntry.of(AuditAction.API_CLIENT_CREATE, Outcome.DENY).on("Facility", facilityId)
                    .reason("outside the administrator's facilities"));
            throw new NotPermitted("api client administration");
        }
        check(facilityId, name, scopes);
        String clientId = "api-" + RandomTokens.urlSafe(10).toLowerCase(Locale.ROOT).replace('_', '0').replace('-', '1');
        User user = users.insert(new UserDraft(clientId, name.strip(), SYSTEM_KANA, Profession.FACILITY_SYSTEM,
                List.of(new User.Membership(facilityId, false)), false, UserStatus.ACTIVE), false);
        String secret = RandomTokens.urlSafe(32);
        clients.insert(user.id(), clientId, encoder.encode(secret), scopes, admin.userId());
        audit.record(AuditEntry.of(AuditAction.API_CLIENT_CREATE, Outcome.PERMIT).on("User", user.id())
                .reason(clientId + " " + scopes.stream().map(ApiScope::toString).sorted().toList()));
        return new NewApiClient(client(clients.findByUser(user.id()).orElseThrow()), secret);
    }

    @Override
    public List<ApiClient> clients(Administrator admin, Long facilityId) {
        return clients.all().stream().map(this::client)
                .filter(c -> facilityId == null || facilityId.equals(c.facilityId()))
                .filter(c -> admin.networkAdmin() || admin.adminFacilityIds().contains(c.facilityId()))
                .toList();
    }

    @Override
    @Transactional
    public IssuedSecret newSecret(Administrator admin, String clientId) {
        ApiClient client = managed(admin, clientId, AuditAction.API_CLIENT_SECRET);
        String secret = RandomTokens.urlSafe(32);
        clients.replaceSecret(client.userId(), encoder.encode(secret));
        audit.record(AuditEntry.of(AuditAction.API_CLIENT_SECRET, Outcome.PERMIT).on("User", client.userId())
                .reason(clientId + " tokens revoked"));
        return new IssuedSecret(secret, null);
    }

    @Override
    public void setPublicKeys(Administrator admin, String clientId, String jwks) {
        ApiClient client = managed(admin, clientId, AuditAction.API_CLIENT_KEYS);
        String keys = jwks == null || jwks.isBlank() ? null : jwks.strip();
        int count = 0;
        if (keys != null) {
            try {
                count = ClientAssertions.check(keys);
            } catch (RuntimeException e) {
                throw new InvalidRegistration(List.of(FieldFault.of("jwks", "apiClient.jwks.invalid")));
            }
        }
        clients.setJwks(client.userId(), keys);
        audit.record(AuditEntry.of(AuditAction.API_CLIENT_KEYS, Outcome.PERMIT).on("User", client.userId())
                .reason(clientId + " " + count + " public key(s)"));
    }

    @Override
    @Transactional
    public void revoke(Administrator admin, String clientId) {
        ApiClient client = managed(admin, clientId, AuditAction.API_CLIENT_REVOKE);
        User user = users.find(client.userId()).orElseThrow();
        users.update(user.id(), new UserDraft(user.loginId(), user.nameKanji(), user.nameKana(), user.profession(),
                user.memberships(), false, UserStatus.DISABLED));
        clients.revokeTokens(user.id());
        audit.record(AuditEntry.of(AuditAction.API_CLIENT_REVOKE, Outcome.PERMIT).on("User", user.id()).reason(clientId));
    }

    private ApiClient managed(Administrator admin, String clientId, AuditAction action) {
        ApiClient client = clients.find(clientId == null ? "" : clientId).map(this::client)
                .orElseThrow(() -> new NotPermitted("unknown api client"));
        if (!admin.networkAdmin() && !admin.adminFacilityIds().contains(client.facilityId())) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("User", client.userId())
                    .reason("outside the administrator's facilities"));
            throw new NotPermitted("api client administration");
        }
        return client;
    }

    private void check(long facilityId, String name, Set<ApiScope> scopes) {
        List<FieldFault> faults = new ArrayList<>();
        if (facilities.find(facilityId).filter(f -> f.kind().participating()).isEmpty()) {
            faults.add(FieldFault.of("facilityId", "user.memberships.unknown", facilityId));
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            faults.add(FieldFault.of("name", "apiClient.name.required"));
        }
        if (scopes == null || scopes.isEmpty()) {
            faults.add(FieldFault.of("scopes", "apiClient.scopes.required"));
        }
        if (!faults.isEmpty()) {
            throw new InvalidRegistration(faults);
        }
    }

    ApiClient client(JdbcApiClients.Row row) {
        User user = users.find(row.userId()).orElseThrow();
        return new ApiClient(row.userId(), row.clientId(), user.nameKanji(), user.actingFacilityId().orElse(null),
                row.scopes(), user.active(), row.createdAt(), row.jwks() != null);
    }

}
