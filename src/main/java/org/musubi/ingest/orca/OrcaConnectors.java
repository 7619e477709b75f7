package org.musubi.ingest.orca;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The stored connectors (table {@code orca_connector}, V67). */
public interface OrcaConnectors {

    List<OrcaConnector> all();

    Optional<OrcaConnector> find(long id);

    Optional<OrcaConnector> ofFacility(long facilityId);

    OrcaConnector create(long facilityId, String baseUrl, String username, String passwordSealed, int intervalMinutes,
                         boolean enabled, LocalDate pulledThrough);

    /** Changes the settings; {@code passwordSealed} null keeps the password. */
    void update(long id, String baseUrl, String username, String passwordSealed, int intervalMinutes, boolean enabled);

    /** A window imported whole: the cursor moves to {@code through}, the error is cleared. */
    void pulled(long id, LocalDate through, Instant at);

    /** A pull that failed: the cursor stays. */
    void failed(long id, String error, Instant at);
}
