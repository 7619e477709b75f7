package org.musubi.emergency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Emergencies' settings ({@code musubi.emergency}); how long a crew's own access lasts is the policy's
 * {@code musubi.policy.crew-emergency-duration} (default 2 hours).
 *
 * @param handOverDuration how long the receiving hospital may open a hand-over after the crew made it
 * @param reviewOverdue    an emergency access no operator reviewed this long after it opened is flagged as overdue on
 *                         the review list and counted beside the operators' alert
 */
@ConfigurationProperties("musubi.emergency")
public record EmergencyProperties(@DefaultValue("4h") Duration handOverDuration,
                                  @DefaultValue("72h") Duration reviewOverdue) {
}
