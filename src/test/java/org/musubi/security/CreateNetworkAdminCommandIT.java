package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.cli.CreateNetworkAdminCommand;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/** A new installation on an external database gets its first operator from the command line. */
@MusubiIntegrationTest
class CreateNetworkAdminCommandIT extends NetworkFixtures {

    @Autowired
    CreateNetworkAdminCommand command;
    @Autowired
    Users users;

    @Test
    void createsTheFirstOperatorOnceAndTheyMustEnrolASecondFactor() {
        jdbc.sql("UPDATE app_user SET status = 'DISABLED' WHERE network_admin AND NOT demo").update();
        long before = audit.max();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = command.run(Map.of("login-id", "operator1"), print(out), print(new ByteArrayOutputStream()));

        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        User operator = users.findByLoginId("operator1").orElseThrow();
        assertThat(operator.networkAdmin()).isTrue();
        assertThat(audit.since(before, "system:cli")).containsExactly("USER_CREATE PERMIT first network administrator (command line)");
        WebSession web = new WebSession(port);
        HttpResponseAssert.redirectsTo(accounts.passwordStep(web, "operator1", find("仮パスワード: (\\S+)", printed)), "/login/enrol");
        assertThat(command.run(Map.of("login-id", "operator2"), print(new ByteArrayOutputStream()),
                print(new ByteArrayOutputStream()))).isEqualTo(1);
        assertThat(users.findByLoginId("operator2")).isEmpty();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String find(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    static final class HttpResponseAssert {
        static void redirectsTo(HttpResponse<String> response, String location) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(WebSession.location(response)).isEqualTo(location);
        }
    }
}
