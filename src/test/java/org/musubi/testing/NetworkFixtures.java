package org.musubi.testing;

import org.musubi.consent.Consents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What most integration tests of the shared network ({@link MusubiIntegrationTest}) reach for, injected here once:
 * the server's port, fresh accounts and facilities and their logins ({@link TestAccounts}), FHIR API clients
 * ({@link FhirClients}), consents and links, the audit rows a test asserts ({@link AuditRows}) and the database.
 * A test class extends it and keeps {@code @MusubiIntegrationTest} on itself; whatever else it needs it autowires
 * itself.
 */
public abstract class NetworkFixtures {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestAccounts accounts;
    @Autowired
    protected FhirClients clients;
    @Autowired
    protected Consents consents;
    @Autowired
    protected AuditRows audit;
    @Autowired
    protected JdbcClient jdbc;

    /** A headless Chromium on this server, signed in as {@code user} (password and second factor); close it after. */
    protected Chromium browserAs(org.musubi.registry.User user) {
        Chromium started = Chromium.start(port);
        started.logIn(user, TestAccounts.PASSWORD, accounts::nextCode);
        return started;
    }

    /**
     * A new patient of {@code facility} (registered through its FHIR API), linked there with the card and with an
     * active consent to share for treatment with every facility: the person's id.
     */
    protected long linkedConsentedPatientAt(org.musubi.registry.Facility facility) {
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(clients.fhirFor(port, facility, "system/*.read", "system/*.write"), facility, localId,
                FhirRecords.uniqueKana());
        long person = clients.personOf(facility, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, facility.id(), admin);
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                java.util.Set.of(org.musubi.audit.Purpose.TREATMENT), admin, facility.id());
        return person;
    }
}
