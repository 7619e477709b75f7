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
}
