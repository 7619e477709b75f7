package org.musubi.disaster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disaster mode's settings.
 *
 * @param refreshInterval how often what is on is read again from the database, so that a switch made on another
 *                        server (the primary, seen from a read-only standby) takes effect without a restart; 0 turns
 *                        it off
 */
@ConfigurationProperties("musubi.disaster")
public record DisasterProperties(@DefaultValue("30s") Duration refreshInterval) {
}
