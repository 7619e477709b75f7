package org.musubi.security.internal.smart;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.security.internal.api.RandomTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's register of apps residents may connect: each a public client (no secret; PKCE protects its codes)
 * with a generated client ID, a name residents see on the consent page, the exact redirect URIs it may use and the
 * scopes it may ask for. Registering and stopping are audited ({@code APP_REGISTER}); stopping an app revokes every
 * resident's grant to it at once.
 */
@Service
class SmartApps {

    static final int MAX_REDIRECT_URIS = 10;
    /** Private-use URI schemes of native apps are reverse domain names (RFC 8252 §7.1). */
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("[a-z][a-z0-9+-]*(\\.[a-z0-9+-]+)+");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private final JdbcSmartApps apps;
    private final JdbcSmartGrants grants;
    private final Audit audit;

    SmartApps(JdbcSmartApps apps, JdbcSmartGrants grants, Audit audit) {
        this.apps = apps;
        this.grants = grants;
        this.audit = audit;
    }

    List<JdbcSmartApps.App> all() {
        return apps.all();
    }

    @Transactional
    JdbcSmartApps.App register(long operatorId, String name, String redirectUris, String scopes) {
        List<String> uris = SmartScopes.parse(redirectUris);
        List<String> asked = SmartScopes.parse(scopes);
        List<FieldFault> faults = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            faults.add(FieldFault.of("name", "smartApp.name.required"));
        }
        if (uris.isEmpty() || uris.size() > MAX_REDIRECT_URIS) {
            faults.add(FieldFault.of("redirectUris", "smartApp.redirectUris.required", MAX_REDIRECT_URIS));
        }
        uris.stream().filter(u -> !acceptable(u)).forEach(u -> faults.add(FieldFault.of("redirectUris",
                "smartApp.redirectUri.invalid", u)));
        SmartScopes.unknown(asked).forEach(s -> faults.add(FieldFault.of("scopes", "smartApp.scope.unknown", s)));
        if (!SmartScopes.readsData(asked)) {
            faults.add(FieldFault.of("scopes", "smartApp.scopes.required"));
        }
        if (!faults.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.APP_REGISTER, Outcome.DENY).reason("invalid registration "
                    + faults.stream().map(FieldFault::field).distinct().toList()));
            throw new InvalidRegistration(faults);
        }
        String clientId = "app-" + RandomTokens.urlSafe(10).toLowerCase(Locale.ROOT).replace('_', '0').replace('-', '1');
        JdbcSmartApps.App app = apps.insert(clientId, name.strip(), uris, asked, operatorId);
        audit.record(AuditEntry.of(AuditAction.APP_REGISTER, Outcome.PERMIT).on("SmartApp", app.id())
                .reason(clientId + " registered, scopes " + SmartScopes.joined(asked)));
        return app;
    }

    /** Stops the app: no new approvals or tokens, and every resident's grant to it revoked now. */
    @Transactional
    boolean stop(long appId) {
        JdbcSmartApps.App app = apps.find(appId).orElse(null);
        if (app == null || !apps.deactivate(appId)) {
            return false;
        }
        List<Long> live = grants.liveOfApp(appId);
        live.forEach(id -> grants.revoke(id, "app stopped by the operator"));
        audit.record(AuditEntry.of(AuditAction.APP_REGISTER, Outcome.PERMIT).on("SmartApp", appId)
                .reason(app.clientId() + " stopped, " + live.size() + " grant(s) revoked"));
        return true;
    }

    /**
     * A redirect URI an app may register: absolute, without a fragment; {@code https}, {@code http} on the loopback
     * interface only (native apps, RFC 8252 §7.3), or a private-use scheme named like a reverse domain (§7.1).
     */
    static boolean acceptable(String uri) {
        if (uri.length() > 2000) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if (scheme == null || parsed.getRawFragment() != null) {
                return false;
            }
            return switch (scheme.toLowerCase(Locale.ROOT)) {
                case "https" -> parsed.getHost() != null && parsed.getRawUserInfo() == null;
                case "http" -> parsed.getHost() != null && LOOPBACK.contains(parsed.getHost().toLowerCase(Locale.ROOT))
                        && parsed.getRawUserInfo() == null;
                default -> PRIVATE_SCHEME.matcher(scheme).matches();
            };
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
