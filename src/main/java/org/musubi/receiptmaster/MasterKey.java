package org.musubi.receiptmaster;

import java.util.Objects;

/** A code of one receipt master, as a receipt records it. */
public record MasterKey(MasterKind kind, String code) {

    public MasterKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }
}
