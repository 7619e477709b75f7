package org.musubi.carenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.Worklist;
import org.musubi.record.Reader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A care team's workspace on the real database: a visiting nurse (home-nursing station, no link of her own) and a
 * pharmacist (pharmacy, no link) of a hospital's team write each kind of entry — SOAP and care notes, vital signs, an
 * ADL check, a task — each stored under their facility's own source patient of the person (made once, linked as
 * {@code CARE_TEAM}, which gives the facility no standing) and audited exactly once; the timeline is one audited read
 * naming what it showed; the handover shows what others wrote since the reader's own last entry; the task reaches the
 * pharmacist's work list and task page and its status moves. A non-member, an ex-member, a member of a blocked
 * facility, after the consent's withdrawal, past the membership's end, and a guessed team all get the refusal of a
 * missing team, one audit row each and nothing stored; a read-only standby refuses every write with the standby's
 * message and still shows the timeline.
 */
@MusubiIntegrationTest
class TeamWorkspaceIT extends NetworkFixtures {

    @Autowired
    CareTeams teams;
    @Autowired
    WriteTeamNote notes;
    @Autowired
    RecordTeamVitals vitalSigns;
    @Autowired
    RecordTeamAdl adl;
    @Autowired
    AssignTeamTask tasks;
    @Autowired
    ChangeTeamTaskStatus statuses;
    @Autowired
    ReadTeamTimeline timelines;
    @Autowired
    ListMyTeamTasks myTasks;
    @Autowired
    PersonAccess access;
    @Autowired
    IdentityStore identities;
    @Autowired
    Worklist worklist;
    @Autowired
    WriteRecords writes;
    @Autowired
    ReadRecords reads;
    @Autowired
    org.musubi.registry.Users users;
    @Autowired
    org.musubi.phr.Residents residents;

    HomeCareTeam team() {
        Facility hospital = accounts.newHospital();
        return HomeCareTeam.of(accounts, teams, hospital, linkedConsentedPatientAt(hospital));
    }

    @Test
    void eachEntryIsStoredUnderTheWritersFacilityAndAuditedOnceAndTheTimelineIsOneAuditedRead() {
        HomeCareTeam t = team();
        UUID id = t.team().id();

        long before = audit.max();
        String soap = notes.write(actor(t.nurse()), id, TeamEntry.Kind.SOAP, List.of("息苦しさなし", "SpO2 97%", "安定",
                "訪問継続"));
        List<AuditRows.Row> first = audit.rowsSince(before);
        assertThat(first).extracting(AuditRows.Row::action, AuditRows.Row::outcome, AuditRows.Row::resourceType)
                .as("the station's first entry links its new source patient once, then the entry's one row")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IDENTITY_LINK", "PERMIT", "SourcePatient"),
                        org.assertj.core.groups.Tuple.tuple("CREATE", "PERMIT", "Communication"));
        assertThat(first.get(1).resourceIds()).contains("Communication/" + soap);
        assertThat(first.get(1).reason()).isEqualTo("policy.permit.careTeamMember");
        assertThat(first.get(0).reason()).startsWith("CARE_TEAM");

        assertThat(storedUnder(soap)).as("under the station's own source patient")
                .isEqualTo(List.of(t.station().id(), (long) sourcePatientOf(t.station(), t.person())));
        assertThat(jdbc.sql("SELECT category FROM resource WHERE id = ?").param(soap).query(String.class).single())
                .isEqualTo("CARE_RECORDS");
        assertThat(access.standing(t.station().id(), t.person())).as("writing gives the station no standing").isFalse();
        assertThat(jdbc.sql("SELECT method FROM person_link WHERE source_patient_id = ?")
                .param(sourcePatientOf(t.station(), t.person())).query(String.class).single()).isEqualTo("CARE_TEAM");

        assertOneRow(() -> notes.write(actor(t.nurse()), id, TeamEntry.Kind.CARE_NOTE, List.of("入浴介助、皮膚トラブルなし")),
                "Communication");
        String vitals = assertOneRow(() -> vitalSigns.record(actor(t.nurse()), id, Map.of(
                RecordTeamVitals.Measure.SYSTOLIC, new BigDecimal("128"), RecordTeamVitals.Measure.DIASTOLIC,
                new BigDecimal("76"), RecordTeamVitals.Measure.SPO2, new BigDecimal("97"))), "Observation");
        assertThat(jdbc.sql("SELECT category FROM resource WHERE id = ?").param(vitals).query(String.class).single())
                .isEqualTo("VITALS");
        assertOneRow(() -> adl.record(actor(t.nurse()), id, Map.of("meal", "independent", "bathing", "partial"),
                "浴槽の出入りに介助"), "Communication");
        String task = assertOneRow(() -> tasks.assign(actor(t.nurse()), id, "残薬を確認してください", t.pharmacist().id(),
                LocalDate.now().minusDays(1)), "Task");
        assertThat(jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(id).query(Long.class)
                .single()).as("SOAP, note, 2 vital signs, ADL, task").isEqualTo(6);

        long reading = audit.max();
        ReadTeamTimeline.Timeline timeline = timelines.read(actor(t.pharmacist()), id, null);
        List<AuditRows.Row> read = audit.rowsSince(reading);
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().action()).isEqualTo("READ");
        assertThat(read.getFirst().resourceIds()).as("names what was shown").contains(soap, task, vitals);
        assertThat(timeline.items()).hasSize(6);
        assertThat(timeline.items().getFirst().entry().resourceId()).as("newest first").isEqualTo(task);
        assertThat(timeline.items().stream().flatMap(i -> i.lines().stream())).contains("S: 息苦しさなし", "A: 安定",
                "残薬を確認してください");
        assertThat(timeline.since()).as("the pharmacist wrote nothing yet: everything is new").hasSize(6);
        assertThat(timeline.members()).containsKeys(t.doctor().id(), t.nurse().id(), t.pharmacist().id());

        Waiting line = worklist.waitingFor(new Reader(t.pharmacist().id(), t.pharmacy().id(), Purpose.TREATMENT),
                Instant.now()).stream().filter(w -> w.id().equals("care-team-tasks")).findFirst().orElseThrow();
        assertThat(line.count()).isEqualTo(1);
        assertThat(line.overdue()).isEqualTo(1);
        assertThat(myTasks.list(actor(t.pharmacist()))).extracting(ListMyTeamTasks.MyTask::text)
                .containsExactly("残薬を確認してください");

        long moving = audit.max();
        statuses.change(actor(t.pharmacist()), id, task, "in-progress");
        List<AuditRows.Row> moved = audit.rowsSince(moving);
        assertThat(moved).extracting(AuditRows.Row::action).as("the pharmacy's first entry links its source patient")
                .containsExactly("IDENTITY_LINK", "CREATE");
        assertThat(moved.get(1).resourceIds()).as("the Task read, the note written").contains(task)
                .anyMatch(r -> r.startsWith("Communication/"));
        assertThat(jdbc.sql("SELECT content::jsonb->>'status' FROM resource WHERE id = ?").param(task).query(String.class).single())
                .as("the Task is the station's: the pharmacy records the change as its own note").isEqualTo("requested");
        long completing = audit.max();
        statuses.change(actor(t.nurse()), id, task, "completed");
        assertThat(audit.rowsSince(completing)).hasSize(1);
        assertThat(jdbc.sql("SELECT content::jsonb->>'status' FROM resource WHERE id = ?").param(task).query(String.class).single())
                .isEqualTo("completed");
        assertThat(myTasks.list(actor(t.pharmacist()))).isEmpty();

        notes.write(actor(t.pharmacist()), id, TeamEntry.Kind.CARE_NOTE, List.of("残薬確認済み"));
        notes.write(actor(t.nurse()), id, TeamEntry.Kind.CARE_NOTE, List.of("次回訪問は金曜"));
        assertThat(timelines.read(actor(t.pharmacist()), id, null).since())
                .as("since the pharmacist's own last entry: only the nurse's later note")
                .extracting(i -> i.lines().getFirst()).containsExactly("次回訪問は金曜");
    }

    @Test
    void everyoneButALiveConsentedMemberIsRefusedLikeAMissingTeamOnceAuditedAndNothingStored() {
        HomeCareTeam t = team();
        UUID id = t.team().id();
        notes.write(actor(t.nurse()), id, TeamEntry.Kind.CARE_NOTE, List.of("初回"));

        refused(t, actor(t.outsider()), "never a member");
        assertRefused(t, actor(t.nurse()), UUID.randomUUID(), "a guessed team");
        assertRefused(t, actor(t.nurse()), null, "a malformed team id");

        consents.block(t.person(), t.station().id(), accounts.networkAdmin().id());
        refused(t, actor(t.nurse()), "the station is blocked");
        consents.unblock(t.person(), t.station().id());

        for (Consent consent : consents.of(t.person())) {
            consents.withdraw(consent.id(), accounts.networkAdmin().id());
        }
        refused(t, actor(t.nurse()), "consent withdrawn");
        consents.grant(t.person(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT),
                accounts.networkAdmin().id(), t.hospital().id());

        jdbc.sql("UPDATE care_team_member SET valid_until = now() - interval '1 second' WHERE user_id = ?")
                .param(t.nurse().id()).update();
        refused(t, actor(t.nurse()), "membership past its end");
        teams.invite(actor(t.doctor()), id, t.nurse().id(), CareTeams.Role.VISITING_NURSE, null);
        notes.write(actor(t.nurse()), id, TeamEntry.Kind.CARE_NOTE, List.of("再開"));

        teams.end(actor(t.nurse()), id, t.nurse().id());
        refused(t, actor(t.nurse()), "left the team");

        for (User user : List.of(t.outsider(), t.nurse())) {
            var web = accounts.signedIn(port, user);
            assertThat(web.get("/portal/care-teams/" + id).statusCode()).isEqualTo(404);
            assertThat(web.get("/portal/care-teams/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
            assertThat(web.get("/portal/care-teams/not-a-team").statusCode()).isEqualTo(404);
        }
        assertThat(accounts.signedIn(port, t.pharmacist()).get("/portal/care-teams/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aReadOnlyStandbyRefusesEveryWriteWithItsMessageAndStillShowsTheTimeline() {
        HomeCareTeam t = team();
        UUID id = t.team().id();
        notes.write(actor(t.nurse()), id, TeamEntry.Kind.CARE_NOTE, List.of("主系で記録"));
        TeamWorkspace.Parts parts = new TeamWorkspace.Parts(null, null, null, access, Standby.fixed(true)::readOnly,
                null);
        TeamWorkspace standby = new TeamWorkspace(teams, writes, reads,
                new org.musubi.carenet.jdbc.JdbcTeamEntries(jdbc), parts);
        long before = audit.max();
        assertThatThrownBy(() -> new WriteTeamNote(standby).write(actor(t.nurse()), id, TeamEntry.Kind.CARE_NOTE, List.of("待機系")))
                .isInstanceOf(ReadOnlyStandbyException.class).hasMessage(Standby.MESSAGE);
        assertThatThrownBy(() -> new AssignTeamTask(standby).assign(actor(t.nurse()), id, "x", t.pharmacist().id(), null))
                .isInstanceOf(ReadOnlyStandbyException.class);
        assertThat(audit.countSince(before)).as("nothing read, nothing audited").isZero();
        ReadTeamTimeline.Timeline timeline = new ReadTeamTimeline(new TeamWorkspace(teams, writes, reads,
                new org.musubi.carenet.jdbc.JdbcTeamEntries(jdbc), new TeamWorkspace.Parts(null, null,
                users, access, Standby.fixed(true)::readOnly, null))).read(actor(t.pharmacist()), id, null);
        assertThat(timeline.items()).extracting(i -> i.lines().getFirst()).containsExactly("主系で記録");
    }

    @Test
    void theResidentSeesTheirTeamAndItsOpenTasksButNotTheProfessionalsNotesInOneAuditedRead() {
        HomeCareTeam t = team();
        notes.write(actor(t.nurse()), t.team().id(), TeamEntry.Kind.CARE_NOTE, List.of("専門職の記録：家族の負担感強い"));
        String task = tasks.assign(actor(t.nurse()), t.team().id(), "お薬カレンダーの準備", t.pharmacist().id(),
                LocalDate.of(2030, 1, 15));
        var notebook = residents.logIn(port, residents.register(t.person()));
        long before = audit.max();
        String page = notebook.get("/phr/care-team").body();
        assertThat(page).contains("お薬カレンダーの準備").contains(t.pharmacist().nameKanji()).contains("2030-01-15")
                .doesNotContain("家族の負担感強い");
        List<AuditRows.Row> rows = audit.rowsSince(before);
        assertThat(rows).filteredOn(r -> "CareTeam".equals(r.resourceType())).singleElement()
                .satisfies(r -> assertThat(r.resourceIds()).contains(task, "CareTeam/" + t.team().id()));
        statuses.change(actor(t.pharmacist()), t.team().id(), task, "completed");
        assertThat(notebook.get("/phr/care-team").body()).doesNotContain("お薬カレンダーの準備");
    }

    private void refused(HomeCareTeam t, CareTeams.Actor by, String why) {
        assertRefused(t, by, t.team().id(), why);
    }

    /** Each write and the timeline refused as a missing team: one DENY row each, nothing new in the table. */
    private void assertRefused(HomeCareTeam t, CareTeams.Actor by, UUID team, String why) {
        long entries = jdbc.sql("SELECT count(*) FROM care_team_entry").query(Long.class).single();
        List<Supplier<Object>> attempts = List.of(
                () -> notes.write(by, team, TeamEntry.Kind.CARE_NOTE, List.of("不正")),
                () -> vitalSigns.record(by, team, Map.of(RecordTeamVitals.Measure.PULSE, new BigDecimal("70"))),
                () -> tasks.assign(by, team, "不正", t.pharmacist().id(), null),
                () -> timelines.read(by, team, null));
        for (Supplier<Object> attempt : attempts) {
            long before = audit.max();
            assertThatThrownBy(attempt::get).as(why).isInstanceOf(Refused.class).hasMessage(CareTeams.NOT_FOUND);
            List<AuditRows.Row> rows = audit.rowsSince(before);
            assertThat(rows).as(why).hasSize(1);
            assertThat(rows.getFirst().outcome()).isEqualTo("DENY");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM care_team_entry").query(Long.class).single()).as(why)
                .isEqualTo(entries);
    }

    private String assertOneRow(Supplier<String> write, String type) {
        long before = audit.max();
        String id = write.get();
        List<AuditRows.Row> rows = audit.rowsSince(before);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().action()).isEqualTo("CREATE");
        assertThat(rows.getFirst().resourceType()).isEqualTo(type);
        assertThat(rows.getFirst().resourceIds()).anyMatch(r -> r.endsWith(id));
        assertThat(rows.getFirst().resourceIds()).anyMatch(r -> r.startsWith("Provenance/"));
        return id;
    }

    private List<Long> storedUnder(String resourceId) {
        return jdbc.sql("SELECT source_facility, patient_key FROM resource WHERE id = ?").param(resourceId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    private long sourcePatientOf(Facility facility, long person) {
        return identities.sourcePatientsOf(person).stream().filter(s -> s.facilityId() == facility.id()).findFirst()
                .orElseThrow().id();
    }

    private static CareTeams.Actor actor(User user) {
        return HomeCareTeam.actor(user);
    }
}
