package org.musubi.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.musubi.audit.Purpose;
import org.musubi.carenet.CareTeams;
import org.musubi.carenet.TeamEntry;
import org.musubi.carenet.AssignTeamTask;
import org.musubi.carenet.CountWaitingTeamTasks;
import org.musubi.carenet.ListMyTeamTasks;
import org.musubi.carenet.ReadTeamTimeline;
import org.musubi.carenet.RecordTeamVitals;
import org.musubi.carenet.WriteTeamNote;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A home-care team with two years of entries (issue 44, closing note: the care-team timeline with 2 years of notes,
 * p95 ≤ 100 ms): a hospital's team with a visiting nurse who writes {@code notes-per-day} care notes a day and one
 * blood pressure + pulse a day, every entry through the workspace's write door (the policy, the Provenance, the audit
 * row), then spread over the two years in the team's table; then, as the team's pharmacist, the workspace's first page
 * of the timeline (its one audited read of 50 entries, the handover included), an older page, the task list and the
 * home page's count. The three facilities are hospitals of their own (the bench has no demo facilities). Not a
 * test: {@code bench/care-team-timeline.sh} ({@code --days=730 --notes-per-day=4}).
 */
public final class CareTeamTimelineBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, Map.of("days", 730L, "notes-per-day", 4L, "rounds", 300L,
                "warm-up", 50L));
        int days = options.integer("days");
        int perDay = options.integer("notes-per-day");
        int rounds = options.integer("rounds");
        SuiteFigures figures = new SuiteFigures("care-team-timeline");
        try (BenchDatabase database = BenchDatabase.start()) {
            TestAccounts accounts = database.bean(TestAccounts.class);
            Consents consents = database.bean(Consents.class);
            CareTeams teams = database.bean(CareTeams.class);
            WriteTeamNote notes = database.bean(WriteTeamNote.class);
            RecordTeamVitals vitals = database.bean(RecordTeamVitals.class);
            AssignTeamTask tasks = database.bean(AssignTeamTask.class);
            ReadTeamTimeline timelines = database.bean(ReadTeamTimeline.class);
            ListMyTeamTasks myTasks = database.bean(ListMyTeamTasks.class);
            CountWaitingTeamTasks waiting = database.bean(CountWaitingTeamTasks.class);
            JdbcClient jdbc = database.bean(JdbcClient.class);
            Facility hospital = accounts.newHospital();
            Facility station = accounts.newHospital();
            Facility pharmacy = accounts.newHospital();
            User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
            User nurse = accounts.memberOf(station, Profession.NURSE);
            User pharmacist = accounts.memberOf(pharmacy, Profession.PHARMACIST);
            long person = database.loadPersons(44, 1, 13)[0];
            long admin = accounts.networkAdmin().id();
            consents.link(person, hospital.id(), admin);
            consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
            CareTeams.Actor lead = new CareTeams.Actor(doctor.id(), hospital.id());
            UUID team = teams.create(lead, person, "在宅チーム（ベンチ）", CareTeams.Role.DOCTOR).id();
            teams.invite(lead, team, nurse.id(), CareTeams.Role.VISITING_NURSE, null);
            teams.invite(lead, team, pharmacist.id(), CareTeams.Role.PHARMACIST, null);
            CareTeams.Actor writer = new CareTeams.Actor(nurse.id(), station.id());
            CareTeams.Actor reader = new CareTeams.Actor(pharmacist.id(), pharmacy.id());

            long started = System.nanoTime();
            for (int day = 0; day < days; day++) {
                for (int n = 0; n < perDay; n++) {
                    notes.write(writer, team, TeamEntry.Kind.CARE_NOTE, List.of("訪問 " + day + "-" + n
                            + "：食事は半量、排泄は自立、皮膚トラブルなし。家族の介護負担の訴えあり。"));
                }
                vitals.record(writer, team, Map.of(RecordTeamVitals.Measure.SYSTOLIC, BigDecimal.valueOf(110 + day % 30),
                        RecordTeamVitals.Measure.DIASTOLIC, BigDecimal.valueOf(70 + day % 10),
                        RecordTeamVitals.Measure.PULSE, BigDecimal.valueOf(60 + day % 20)));
                if (day % 7 == 0) {
                    tasks.assign(writer, team, "残薬の確認 " + day, pharmacist.id(), LocalDate.now().plusDays(day % 3));
                }
                if (day % 100 == 99) {
                    System.out.printf(Locale.ROOT, "  ... %d days%n", day + 1);
                }
            }
            // Spread the entries over the days they stand for (the table's times; what is paged by).
            jdbc.sql("""
                    UPDATE care_team_entry e SET written_at = now() - (s.n * interval '1 minute' * 1440 * ? / s.total)
                    FROM (SELECT resource_id, row_number() OVER (ORDER BY written_at DESC) - 1 AS n,
                                 count(*) OVER () AS total FROM care_team_entry WHERE team_id = ?) s
                    WHERE e.resource_id = s.resource_id""").params(days, team).update();
            jdbc.sql("ANALYZE care_team_entry").update();
            long entries = jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(team)
                    .query(Long.class).single();
            System.out.printf(Locale.ROOT, "wrote %,d entries (%d days) through the write door in %.1f s%n", entries,
                    days, (System.nanoTime() - started) / 1e9);

            Instant older = Instant.now().minusSeconds(86_400L * days / 2);
            Map<String, Supplier<Object>> asks = new LinkedHashMap<>();
            asks.put("timeline, first page (50 of " + entries + ", handover)", () -> timelines.read(reader, team, null));
            asks.put("timeline, a page a year back", () -> timelines.read(reader, team, older));
            asks.put("my tasks (every open task of the pharmacist)", () -> myTasks.list(reader));
            asks.put("home page count", () -> waiting.count(pharmacist.id(), pharmacy.id(), Instant.now()));
            TimedAsks.run(asks, options.integer("warm-up"), rounds, answer -> answer instanceof ReadTeamTimeline.Timeline t
                    && t.items().size() != ReadTeamTimeline.PAGE, figures, 100, "p95 ≤ 100 ms");
        }
        figures.writeIfAsked();
    }

    private CareTeamTimelineBenchmark() {
    }
}
