package org.musubi.backup;

import java.io.IOException;
import org.musubi.messages.Texts;

/**
 * A backup, verification or restore that cannot go on, for a reason a person can act on: a wrong key, a
 * damaged archive, a database that is not empty. The message is English; {@link #japanese()} the same in
 * Japanese, both from the application's message bundles ({@code backup.*} keys).
 */
public final class BackupRefused extends IOException {

    private final String key;
    private final String japanese;

    public BackupRefused(String key, Object... args) {
        super(Texts.english(key, args));
        this.key = key;
        this.japanese = Texts.japanese(key, args);
    }

    /** The message key, e.g. {@code backup.archive.wrongKey}. */
    public String key() {
        return key;
    }

    public String japanese() {
        return japanese;
    }

    /** Both languages, Japanese first, as the command line prints them. */
    public String bilingual() {
        return japanese + " / " + getMessage();
    }
}
