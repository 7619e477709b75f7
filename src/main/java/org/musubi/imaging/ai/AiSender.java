package org.musubi.imaging.ai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a work item's analysis request to its service ({@code POST {base}/analyses}, JSON, {@code Authorization:
 * Bearer} the service's token) and says what comes of it for the work item ({@link Step}): taken (2xx: SENT),
 * tried again later with backoff (unreachable, timeout, 5xx, 429: QUEUED with the next attempt's time, or FAILED when
 * retries are used up), or refused (any other 4xx: FAILED at once, the request will not get better). Redirects are not
 * followed (the token must not travel elsewhere).
 */
public final class AiSender {

    private final HttpClient http;
    private final Duration timeout;

    public AiSender(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /** What a send means for the work item: its next state, when it is tried again (QUEUED only) and why. */
    public record Step(WorkState state, Instant retryAt, String error) {
    }

    /** Sends {@code json} for {@code item} (its {@code attempts} before this one) to {@code service}. */
    public Step send(AiService service, String plainToken, AiWorkItem item, String json, Instant now) {
        if (!AiService.acceptableBaseUrl(service.baseUrl())) {
            return new Step(WorkState.FAILED, null, "base URL not HTTPS: " + service.baseUrl());
        }
        String base = service.baseUrl().strip().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/analyses")).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + plainToken)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        int status;
        String error;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = "the service answered " + status;
        } catch (IOException e) {
            status = -1;
            error = "the service cannot be reached: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = "interrupted";
        }
        if (status >= 200 && status < 300) {
            return new Step(WorkState.SENT, null, null);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Step(WorkState.FAILED, null, error);
        }
        Instant retry = AiWorkItem.retryAt(item.attempts() + 1, now);
        return retry == null ? new Step(WorkState.FAILED, null, error + " (" + AiWorkItem.MAX_ATTEMPTS + " attempts)")
                : new Step(WorkState.QUEUED, retry, error);
    }

    /** Ends the HTTP client (its threads end with it). */
    public void close() {
        http.shutdownNow();
    }
}
