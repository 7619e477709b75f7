package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an attacker can tell from an answer: its status, its headers and its body. Two answers are alike
 * when they agree on all three once the thing asked for (an id, an identifier) is written as the same
 * placeholder in both; the headers that differ on every answer (date, request id) are left out.
 */
final class Answers {

    /** Headers that differ on every response whatever was asked, so tell nothing. */
    private static final Set<String> PER_RESPONSE = Set.of("date", "x-request-id", "content-length", "keep-alive",
            "connection");

    private Answers() {
    }

    /**
     * Asserts that the answer about something the caller may not see ({@code refused}, asked as {@code refusedKey})
     * cannot be told from the answer about something that does not exist ({@code absent}, asked as {@code absentKey}).
     */
    static void assertAlike(String probe, HttpResponse<String> refused, String refusedKey, HttpResponse<String> absent,
                            String absentKey) {
        assertThat(refused.statusCode()).as(probe + ": status").isEqualTo(absent.statusCode());
        assertThat(headerNames(refused)).as(probe + ": header names").isEqualTo(headerNames(absent));
        assertThat(refused.headers().firstValue("Content-Type")).as(probe + ": content type")
                .isEqualTo(absent.headers().firstValue("Content-Type"));
        assertThat(normalised(refused.body(), refusedKey)).as(probe + ": body")
                .isEqualTo(normalised(absent.body(), absentKey));
        assertThat(refused.headers().firstValue("Set-Cookie")).as(probe + ": no session").isEmpty();
    }

    static Set<String> headerNames(HttpResponse<?> response) {
        Set<String> names = new TreeSet<>();
        response.headers().map().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT))
                .filter(n -> !PER_RESPONSE.contains(n)).forEach(names::add);
        return names;
    }

    private static final String CHARSET = "charset=\"UTF-8\"";

    /**
     * The body with the thing asked for as a placeholder, and what every answer has fresh (a search Bundle's own
     * id and its lastUpdated, a page's masked CSRF token) written as placeholders too.
     */
    private static String normalised(String body, String key) {
        if (body == null) {
            return "";
        }
        // a small id ("8", in a fresh test database) is not the 8 of the page's charset
        return body.replace(CHARSET, "{charset}").replace(key, "{asked}").replace("{charset}", CHARSET)
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"{fresh}\"")
                .replaceFirst("^\\{\"resourceType\":\"Bundle\",\"id\":\"[0-9a-f-]{36}\"", "{\"resourceType\":\"Bundle\",\"id\":\"{fresh}\"")
                .replaceFirst("\"meta\":\\{\"lastUpdated\":\"[^\"]+\"}", "\"meta\":{\"lastUpdated\":\"{fresh}\"}");
    }
}
