package org.musubi.web.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request concurrency limit ({@link RequestConcurrencyLimit}).
 *
 * @param maxConcurrentRequests requests served at once, the others waiting their turn; 0 means half the database pool,
 *                              so that each request can hold two connections
 * @param maxQueueWait          how long a request waits for its turn before it is answered 503 with Retry-After
 */
@ConfigurationProperties("musubi.web")
public record WebProperties(@DefaultValue("0") int maxConcurrentRequests, @DefaultValue("30s") Duration maxQueueWait) {
}
