package org.musubi.ingest.ssmix2.naming;

import java.util.Optional;

/**
 * The last field of an SS-MIX2 file name: {@code 1} the current version of a record, {@code 2} a
 * version an update replaced (kept as history), {@code 0} a record deleted at the source (the
 * deleted versions are renamed to {@code _0} and the delete message is written as a new {@code _0}).
 */
public enum ConditionFlag {
    DELETED("0"), CURRENT("1"), SUPERSEDED("2");

    private final String code;

    ConditionFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<ConditionFlag> of(String code) {
        for (ConditionFlag flag : values()) {
            if (flag.code.equals(code)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** Apply order among files of one record sent at the same instant: history, then current, then deletes. */
    public int applyRank() {
        return switch (this) {
            case SUPERSEDED -> 0;
            case CURRENT -> 1;
            case DELETED -> 2;
        };
    }
}
