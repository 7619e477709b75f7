package org.musubi.testing;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.security.DemoAccounts;
import org.musubi.security.RecoveryCodes;
import org.musubi.security.Totp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fresh users for each test (so tests never share lock-out counters or used TOTP steps), and the
 * whole two-step login over HTTP. Their authenticator secret is the demo one, but they are not
 * demo accounts, so no page ever shows their code.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final Users users;
    private final Facilities facilities;
    private final DemoAccounts accounts;
    private final JdbcClient jdbc;

    TestAccounts(Users users, Facilities facilities, DemoAccounts accounts, JdbcClient jdbc) {
        this.users = users;
        this.facilities = facilities;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    public User staff(FacilityKind kind, Profession profession) {
        return create(profession, List.of(new User.Membership(facilityOf(kind).id(), false)), false);
    }

    /** A demo account (as demo mode creates them): the second-factor page shows its next code. */
    public User demoStaff(FacilityKind kind, Profession profession) {
        return create(profession, List.of(new User.Membership(facilityOf(kind).id(), false)), false, true);
    }

    public User memberOf(Facility facility, Profession profession) {
        return create(profession, List.of(new User.Membership(facility.id(), false)), false);
    }

    public User facilityAdmin(FacilityKind kind) {
        return create(Profession.MEDICAL_CLERK, List.of(new User.Membership(facilityOf(kind).id(), true)), false);
    }

    /** An administrator of this facility (and of no other). */
    public User adminOf(Facility facility) {
        return create(Profession.MEDICAL_CLERK, List.of(new User.Membership(facility.id(), true)), false);
    }

    public User networkAdmin() {
        return create(Profession.NETWORK_OPERATOR, List.of(), true);
    }

    /**
     * A new hospital of its own (a medical institution code no other facility has), for tests that change a
     * facility's settings and must not change the demo facilities other tests use.
     */
    public Facility newHospital() {
        while (true) {
            int number = 900_000 + ThreadLocalRandom.current().nextInt(100_000);
            String code = MedicalInstitutionCode.of(34, 1, number).value();
            if (facilities.findByCode(code).isEmpty()) {
                return facilities.insert(new FacilityDraft("試験病院" + number, "シケンビョウイン",
                        FacilityKind.HOSPITAL, code, 34, "広島市中区基町" + number, null, true, true,
                        FacilityStatus.ACTIVE));
            }
        }
    }

    /**
     * A Hiroshima medical institution code (fee table {@code feeTable}: 1 medical, 3 dental, 4 pharmacy) that no
     * facility has yet: random, drawn again when taken (hundreds of test facilities share one database, so a single
     * random draw collides now and then).
     */
    public static String unusedInstitutionCode(Facilities facilities, int feeTable) {
        while (true) {
            String code = MedicalInstitutionCode.of(34, feeTable, 100000 + ThreadLocalRandom.current().nextInt(899999))
                    .value();
            if (facilities.findByCode(code).isEmpty()) {
                return code;
            }
        }
    }

    public Facility facilityOf(FacilityKind kind) {
        return facilities.search(null, kind, null, new PageRequest(1, 1)).items().getFirst();
    }

    private User create(Profession profession, List<User.Membership> memberships, boolean networkAdmin) {
        return create(profession, memberships, networkAdmin, false);
    }

    private User create(Profession profession, List<User.Membership> memberships, boolean networkAdmin, boolean demo) {
        String loginId = "t" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = users.insert(new UserDraft(loginId, "試験 太郎", "シケン タロウ", profession, memberships,
                networkAdmin, UserStatus.ACTIVE), demo);
        accounts.prepare(List.of(user.id()), PASSWORD);
        return user;
    }

    /** Gives the user one known recovery code (as enrolment would) and returns it. */
    public String recoveryCodeFor(User user) {
        String code = "abcde-" + UUID.randomUUID().toString().substring(0, 5);
        jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)")
                .params(user.id(), RecoveryCodes.hash(user.id(), code)).update();
        return code;
    }

    public void disable(User user) {
        users.update(user.id(), new UserDraft(user.loginId(), user.nameKanji(), user.nameKana(), user.profession(),
                user.memberships(), user.networkAdmin(), UserStatus.DISABLED));
    }

    /** The password step only. */
    public HttpResponse<String> passwordStep(WebSession web, String loginId, String password) {
        web.get("/login");
        return web.post("/login", "username", loginId, "password", password);
    }

    /** A code the server will accept now: later than the last one this user used. */
    public String nextCode(long userId) {
        long last = jdbc.sql("SELECT coalesce(totp_last_step, -1) FROM credential WHERE user_id = ?")
                .param(userId).query(Long.class).single();
        return Totp.code(DemoAccounts.DEMO_TOTP_SECRET, acceptedStep(jdbc, userId, last));
    }

    /**
     * The time step of a code the server accepts now for {@code userId}, whose last used step is {@code last}: the
     * current one, or the next when the current one was used. When both were used (a user signed in more than twice
     * within one step), the user's last step is set back to before the current one rather than waiting up to 30 s for
     * the next — a sign-in helper, not a test of replay, which {@code LoginIT.aCodeIsNeverAcceptedTwice} is.
     */
    public static long acceptedStep(JdbcClient jdbc, long userId, long last) {
        long now = Totp.step(Instant.now());
        if (last >= now + 1) {
            jdbc.sql("UPDATE credential SET totp_last_step = ? WHERE user_id = ?").params(now - 1, userId).update();
            return now;
        }
        return Math.max(now, last + 1);
    }

    /** Both steps; returns the response to the code. */
    public HttpResponse<String> logIn(WebSession web, User user) {
        passwordStep(web, user.loginId(), PASSWORD);
        web.get("/login/second-factor");
        return web.post("/login/second-factor", "code", nextCode(user.id()));
    }

    /** A new session on the server at {@code port}, logged in as {@code user} (both steps). */
    public WebSession signedIn(int port, User user) {
        WebSession web = new WebSession(port);
        logIn(web, user);
        return web;
    }
}
