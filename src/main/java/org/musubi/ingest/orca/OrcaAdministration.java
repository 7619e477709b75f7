package org.musubi.ingest.orca;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.outbound.Outbound;
import org.musubi.registry.Administrator;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.security.SecretBox;

/**
 * The connectors as their admin page manages them: network admins every facility's, a facility's admins their own;
 * anyone else's is {@link Optional#empty()} (the page answers 404, as for a connector that does not exist). The
 * password is sealed on the way in and never comes back out: {@link View} has none. An address the operator does not
 * let connectors reach (loopback, private networks …: {@link Outbound}) is refused when saved, and again at each pull.
 */
public final class OrcaAdministration {

    /** A connector as a page shows it: no password. */
    public record View(long id, long facilityId, String baseUrl, String username, int intervalMinutes, boolean enabled,
                       LocalDate pulledThrough, java.time.Instant lastRunAt, String lastError,
                       java.time.Instant lastErrorAt) {
        static View of(OrcaConnector c) {
            return new View(c.id(), c.facilityId(), c.baseUrl(), c.username(), c.intervalMinutes(), c.enabled(),
                    c.pulledThrough(), c.lastRunAt(), c.lastError(), c.lastErrorAt());
        }
    }

    /** What the form sends; {@code password} blank keeps the stored one; {@code since}: the first day to pull. */
    public record Settings(String baseUrl, String username, String password, Integer intervalMinutes, boolean enabled,
                           LocalDate since) {
    }

    private final OrcaConnectors connectors;
    private final SecretBox box;
    private final Outbound outbound;

    public OrcaAdministration(OrcaConnectors connectors, SecretBox box, Outbound outbound) {
        this.connectors = connectors;
        this.box = box;
        this.outbound = outbound;
    }

    public List<View> list(Administrator admin) {
        return connectors.all().stream().filter(c -> may(admin, c.facilityId())).map(View::of).toList();
    }

    public Optional<View> find(Administrator admin, long id) {
        return connectors.find(id).filter(c -> may(admin, c.facilityId())).map(View::of);
    }

    /** Creates the facility's connector or changes it; empty when the admin may not manage the facility. */
    public Optional<View> save(Administrator admin, long facilityId, Settings s) {
        if (!may(admin, facilityId)) {
            return Optional.empty();
        }
        Optional<OrcaConnector> existing = connectors.ofFacility(facilityId);
        List<FieldFault> faults = new ArrayList<>();
        if (s.baseUrl() == null || !url(s.baseUrl().strip())) {
            faults.add(FieldFault.of("baseUrl", "orca.fault.url"));
        } else if (!outbound.permits(URI.create(s.baseUrl().strip()))) {
            faults.add(FieldFault.of("baseUrl", "orca.fault.notAllowed"));
        }
        if (s.username() == null || s.username().isBlank() || s.username().strip().length() > 100) {
            faults.add(FieldFault.of("username", "orca.fault.user"));
        }
        boolean newPassword = s.password() != null && !s.password().isEmpty();
        if (existing.isEmpty() && !newPassword || newPassword && s.password().length() > 200) {
            faults.add(FieldFault.of("password", "orca.fault.password"));
        }
        if (s.intervalMinutes() == null || s.intervalMinutes() < 1 || s.intervalMinutes() > 10080) {
            faults.add(FieldFault.of("intervalMinutes", "orca.fault.interval"));
        }
        if (!faults.isEmpty()) {
            throw new InvalidRegistration(faults);
        }
        String sealed = newPassword ? box.seal(OrcaPulls.PASSWORD_PURPOSE, s.password()) : null;
        if (existing.isPresent()) {
            connectors.update(existing.get().id(), s.baseUrl().strip(), s.username().strip(), sealed, s.intervalMinutes(),
                    s.enabled());
            return connectors.find(existing.get().id()).map(View::of);
        }
        LocalDate since = s.since() == null ? LocalDate.now(ZoneId.of("Asia/Tokyo")) : s.since();
        return Optional.of(View.of(connectors.create(facilityId, s.baseUrl().strip(), s.username().strip(), sealed,
                s.intervalMinutes(), s.enabled(), since.minusDays(1))));
    }

    private static boolean url(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && text.length() <= 500;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean may(Administrator admin, long facilityId) {
        return admin.networkAdmin() || admin.adminFacilityIds().contains(facilityId);
    }
}
