package org.musubi.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.musubi.carenet.enrolment.Enrolment;
import org.musubi.carenet.enrolment.EnrolmentStore;
import org.musubi.carenet.enrolment.ListEnrolments;
import org.musubi.carenet.enrolment.Pathways;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facility;
import org.musubi.testing.TestAccounts;

/**
 * A facility's pathway list (issue 44, closing note: 5,000 enrolments, first page p95 ≤ 100 ms): persons made and
 * linked to the facility, 5,000 enrolments made there in the four shipped templates with their stages (a part of them
 * assigned to another hospital), and as many more of other facilities, loaded by batch insert; then the list as the
 * facility's pages ask {@link Pathways} for it (50 a page) and the home page's count of its due stages. Not a test:
 * {@code bench/pathway-list.sh}.
 */
public final class PathwayListBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, Map.of("enrolments", 5_000L, "others", 20_000L,
                "rounds", 500L, "warm-up", 100L));
        int enrolments = options.integer("enrolments");
        int others = options.integer("others");
        int rounds = options.integer("rounds");
        SuiteFigures figures = new SuiteFigures("pathway-list");
        try (BenchDatabase database = BenchDatabase.start()) {
            TestAccounts accounts = database.bean(TestAccounts.class);
            Facility hospital = accounts.newHospital();
            Facility other = accounts.newHospital();
            long started = System.nanoTime();
            long[] persons = database.loadPersons(44, enrolments + others, 13);
            Pathways pathways = database.bean(Pathways.class);
            load(database.bean(DataSource.class), pathways.offered(), hospital.id(), other.id(), persons, enrolments);
            System.out.printf(Locale.ROOT, "loaded %,d enrolments of the facility and %,d of another in %.1f s%n",
                    enrolments, others, (System.nanoTime() - started) / 1e9);
            int deep = Math.max(1, enrolments / 50 / 2);
            ListEnrolments list = database.bean(ListEnrolments.class);
            EnrolmentStore store = database.bean(EnrolmentStore.class);
            Map<String, Supplier<Object>> asks = new LinkedHashMap<>();
            asks.put("list, first page of all (50 of " + enrolments + ")", () -> list.list(
                    new EnrolmentStore.ListQuery(hospital.id(), null, null), new PageRequest(1, 50)));
            asks.put("list, first page of active stroke", () -> list.list(
                    new EnrolmentStore.ListQuery(hospital.id(), "stroke", Enrolment.Status.ACTIVE), new PageRequest(1, 50)));
            asks.put("list, page " + deep + " of all", () -> list.list(
                    new EnrolmentStore.ListQuery(hospital.id(), null, null), new PageRequest(deep, 50)));
            asks.put("other hospital's list (its own " + others + " and assigned), first page", () -> list.list(
                    new EnrolmentStore.ListQuery(other.id(), null, null), new PageRequest(1, 50)));
            asks.put("other hospital's home line (due and overdue stages)",
                    () -> store.waiting(other.id(), LocalDate.now()));
            TimedAsks.run(asks, options.integer("warm-up"), rounds,
                    answer -> answer instanceof Page<?> page && page.items().isEmpty(), figures, 100, "p95 ≤ 100 ms");
        }
        figures.writeIfAsked();
    }

    /**
     * The first {@code mine} persons enrolled at {@code hospital} and linked there (every third one's second stage
     * assigned to {@code other}, which is linked to them too); the rest enrolled at {@code other}.
     */
    private static void load(DataSource data, List<PathwayTemplate> templates, long hospital, long other,
                             long[] persons, int mine) throws Exception {
        Random random = new Random(44);
        Instant now = Instant.now();
        Enrolment.Status[] statuses = Enrolment.Status.values();
        try (Connection connection = data.getConnection();
             PreparedStatement enrolment = connection.prepareStatement("""
                     INSERT INTO pathway_enrolment (id, person_id, template_code, template_version, facility_id,
                         enrolled_by, enrolled_at, status) VALUES (?, ?, ?, ?, ?, 1, ?, ?)""");
             PreparedStatement stage = connection.prepareStatement("""
                     INSERT INTO pathway_stage (enrolment_id, position, stage_code, person_id, assigned_facility_id,
                         due_on, filled_at) VALUES (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement link = connection.prepareStatement(
                     "INSERT INTO patient_link (person_id, facility_id) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < persons.length; i++) {
                long person = persons[i];
                long at = i < mine ? hospital : other;
                PathwayTemplate template = templates.get(random.nextInt(templates.size()));
                UUID id = UUID.randomUUID();
                Instant enrolled = now.minus(random.nextInt(3 * 365 * 24 * 60), ChronoUnit.MINUTES);
                Enrolment.Status status = statuses[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2)];
                enrolment.setObject(1, id);
                enrolment.setLong(2, person);
                enrolment.setString(3, template.code());
                enrolment.setString(4, template.version());
                enrolment.setLong(5, at);
                enrolment.setTimestamp(6, Timestamp.from(enrolled));
                enrolment.setString(7, status.name());
                enrolment.addBatch();
                int filled = status == Enrolment.Status.COMPLETED ? template.stages().size()
                        : random.nextInt(template.stages().size());
                for (int p = 0; p < template.stages().size(); p++) {
                    stage.setObject(1, id);
                    stage.setInt(2, p);
                    stage.setString(3, template.stages().get(p).code());
                    stage.setLong(4, person);
                    stage.setObject(5, p == 1 && i % 3 == 0 ? other : null);
                    stage.setDate(6, Date.valueOf(LocalDate.ofInstant(enrolled, Pathways.JAPAN)
                            .plusMonths(template.stages().get(p).dueMonths())));
                    stage.setTimestamp(7, p < filled ? Timestamp.from(enrolled.plus(30L * (p + 1), ChronoUnit.DAYS)) : null);
                    stage.addBatch();
                }
                link.setLong(1, person);
                link.setLong(2, at);
                link.addBatch();
                if (at == hospital && i % 3 == 0) {
                    link.setLong(1, person);
                    link.setLong(2, other);
                    link.addBatch();
                }
                if (i % 1000 == 999) {
                    enrolment.executeBatch();
                    stage.executeBatch();
                    link.executeBatch();
                }
            }
            enrolment.executeBatch();
            stage.executeBatch();
            link.executeBatch();
            connection.commit();
            try (Statement sql = connection.createStatement()) {
                connection.setAutoCommit(true);
                sql.execute("VACUUM ANALYZE pathway_enrolment");
                sql.execute("VACUUM ANALYZE pathway_stage");
                sql.execute("VACUUM ANALYZE patient_link");
            }
        }
    }

    private PathwayListBenchmark() {
    }
}
