package org.musubi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An irreversible act asks once and says what follows (issue 67): every {@code <form method="post">} of a template
 * whose {@code th:action} ends in an irreversible verb (delete, remove, revoke, unlink, close, cancel, decline, retire,
 * withdraw, …) either is not there at all (the act goes through {@code confirm :: ask}, which builds the form) or
 * carries the confirmation itself: a {@code confirm :: askInForm} use or a {@code confirmed} field inside the form.
 * The server acts only on {@code confirmed=yes}; this keeps a new button from skipping the question.
 */
class IrreversibleActsAskTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** The last path segments that name an act that cannot be undone. */
    static final Set<String> IRREVERSIBLE = Set.of("delete", "remove", "revoke", "unlink", "unmerge", "close", "cancel",
            "decline", "retire", "withdraw", "end", "stop", "disconnect", "password-reset", "second-factor-reset", "lost");

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern POST = Pattern.compile("\\bmethod=\"post\"", Pattern.CASE_INSENSITIVE);

    /** One form that acts irreversibly without asking: where it is, and its action's path. */
    record Offender(String template, int line, String action) {
        @Override
        public String toString() {
            return template + ":" + line + " " + action;
        }
    }

    @Test
    void everyIrreversibleFormAsksFirst() {
        List<Offender> offenders = new ArrayList<>();
        List<String> read = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
                offenders.addAll(offenders(name, Files.readString(file)));
                read.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(offenders).as("irreversible acts without the question (template:line action)").isEmpty();
        assertThat(read).as("the templates read").contains("admin/person.html", "portal/letters/letter.html",
                "phr/passkeys.html", "research/project.html");
    }

    @Test
    void findsAFormThatActsWithoutAsking() {
        String template = """
                <main>
                  <form method="post" th:action="@{/portal/things/{id}/revoke(id=${t.id})}">
                    <button type="submit">取り消す</button></form>
                  <form method="POST" class="inline"
                        th:action="@{/admin/things/{id}/remove(id=${t.id})}"><button>削除</button></form>
                  <form method="post" th:action="@{/portal/things/{id}/decline(id=${t.id})}">
                    <input name="reason">
                    <details th:replace="~{confirm :: askInForm('decline', 'x', 'y', 'z', false)}"></details></form>
                  <form method="post" th:action="@{/portal/things/{id}/close}">
                    <input type="hidden" name="confirmed" value="yes"><button>終える</button></form>
                  <form method="post" th:action="@{/portal/things/{id}/save(id=${t.id})}"><button>保存</button></form>
                  <form method="get" th:action="@{/portal/things/delete}"><button>探す</button></form>
                </main>
                """;

        assertThat(offenders("inline.html", template)).containsExactly(
                new Offender("inline.html", 2, "/portal/things/{id}/revoke"),
                new Offender("inline.html", 4, "/admin/things/{id}/remove"));
    }

    /** The post forms of one template whose action ends in an irreversible verb and that carry no confirmation. */
    static List<Offender> offenders(String template, String text) {
        List<Offender> found = new ArrayList<>();
        Matcher form = FORM.matcher(text);
        while (form.find()) {
            String tag = form.group();
            String action = action(tag);
            if (!POST.matcher(tag).find() || action == null
                    || !IRREVERSIBLE.contains(action.substring(action.lastIndexOf('/') + 1))) {
                continue;
            }
            int end = text.indexOf("</form>", form.end());
            String body = text.substring(form.end(), end < 0 ? text.length() : end);
            if (!body.contains("name=\"confirmed\"") && !body.contains("confirm :: ask")) {
                found.add(new Offender(template, line(text, form.start()), action));
            }
        }
        return found;
    }

    /** The path of a {@code th:action="@{…}"}: up to its parameters' parenthesis or its closing brace. */
    private static String action(String tag) {
        int at = tag.indexOf("th:action=\"@{");
        if (at < 0) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (int i = at + "th:action=\"@{".length(); i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (depth == 0 && (c == '(' || c == '}')) {
                break;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            path.append(c);
        }
        return path.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
