package org.musubi.receiptmaster.file;

import java.util.Objects;
import org.musubi.messages.Texts;

/** A row of a master file that was not loaded: file, row (line number), column, a stable key and both texts. */
public record MasterFileProblem(String file, int row, String field, String key, String japanese, String english) {

    public MasterFileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
    }

    static MasterFileProblem of(String file, int row, String field, String key, Object... args) {
        return new MasterFileProblem(file, row, field, key, Texts.japanese(key, args), Texts.english(key, args));
    }

    /** {@code file row N, field: English / 日本語}. */
    @Override
    public String toString() {
        return file + " row " + row + (field == null ? "" : ", " + field) + ": " + english + " / " + japanese;
    }
}
