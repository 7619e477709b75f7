package org.musubi.testing;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The disclosures a wing wrote (issue 68, {@code policy.disclosure.Disclose}), as the wings' tests assert them: how
 * many were made for a wing's row, and a creation run in a transaction that is then rolled back, so that a test shows
 * the thing and its disclosure are made in one transaction (neither is left).
 */
public final class DisclosuresMade {

    private DisclosuresMade() {
    }

    /** How many disclosures were made for the wing's row {@code source} ({@code <wing>:<id>}). */
    public static long count(JdbcClient jdbc, String source) {
        return jdbc.sql("SELECT count(*) FROM disclosure WHERE source = ?").param(source).query(Long.class).single();
    }

    /** How many disclosures there are whose source starts with {@code prefix}. */
    public static long countLike(JdbcClient jdbc, String prefix) {
        return jdbc.sql("SELECT count(*) FROM disclosure WHERE starts_with(source, ?)").param(prefix)
                .query(Long.class).single();
    }

    /** {@code work} in a transaction rolled back once it returned (the wing's own transaction joins it); its value. */
    public static <T> T rolledBack(TransactionTemplate transactions, Supplier<T> work) {
        return transactions.execute(status -> {
            T value = work.get();
            status.setRollbackOnly();
            return value;
        });
    }
}
