package org.musubi;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** The Spring context a command that uses the database runs in: no web server, quiet, migrated as asked. */
final class CommandContexts {

    private CommandContexts() {
    }

    /** A Spring context without the web server, for commands that use the database. */
    static SpringApplication of(String[] settings) {
        return of(settings, "latest");
    }

    /** As {@link #of(String[])}, with the schema migrated at start only as far as {@code migrateTo}. */
    static SpringApplication of(String[] settings, String migrateTo) {
        SpringApplication app = new SpringApplication(Musubi.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("musubi.demo.enabled", String.valueOf(!externalDatabase(settings)),
                "musubi.demo.seed", "false", "spring.main.banner-mode", "off", "musubi.ingest.watch", "false",
                "musubi.database.migrate-to", migrateTo));
        return app;
    }

    /**
     * A command that could not start: the innermost cause is what a person can act on. A running server (the database
     * or port in use) was already said in one line by {@link StartFailures}.
     */
    static int failed(RuntimeException e) {
        if (StartFailures.explains(e)) {
            return 1;
        }
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        System.err.println("musubi: " + cause.getMessage());
        return 1;
    }

    /** Commands print their own results: only warnings from the libraries, as plain text. */
    static String[] quiet(String[] settings) {
        // org.springframework.context: its warning that a start failed repeats the cause Spring reports anyway
        String[] quiet = {"--logging.level.root=WARN", "--logging.level.org.musubi=WARN",
                "--logging.level.org.springframework.context=ERROR",
                "--logging.structured.format.console="};
        String[] all = Arrays.copyOf(quiet, quiet.length + settings.length);
        System.arraycopy(settings, 0, all, quiet.length, settings.length);
        return all;
    }

    /** Demo mode defaults to on with the embedded database only. */
    static boolean externalDatabase(String[] args) {
        return set(System.getenv("MUSUBI_DB_URL")) || set(System.getenv("MUSUBI_DATABASE_URL"))
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--musubi.database.url=") && a.length() > 22);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
