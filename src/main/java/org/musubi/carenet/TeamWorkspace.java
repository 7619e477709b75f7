package org.musubi.carenet;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.write.Entry;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import tools.jackson.databind.JsonNode;

/**
 * A care team's workspace (在宅ケアチームの共有記録), what its use cases share: notes (SOAP for clinicians, care notes
 * for care workers), vital signs, a short ADL check, tasks with an assignee and a due date, and (wound) photos, for the
 * team's live members only.
 *
 * <p>Every entry is one interaction through the record's one write door ({@link WriteRecords#enter}) with the gate
 * {@link org.musubi.policy.PersonView#teamEntry}: the caller must first be a live member of this team (else {@link
 * CareTeams#NOT_FOUND}, one audit row, as for a team that does not exist), then the policy must let them see the
 * patient as a member or through a consented link, and see what the entry is (its category, under their facility).
 * The entry is stored under their facility's own source patient of the person ({@link TeamSources}), with its
 * Provenance, and listed in the team's table ({@link TeamEntries}) in the same transaction; one audit row (the first
 * entry of a facility also links its new source patient: one {@code IDENTITY_LINK} row more).
 *
 * <p>On a read-only standby every write is refused before anything is read or audited ({@link
 * ReadOnlyStandbyException}, the standby's message; the web filter answers the POSTs so already); the timeline and the
 * task list still read.
 */
public final class TeamWorkspace {

    /** A refusal of a write whose content is not acceptable (an empty note, an assignee who is no member). */
    public static final String INVALID = "careTeam.workspace.invalid";

    private final CareTeams teams;
    private final WriteRecords writes;
    private final ReadRecords reads;
    private final TeamEntries entries;
    private final Parts parts;

    /** What the workspace builds with besides the doors. */
    public record Parts(TeamRecords records, TeamSources sources, Users users, PersonAccess access,
                        BooleanSupplier readOnly, TeamPhotos photos) {
    }

    public TeamWorkspace(CareTeams teams, WriteRecords writes, ReadRecords reads, TeamEntries entries, Parts parts) {
        this.teams = teams;
        this.writes = writes;
        this.reads = reads;
        this.entries = entries;
        this.parts = parts;
    }

    CareTeams teams() {
        return teams;
    }

    ReadRecords reads() {
        return reads;
    }

    TeamEntries entries() {
        return entries;
    }

    Parts parts() {
        return parts;
    }

    /** What one body makes: the writes and the table's row. */
    record Made(List<ResourceWrite> writes, List<TeamEntry> rows) {

        Made(List<ResourceWrite> writes, TeamEntry row) {
            this(writes, List.of(row));
        }
    }

    /** Where a body writes: the team, the writer's source patient, the record being entered. */
    record At(CareTeam team, SourcePatient own, Entry record) {
    }

    TeamEntry entry(String id, CareTeam team, SourcePatient own, TeamEntry.Kind kind, CareTeams.Actor by,
                    Long assignee, LocalDate due, String status) {
        return new TeamEntry(id, team.id(), team.personId(), own.facilityId(), kind, by.userId(),
                parts.records().clock().instant(), assignee, due, status);
    }

    /** The team, when the caller is a live member of it; else {@link CareTeams#NOT_FOUND}, audited once. */
    CareTeam member(CareTeams.Actor by, UUID teamId, String auditedAs) {
        if (parts.readOnly().getAsBoolean()) {
            throw new ReadOnlyStandbyException();
        }
        return teams.liveTeam(by, teamId, attempt(auditedAs));
    }

    static AuditEntry attempt(String auditedAs) {
        return AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on(auditedAs);
    }

    /** One entry of a live member: the write door with the team's gate; returns the table row's resource id. */
    String enter(CareTeams.Actor by, CareTeam team, String auditedAs, DataCategory category, Function<At, Made> body) {
        Reader author = new Reader(by.userId(), by.facilityId(), Purpose.TREATMENT);
        Interaction<String> done = writes.enter(author, team.personId(), AuditAction.CREATE, auditedAs,
                view -> view.teamEntry(new DataItem(by.facilityId(), category)), record -> {
                    SourcePatient own = parts.sources().of(by.userId(), by.facilityId(),
                            record.view().opened().orElseThrow(), record.view().sources());
                    Made made = body.apply(new At(team, own, record));
                    String name = name(by.userId());
                    record.store(made.writes(), written -> parts.records().provenance(own, name, written));
                    made.rows().forEach(entries::add);
                    return made.rows().getFirst().resourceId();
                });
        if (!done.permitted() || done.value() == null) {
            throw new Refused(CareTeams.NOT_FOUND);
        }
        return done.value();
    }

    String name(long userId) {
        return parts.users().find(userId).map(User::nameKanji).orElse("#" + userId);
    }

    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }
}
