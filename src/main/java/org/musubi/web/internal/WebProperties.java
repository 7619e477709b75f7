package org.musubi.web.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request concurrency limit ({@link RequestConcurrencyLimit}) and the reverse proxies Musubi believes
 * ({@link TrustedProxies}).
 *
 * @param maxConcurrentRequests requests served at once, the others waiting their turn; 0 means half the database pool,
 *                              so that each request can hold two connections
 * @param maxQueueWait          how long a request waits for its turn before it is answered 503 with Retry-After
 * @param trustedProxies        the reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 *                              believed: addresses or CIDR blocks; empty (the default): nobody's, the client's address
 *                              is the connection's. A wrong entry stops the start
 */
@ConfigurationProperties("musubi.web")
public record WebProperties(@DefaultValue("0") int maxConcurrentRequests, @DefaultValue("30s") Duration maxQueueWait,
                            @DefaultValue List<String> trustedProxies) {

    public WebProperties {
        trustedProxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(TrustedProxies::block).toList();
    }
}
