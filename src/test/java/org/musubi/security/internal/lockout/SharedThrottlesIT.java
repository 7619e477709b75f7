package org.musubi.security.internal.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Audit;
import org.musubi.consent.Refused;
import org.musubi.consent.RefusedAttempts;
import org.musubi.database.Standby;
import org.musubi.identity.FindPerson;
import org.musubi.identity.Sex;
import org.musubi.policy.EmergencyEligibility;
import org.musubi.policy.OpenEmergencyAccess;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ClientLockouts;
import org.musubi.security.LoginThrottle;
import org.musubi.security.Reauthentication;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Two nodes over one database count throttles together (issue 41). Node A is the running server, driven over HTTP;
 * node B is a second set of the same classes built on its own over the same database, as a second process would
 * have them (nothing shared but PostgreSQL): failures counted through either are refused by the other, a lock notice
 * set through one is told by the other and cleared through it, and the emergency look-ups that find no one add up.
 */
@MusubiIntegrationTest
class SharedThrottlesIT extends NetworkFixtures {

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    /** musubi.security.ip-max-failures in the integration tests. */
    private static final int IP_LIMIT = 40;

    @Autowired
    Standby standby;
    @Autowired
    ApplicationContext context;

    @Test
    void failedLoginsThroughBothNodesAddUpAndEachRefusesTheAddress() {
        String address = client();
        WebSession web = new WebSession(port).withHeader("X-Forwarded-For", address);
        for (int i = 0; i < IP_LIMIT / 2; i++) {
            assertThat(WebSession.location(accounts.passwordStep(web, "shared-" + i + "-" + address, "wrong")))
                    .isEqualTo("/login?error");
        }
        LoginThrottle nodeB = throttle(Clock.systemUTC());

        List<Boolean> reached = new ArrayList<>();
        for (int i = 0; i < IP_LIMIT / 2; i++) {
            reached.add(nodeB.recordFailure(address));
        }

        assertThat(reached.subList(0, reached.size() - 1)).containsOnly(false);
        assertThat(reached.getLast()).as("node B counted node A's failures: its 20th is the 40th").isTrue();
        assertThat(nodeB.refused(address)).isTrue();
        assertThat(nodeB.retryAfterSeconds(address)).isBetween(1L, 600L);
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        HttpResponse<String> refused = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);
        assertThat(refused.statusCode()).as("node A refuses what node B counted").isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void twoNodesCountingOneAddressAtOnceLoseNoFailureAndOnlyOneSeesTheLimitReached() throws Exception {
        String address = client();
        int limit = 120;
        List<LoginThrottle> nodes = List.of(new LoginThrottle(limit, Duration.ofMinutes(10), Clock.systemUTC(),
                new JdbcLoginWindows(jdbc, standby)), new LoginThrottle(limit, Duration.ofMinutes(10), Clock.systemUTC(),
                new JdbcLoginWindows(jdbc, standby)));
        List<Future<Integer>> counted = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            for (int t = 0; t < 6; t++) {
                LoginThrottle node = nodes.get(t % 2);
                counted.add(threads.submit(() -> {
                    int reachedHere = 0;
                    for (int i = 0; i < limit / 6; i++) {
                        reachedHere += node.recordFailure(address) ? 1 : 0;
                    }
                    return reachedHere;
                }));
            }
        }
        int reached = 0;
        for (Future<Integer> f : counted) {
            reached += f.get();
        }

        assertThat(reached).as("exactly one failure, on one node, is the one that reached the limit").isEqualTo(1);
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE address = ?").param(address)
                .query(Integer.class).single()).isEqualTo(limit);
        assertThat(nodes).allMatch(node -> node.refused(address));
    }

    @Test
    void aLockNoticeSetThroughOneNodeIsToldByTheOtherAndClearedThroughIt() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.NURSE);
        String address = client();
        WebSession web = new WebSession(port).withHeader("X-Forwarded-For", address);
        for (int i = 0; i < 4; i++) {
            assertThat(WebSession.location(accounts.passwordStep(web, user.loginId(), "wrong " + i)))
                    .isEqualTo("/login?error");
        }
        ClientLockouts nodeB = lockouts();

        assertThat(nodeB.recordFailure(address, " " + user.loginId().toUpperCase() + " "))
                .as("node B's failure is the fifth of this client: it locks").isPresent();
        assertThat(WebSession.location(accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD)))
                .as("node A tells the client the login id is locked, without checking the password")
                .isEqualTo("/login?locked");

        nodeB.clear(address, user.loginId());

        assertThat(WebSession.location(accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD)))
                .as("the account itself saw four failures only: cleared through node B, node A lets it in")
                .isEqualTo("/login/second-factor");
        String otherAddress = client();
        WebSession other = new WebSession(port).withHeader("X-Forwarded-For", otherAddress);
        for (int i = 0; i < 5; i++) {
            accounts.passwordStep(other, "nobody-" + address, "wrong " + i);
        }
        assertThat(nodeB.lockedUntil(otherAddress, "nobody-" + address))
                .as("a lock counted by node A is seen by node B").isPresent();
    }

    @Test
    void emergencyLookUpsFindingNoOneAddUpAcrossNodes() {
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);
        web.get("/portal/emergency");
        for (int i = 0; i < 5; i++) {
            web.post("/portal/emergency", "kanaName", "ダレモイナイ " + FhirRecords.uniqueKana(), "birthDate", "1950-01-01",
                    "sex", "FEMALE");
        }
        OpenEmergencyAccess nodeB = emergencyAccess();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> nodeB.find(doctor.id(), nobody())).isInstanceOf(Refused.class)
                    .extracting(e -> ((Refused) e).messageKey()).isEqualTo(OpenEmergencyAccess.NOT_FOUND);
        }

        assertThatThrownBy(() -> nodeB.find(doctor.id(), nobody())).isInstanceOf(Refused.class)
                .extracting(e -> ((Refused) e).messageKey()).as("five misses on each node make ten")
                .isEqualTo(OpenEmergencyAccess.THROTTLED);
        assertThat(web.post("/portal/emergency", "kanaName", "ダレモイナイ " + FhirRecords.uniqueKana(),
                "birthDate", "1950-01-01", "sex", "FEMALE").body()).contains("data-key=\"emergency.throttled\"");
    }

    @Test
    void attackersLongTextMakesNoLongRows() {
        String longAddress = client() + "x".repeat(10_000);
        String longLoginId = "y".repeat(10_000);

        throttle(Clock.systemUTC()).recordFailure(longAddress);
        lockouts().recordFailure(longAddress, longLoginId);

        assertThat(jdbc.sql("SELECT max(length(address)) FROM login_throttle").query(Integer.class).single())
                .isLessThanOrEqualTo(64);
        assertThat(jdbc.sql("SELECT max(length(address)) + max(length(login_id)) FROM lock_notice")
                .query(Integer.class).single()).isLessThanOrEqualTo(128);
        assertThat(throttle(Clock.systemUTC()).recordFailure(longAddress.substring(0, 64) + "z".repeat(500)))
                .as("the cut address counts as the same one").isFalse();
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE address = ?").param(longAddress.substring(0, 64))
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void endedWindowsAndExpiredNoticesAndOldAttemptsAreDeletedAFewAtATimeAsFailuresAreCounted() {
        Instant now = Instant.now();
        Timestamp past = Timestamp.from(now.minus(Duration.ofHours(1)));
        String prefix = "sweep-" + client() + "-";
        for (int i = 0; i < 3 * JdbcLoginWindows.SWEEP; i++) {
            jdbc.sql("INSERT INTO login_throttle (address, window_end, failures) VALUES (?, ?, 3)")
                    .params(prefix + i, past).update();
            jdbc.sql("INSERT INTO lock_notice (address, login_id, failures, locked_until, expires_at)"
                    + " VALUES (?, 'x', 5, ?, ?)").params(prefix + i, past, past).update();
            jdbc.sql("INSERT INTO refused_attempt (kind, key, attempted_at) VALUES ('LINK', ?, ?)")
                    .params(prefix + i, Timestamp.from(now.minus(Duration.ofDays(30)))).update();
        }
        Clock at = Clock.fixed(now, ZoneOffset.UTC);
        long windows = ended("login_throttle", "window_end", now);
        long notices = ended("lock_notice", "expires_at", now);
        long attempts = old(now);

        throttle(at).recordFailure(client());
        new ClientLockouts(5, Duration.ofMinutes(15), at, new JdbcLockNotices(jdbc, standby)).recordFailure(client(), "a");
        context.getBean(RefusedAttempts.class).record(RefusedAttempts.Kind.LINK, "sweep", null, null, now);

        assertThat(ended("login_throttle", "window_end", now)).isEqualTo(windows - JdbcLoginWindows.SWEEP);
        assertThat(ended("lock_notice", "expires_at", now)).isEqualTo(notices - JdbcLoginWindows.SWEEP);
        assertThat(old(now)).as("attempts older than every window (a day here)")
                .isEqualTo(attempts - JdbcLoginWindows.SWEEP);
    }

    private long ended(String table, String end, Instant now) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + end + " <= ?").param(Timestamp.from(now))
                .query(Long.class).single();
    }

    private long old(Instant now) {
        return jdbc.sql("SELECT count(*) FROM refused_attempt WHERE attempted_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
    }

    private LoginThrottle throttle(Clock clock) {
        return new LoginThrottle(IP_LIMIT, Duration.ofMinutes(10), clock, new JdbcLoginWindows(jdbc, standby));
    }

    private ClientLockouts lockouts() {
        return new ClientLockouts(5, Duration.ofMinutes(15), Clock.systemUTC(), new JdbcLockNotices(jdbc, standby));
    }

    /** Node B's break-the-glass: the same beans but its own refused attempts, made as Spring makes node A's. */
    private OpenEmergencyAccess emergencyAccess() {
        RefusedAttempts misses = (RefusedAttempts) context.getAutowireCapableBeanFactory()
                .createBean(AopProxyUtils.ultimateTargetClass(context.getBean(RefusedAttempts.class)));
        assertThat(misses).isNotSameAs(context.getBean(RefusedAttempts.class));
        return new OpenEmergencyAccess(new OpenEmergencyAccess.Parts(context.getBean(EmergencyEligibility.class),
                context.getBean(FindPerson.class), consents, context.getBean(Reauthentication.class), misses),
                context.getBean(Audit.class), Duration.ofHours(1), Duration.ofHours(1), Clock.systemUTC());
    }

    private static OpenEmergencyAccess.Lookup nobody() {
        return new OpenEmergencyAccess.Lookup(null, null, "ダレモイナイ " + FhirRecords.uniqueKana(),
                LocalDate.of(1950, 1, 1), Sex.FEMALE);
    }

    /** A client address of its own (shared address space, RFC 6598), as a reverse proxy forwards it. */
    private static String client() {
        int n = CLIENTS.incrementAndGet();
        return "100.64." + n / 250 + "." + (n % 250 + 1);
    }
}
