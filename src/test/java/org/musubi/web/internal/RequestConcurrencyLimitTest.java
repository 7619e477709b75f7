package org.musubi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The limit on requests served at once, with Spring's servlet test objects (no server needed): a
 * request over the limit waits its turn, one that waited too long gets 503 with Retry-After, and
 * static files are never held back.
 */
class RequestConcurrencyLimitTest {

    @Test
    void aRequestOverTheLimitWaitsForItsTurnAndIsServedWhenOneEnds() throws Exception {
        RequestConcurrencyLimit limit = new RequestConcurrencyLimit(1, Duration.ofSeconds(10));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> serve(limit, "/portal", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = new MockHttpServletResponse();
        Thread waiting = Thread.ofVirtual().start(() -> {
            try {
                limit.doFilter(new MockHttpServletRequest("GET", "/portal"), second, new MockFilterChain());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting.join(Duration.ofMillis(300))).as("the second request waits while the first is served").isFalse();
        release.countDown();
        assertThat(waiting.join(Duration.ofSeconds(5))).isTrue();
        first.join();
        assertThat(second.getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestThatWaitedTooLongIsAnswered503WithRetryAfterInJapaneseAndEnglish() throws Exception {
        RequestConcurrencyLimit limit = new RequestConcurrencyLimit(1, Duration.ofMillis(200));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> serve(limit, "/fhir/Patient", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        limit.doFilter(new MockHttpServletRequest("GET", "/fhir/Patient"), refused, chain);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getContentAsString()).contains("混み合っている", "busy");
        assertThat(chain.getRequest()).as("the refused request never reached the application").isNull();

        MockHttpServletResponse css = new MockHttpServletResponse();
        MockFilterChain cssChain = new MockFilterChain();
        limit.doFilter(new MockHttpServletRequest("GET", "/css/musubi.css"), css, cssChain);
        assertThat(cssChain.getRequest()).as("static files pass while the limit is reached").isNotNull();

        release.countDown();
        first.join();
        MockFilterChain after = new MockFilterChain();
        limit.doFilter(new MockHttpServletRequest("GET", "/fhir/Patient"), new MockHttpServletResponse(), after);
        assertThat(after.getRequest()).as("the permit was given back").isNotNull();
    }

    private static void serve(RequestConcurrencyLimit limit, String path, CountDownLatch entered, CountDownLatch release) {
        try {
            limit.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), (request, response) -> {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
