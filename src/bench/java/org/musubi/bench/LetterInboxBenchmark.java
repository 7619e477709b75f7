package org.musubi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.musubi.audit.Purpose;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.ListLetters;
import org.musubi.letters.exchange.LetterStatus;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.TestAccounts;

/**
 * A hospital's inbox holding many letters (issue 42, closing note: 10,000 letters, p95 ≤ 100 ms): the letters' rows
 * loaded by batch insert (their documents are not needed to list them), then the inbox as a nurse of the hospital asks
 * for it through {@link ListLetters} — the policy's decision and the listing's audit row included — first page of
 * all, first page of the unanswered, a deep page, and the home page's counts. Not a test: {@code bench/letters-inbox.sh}
 * ({@code --letters=10000 --rounds=500}).
 */
public final class LetterInboxBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, Map.of("letters", 10_000L, "rounds", 500L, "warm-up", 100L,
                "senders", 200L));
        int letters = options.integer("letters");
        int rounds = options.integer("rounds");
        SuiteFigures figures = new SuiteFigures("letters-inbox");
        try (BenchDatabase database = BenchDatabase.start()) {
            TestAccounts accounts = database.bean(TestAccounts.class);
            Facility hospital = accounts.newHospital();
            Facility other = accounts.newHospital();
            User nurse = accounts.memberOf(hospital, Profession.NURSE);
            long started = System.nanoTime();
            load(database.bean(DataSource.class), hospital.id(), other.id(), letters, options.integer("senders"));
            System.out.printf(Locale.ROOT, "loaded %,d letters to the hospital (and as many to another) in %.1f s%n",
                    letters, (System.nanoTime() - started) / 1e9);
            ListLetters exchange = database.bean(ListLetters.class);
            Reader reader = new Reader(nurse.id(), hospital.id(), Purpose.TREATMENT);
            int deep = Math.max(0, letters / 50 / 2);
            Map<String, Supplier<Object>> asks = new java.util.LinkedHashMap<>();
            asks.put("inbox, first page of all (50 of " + letters + ")", () -> exchange.inbox(reader, Set.of(), 0));
            asks.put("inbox, first page of the unanswered", () -> exchange.inbox(reader,
                    EnumSet.of(LetterStatus.REQUESTED, LetterStatus.RECEIVED, LetterStatus.ACCEPTED), 0));
            asks.put("inbox, page " + deep + " of all", () -> exchange.inbox(reader, Set.of(), deep));
            asks.put("home page counts (unread, overdue, open)", () -> exchange.counts(reader));
            TimedAsks.run(asks, options.integer("warm-up"), rounds, answer -> answer instanceof LetterExchange.Listing
                    listing && listing.rows().isEmpty(), figures, 100, "p95 ≤ 100 ms");
        }
        figures.writeIfAsked();
    }

    /** {@code count} letters to each of two facilities from {@code senders} made-up senders, statuses spread. */
    private static void load(DataSource data, long hospital, long other, int count, int senders) throws Exception {
        Random random = new Random(42);
        LetterStatus[] statuses = LetterStatus.values();
        Instant now = Instant.now();
        try (Connection connection = data.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO letter (id, person_id, patient_key, sender_facility, sender_user, addressee_facility,
                         kind, year, seq, document_id, task_id, patient_name, patient_kana, birth_date, author_name,
                         document_blob, status, sent_at, received_at, updated_at, due)
                     VALUES (?, ?, ?, ?, 1, ?, ?, 2026, ?, ?, ?, ?, ?, ?, ?, 'none', ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            int seq = 0;
            for (long addressee : List.of(hospital, other)) {
                for (int i = 0; i < count; i++) {
                    Instant sent = now.minus(random.nextInt(365 * 24 * 60), ChronoUnit.MINUTES);
                    LetterStatus status = statuses[random.nextInt(statuses.length)];
                    insert.setObject(1, UUID.randomUUID());
                    insert.setLong(2, 1 + random.nextInt(1_000_000));
                    insert.setLong(3, 1 + random.nextInt(1_000_000));
                    insert.setLong(4, addressee == hospital ? other : hospital);
                    insert.setLong(5, addressee);
                    insert.setString(6, LetterKind.values()[random.nextInt(LetterKind.values().length)].name());
                    insert.setInt(7, ++seq);
                    insert.setString(8, UUID.randomUUID().toString());
                    insert.setString(9, UUID.randomUUID().toString());
                    insert.setString(10, "試験 患者" + i);
                    insert.setString(11, "シケン カンジャ");
                    insert.setObject(12, LocalDate.of(1930 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                    insert.setString(13, "試験 医師" + random.nextInt(senders));
                    insert.setString(14, status.name());
                    insert.setTimestamp(15, Timestamp.from(sent));
                    insert.setTimestamp(16, status == LetterStatus.REQUESTED ? null : Timestamp.from(sent.plusSeconds(3600)));
                    insert.setTimestamp(17, Timestamp.from(sent.plusSeconds(7200)));
                    insert.setObject(18, random.nextInt(3) == 0 ? LocalDate.ofInstant(sent, java.time.ZoneOffset.UTC)
                            .plusDays(14) : null);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private LetterInboxBenchmark() {
    }
}
