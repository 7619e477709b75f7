package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.internal.login.LoginAccount;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;

/**
 * Issue 41: a browser session lives in PostgreSQL (Spring Session JDBC, V39's tables), so that any node on the database
 * serves it; the row is the session: without it the browser is signed out.
 */
@MusubiIntegrationTest
class BrowserSessionsIT extends NetworkFixtures {

    @Autowired
    SecretBox secretBox;

    @Test
    void aSignedInSessionIsARowOfTheDatabaseAndEndsWithIt() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, user);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        String id = sessionId(web);

        assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?").param(id)
                .query(String.class).optional()).contains(user.loginId());
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?").param(id)
                .query(Integer.class).single()).as("the idle timeout, server.servlet.session.timeout").isEqualTo(1800);
        assertThat(jdbc.sql("""
                SELECT a.attribute_name FROM spring_session_attributes a
                JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = ?""")
                .param(id).query(String.class).list()).contains("SPRING_SECURITY_CONTEXT", "MUSUBI_SESSION_EPOCH");

        assertThat(jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(id).update()).isEqualTo(1);

        // the session ended with its row: a staff page sends to the login; / is the public site every visitor sees
        HttpResponse<String> after = web.get("/portal/facilities");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(after)).isEqualTo("/login");
        assertThat(web.get("/").body()).contains("id=\"nav-public-login\"").doesNotContain("id=\"patient-list\"");
    }

    @Test
    void signingOutDeletesTheRow() {
        User user = accounts.staff(FacilityKind.PHARMACY, Profession.PHARMACIST);
        WebSession web = accounts.signedIn(port, user);
        web.get("/");
        String id = sessionId(web);
        assertThat(rows(id)).isEqualTo(1);

        web.post("/logout");

        assertThat(rows(id)).isZero();
    }

    @Test
    void thePasswordStepsSessionHoldsNoPasswordHash() throws Exception {
        User user = accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE);
        WebSession web = new WebSession(port);
        accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);

        byte[] stored = jdbc.sql("""
                SELECT a.attribute_bytes FROM spring_session_attributes a
                JOIN spring_session s ON s.primary_id = a.session_primary_id
                WHERE s.session_id = ? AND a.attribute_name = 'SPRING_SECURITY_CONTEXT'""")
                .param(sessionId(web)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("sealed with the operator's key")
                .doesNotContain(user.loginId());
        byte[] opened = secretBox.openBytes("browser-session-attribute", stored);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(opened))) {
            SecurityContext context = (SecurityContext) in.readObject();
            assertThat(context.getAuthentication().getPrincipal()).isInstanceOf(LoginAccount.class);
            assertThat(((LoginAccount) context.getAuthentication().getPrincipal()).getPassword()).isNull();
            assertThat(context.getAuthentication().getCredentials()).isNull();
        }
    }

    private int rows(String id) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?").param(id).query(Integer.class).single();
    }

    /** The session id behind the cookie (Spring Session sends it Base64-encoded). */
    private static String sessionId(WebSession web) {
        String cookie = web.cookie("MUSUBI_SESSION");
        assertThat(cookie).isNotNull();
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
    }
}
