package org.musubi.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings.
 *
 * @param spoolDirectory where a read-only standby keeps its audit spool (local durable storage only Musubi can write)
 */
@ConfigurationProperties("musubi.audit")
public record AuditProperties(@DefaultValue("./data/spool") Path spoolDirectory) {
}
