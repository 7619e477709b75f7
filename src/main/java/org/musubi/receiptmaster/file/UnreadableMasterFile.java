package org.musubi.receiptmaster.file;

import org.musubi.messages.Texts;

/** A file that cannot be read as a receipt master at all; nothing was loaded. Texts in both languages. */
public final class UnreadableMasterFile extends RuntimeException {

    private final String japanese;

    public UnreadableMasterFile(String key, Throwable cause, Object... args) {
        super(Texts.english(key, args), cause);
        this.japanese = Texts.japanese(key, args);
    }

    public String japanese() {
        return japanese;
    }
}
