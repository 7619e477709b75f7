package org.musubi.carenet;

import tools.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Task;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.identity.SourcePatient;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * A care team's workspace (在宅ケアチームの共有記録): notes (SOAP for clinicians, care notes for care workers), vital
 * signs, a short ADL check, tasks with an assignee and a due date, and (wound) photos, for the team's live members
 * only.
 *
 * <p>Every entry is one interaction through the record's one write door ({@link WriteRecords#enter}) with the gate
 * {@link org.musubi.policy.PersonView#teamEntry}: the caller must first be a live member of this team (else {@link
 * CareTeams#NOT_FOUND}, one audit row, as for a team that does not exist), then the policy must let them see the
 * patient as a member or through a consented link, and see what the entry is (its category, under their facility).
 * The entry is stored under their facility's own source patient of the person ({@link TeamSources}), with its
 * Provenance, and listed in the team's table ({@link TeamEntries}) in the same transaction; one audit row (the first
 * entry of a facility also links its new source patient: one {@code IDENTITY_LINK} row more).
 *
 * <p>The timeline is one interaction too: the team's newest entries (from the table) read through the person's
 * record, one audit row naming every resource shown. "Since my last visit" is what other members wrote after the
 * caller's own last entry in the team (none yet: everything shown).
 *
 * <p>On a read-only standby every write is refused before anything is read or audited ({@link
 * ReadOnlyStandbyException}, the standby's message; the web filter answers the POSTs so already); the timeline and the
 * task list still read.
 */
public final class TeamWorkspace {

    /** How many entries the timeline shows at once. */
    public static final int PAGE = 50;
    /** A refusal of a write whose content is not acceptable (an empty note, an assignee who is no member). */
    public static final String INVALID = "careTeam.workspace.invalid";
    /** What a photo's reads are audited as (its refusals too). */
    public static final String PHOTO_TARGET = "care-team-photo";
    /** The longest caption or body site kept (a photo's free texts). */
    static final int PHOTO_TEXT = 1000;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

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

    /** A measure of vital signs the team records. */
    public enum Measure { SYSTOLIC, DIASTOLIC, PULSE, TEMPERATURE, SPO2, WEIGHT }

    /** A note: SOAP ({@code parts} S, O, A, P, blank ones left out) or a care note (one text). */
    public String note(CareTeams.Actor by, UUID teamId, TeamEntry.Kind kind, List<String> texts) {
        if (kind != TeamEntry.Kind.SOAP && kind != TeamEntry.Kind.CARE_NOTE) {
            throw new IllegalArgumentException("not a note: " + kind);
        }
        List<String> payload = new ArrayList<>();
        if (kind == TeamEntry.Kind.SOAP) {
            String[] labels = {"S", "O", "A", "P"};
            for (int i = 0; i < Math.min(4, texts.size()); i++) {
                if (texts.get(i) != null && !texts.get(i).isBlank()) {
                    payload.add(labels[i] + ": " + texts.get(i).strip());
                }
            }
        } else if (!texts.isEmpty() && texts.getFirst() != null && !texts.getFirst().isBlank()) {
            payload.add(texts.getFirst().strip());
        }
        if (payload.isEmpty()) {
            throw new Refused(INVALID);
        }
        CareTeam team = member(by, teamId, "Communication");
        return enter(by, team, "Communication", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            return new Made(List.of(parts.records().note(team.id(), at.own(), id, name(by.userId()), kind, payload)),
                    entry(id, team, at.own(), kind, by, null, null, null));
        });
    }

    /** An ADL check: each item of {@link TeamRecords#ADL_ITEMS} answered with one of {@link TeamRecords#ADL_ANSWERS}. */
    public String adl(CareTeams.Actor by, UUID teamId, Map<String, String> answers, String remark) {
        List<String> payload = new ArrayList<>();
        for (String item : TeamRecords.ADL_ITEMS) {
            String answer = answers.get(item);
            if (answer != null && TeamRecords.ADL_ANSWERS.contains(answer)) {
                payload.add(TeamRecords.adlPart(item, answer));
            }
        }
        if (payload.isEmpty()) {
            throw new Refused(INVALID);
        }
        if (remark != null && !remark.isBlank()) {
            payload.add(remark.strip());
        }
        CareTeam team = member(by, teamId, "Communication");
        return enter(by, team, "Communication", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            return new Made(List.of(parts.records().note(team.id(), at.own(), id, name(by.userId()),
                    TeamEntry.Kind.ADL, payload)), entry(id, team, at.own(), TeamEntry.Kind.ADL, by, null, null, null));
        });
    }

    /** Vital signs measured now (blood pressure needs both parts); one Observation per measure. */
    public String vitals(CareTeams.Actor by, UUID teamId, Map<Measure, BigDecimal> values) {
        Map<TeamRecords.Measure, BigDecimal> measures = new LinkedHashMap<>();
        values.forEach((m, v) -> {
            if (v != null) {
                measures.put(TeamRecords.Measure.valueOf(m.name()), v);
            }
        });
        if (measures.isEmpty() || measures.containsKey(TeamRecords.Measure.SYSTOLIC)
                != measures.containsKey(TeamRecords.Measure.DIASTOLIC) || !plausible(measures)) {
            throw new Refused(INVALID);
        }
        CareTeam team = member(by, teamId, "Observation");
        return enter(by, team, "Observation", DataCategory.VITALS, at -> {
            List<ResourceWrite> written = parts.records().vitals(team.id(), at.own(), name(by.userId()), measures);
            return new Made(written, written.stream().map(w -> entry(w.id(), team, at.own(), TeamEntry.Kind.VITALS, by,
                    null, null, null)).toList());
        });
    }

    /** Whether each value is within what a body can measure (the one table's range; nothing is stored otherwise). */
    private static boolean plausible(Map<TeamRecords.Measure, BigDecimal> values) {
        return values.entrySet().stream().allMatch(e -> e.getKey().sign.plausible(e.getValue()));
    }

    /** A task for a live member of the team, due on {@code due} (optional): status requested. */
    public String task(CareTeams.Actor by, UUID teamId, String text, long assignee, LocalDate due) {
        if (text == null || text.isBlank()) {
            throw new Refused(INVALID);
        }
        CareTeam team = member(by, teamId, "Task");
        if (!teams.liveMember(team, assignee)) {
            throw new Refused(INVALID);
        }
        return enter(by, team, "Task", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            return new Made(List.of(parts.records().task(team.id(), at.own(), id, name(by.userId()), text.strip(),
                    name(assignee), assignee, due)), entry(id, team, at.own(), TeamEntry.Kind.TASK, by, assignee, due,
                    "requested"));
        });
    }

    /**
     * A task's new status, by any live member of its team. The Task is the record of the facility that made it: when
     * the caller acts for that facility its Task gets a new version; a member of another facility records the change
     * as a note of their own about the Task (a Communication {@code about} the Task and the team). Either way the
     * team's table holds the status, and one audit row names what was read and written.
     */
    public void taskStatus(CareTeams.Actor by, UUID teamId, String taskId, String status) {
        if (!TeamEntry.TASK_STATUSES.contains(status)) {
            throw new Refused(INVALID);
        }
        CareTeam team = member(by, teamId, "Task");
        TeamEntry task = (taskId == null ? Optional.<TeamEntry>empty() : entries.find(taskId))
                .filter(e -> e.kind() == TeamEntry.Kind.TASK && e.teamId().equals(teamId)).orElse(null);
        if (task == null) {
            throw teams.refused(attempt("Task"), team.personId(), CareTeams.NOT_FOUND);
        }
        enter(by, team, "Task", DataCategory.CARE_RECORDS, at -> {
            entries.status(taskId, status);
            String noteId = UUID.randomUUID().toString();
            List<ResourceWrite> made = new ArrayList<>();
            Optional<StoredResource> stored = at.record().contents(List.of(taskId)).stream()
                    .filter(r -> r.type().equals("Task")).findFirst();
            if (at.own().facilityId() == task.facilityId()) {
                stored.ifPresent(r -> made.add(parts.records().taskStatus(r.json(), taskId, at.own(), status)));
            }
            made.add(parts.records().statusNote(team.id(), at.own(), noteId, name(by.userId()), taskId, status));
            return new Made(made, entry(noteId, team, at.own(), TeamEntry.Kind.TASK_STATUS, by, null, null, status));
        });
    }

    /**
     * A (wound) photo with an optional caption and body site (free text): the caller must be a live member (else {@link
     * CareTeams#NOT_FOUND}, one row); the upload is then made safe ({@link TeamPhotos}: a picture that is no JPEG or PNG,
     * too large or unreadable is refused with {@link PhotoSanitizer.Refused} saying why — nothing stored, nothing
     * audited, as for any entry whose content is not acceptable); only inside the entry the gate permitted is the
     * picture kept in the blob store and its Media stored (category CARE_RECORDS). Returns the Media's id.
     */
    public String photo(CareTeams.Actor by, UUID teamId, String fileName, byte[] bytes, String caption,
                        String bodySite) {
        String note = photoText(caption);
        String site = photoText(bodySite);
        CareTeam team = member(by, teamId, "Media");
        PhotoSanitizer.Sanitized safe = parts.photos().check(fileName, bytes);
        return enter(by, team, "Media", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            TeamPhotos.Kept kept = parts.photos().keep(safe);
            return new Made(List.of(parts.records().photo(team.id(), at.own(), id, name(by.userId()), kept, note, site)),
                    entry(id, team, at.own(), TeamEntry.Kind.PHOTO, by, null, null, null));
        });
    }

    /** The largest photo upload taken, in bytes. */
    public long photoLimit() {
        return parts.photos().maxBytes();
    }

    private static String photoText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > PHOTO_TEXT) {
            throw new Refused(INVALID);
        }
        return text.strip();
    }

    /** A team's photo to serve: its media type and content (to be closed by the caller). */
    public record Photo(String mediaType, InputStream content) {
    }

    /**
     * The team's photo {@code mediaId}, for a live member: one interaction (READ, audited as {@link #PHOTO_TARGET}, one
     * row naming the Media). Anyone else, an ex-member, a guessed id, a Media that is not this team's photo, a refusal
     * of the policy: {@link CareTeams#NOT_FOUND}, each audited once, exactly as for no photo. Nothing is written, so a
     * read-only standby serves photos too.
     */
    public Photo photo(CareTeams.Actor by, UUID teamId, String mediaId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.READ, Outcome.DENY).on(PHOTO_TARGET);
        CareTeam team = teams.liveTeam(by, teamId, attempt);
        boolean listed = mediaId != null && entries.find(mediaId)
                .filter(e -> e.kind() == TeamEntry.Kind.PHOTO && e.teamId().equals(team.id())).isPresent();
        if (!listed) {
            throw teams.refused(attempt, team.personId(), CareTeams.NOT_FOUND);
        }
        Reader reader = new Reader(by.userId(), by.facilityId(), Purpose.TREATMENT);
        Interaction<Optional<StoredResource>> read = reads.readPerson(reader, team.personId(), AuditAction.READ,
                PHOTO_TARGET, record -> record.contents(List.of(mediaId)).stream()
                        .filter(r -> r.type().equals("Media")).findFirst());
        if (!read.permitted() || read.value() == null || read.value().isEmpty()) {
            throw new Refused(CareTeams.NOT_FOUND);
        }
        JsonNode media = ObservationValue.tree(read.value().get().json());
        boolean ours = false;
        for (JsonNode extension : media.path("extension")) {
            ours |= FhirSystems.CARE_TEAM_EXTENSION.equals(text(extension.path("url")))
                    && ("CareTeam/" + team.id()).equals(text(extension.path("valueReference").path("reference")));
        }
        String url = text(media.path("content").path("url"));
        String prefix = FhirSystems.BLOB_SHA256 + ":";
        Optional<InputStream> content = ours && url.startsWith(prefix)
                ? parts.photos().open(url.substring(prefix.length())) : Optional.empty();
        return content.map(in -> new Photo(text(media.path("content").path("contentType")), in))
                .orElseThrow(() -> new Refused(CareTeams.NOT_FOUND));
    }

    /** One entry as the timeline shows it: who wrote it, and its lines (a note's parts, a measure each, a task's text). */
    public record Item(TeamEntry entry, String writer, List<String> lines, String assigneeName) {
    }

    /**
     * The team's timeline page: its entries newest first ({@code before} null: the newest), those of them other members
     * wrote since the caller's own last entry ({@code since}, in the same order; everything when they wrote none),
     * whether there are older ones, and the members (user id → name, live ones) a task may be assigned to.
     */
    public record Timeline(CareTeam team, List<Item> items, List<Item> since, Instant lastMine, boolean more,
                           Map<Long, String> members) {
    }

    /**
     * The timeline: one interaction with the team's person (READ, audited as {@code CareTeam}, one row naming every
     * resource shown); a caller who is no live member gets {@link CareTeams#NOT_FOUND} (one row), exactly as for no
     * such team; a refusal of the policy (a block, a withdrawn consent) the same.
     */
    public Timeline timeline(CareTeams.Actor by, UUID teamId, Instant before) {
        CareTeam team = teams.liveTeam(by, teamId, AuditEntry.of(AuditAction.READ, Outcome.DENY).on("CareTeam"));
        List<TeamEntry> page = entries.page(teamId, before, PAGE + 1);
        boolean more = page.size() > PAGE;
        List<TeamEntry> shown = more ? page.subList(0, PAGE) : page;
        Instant mine = entries.lastWritten(teamId, by.userId()).orElse(null);
        Reader reader = new Reader(by.userId(), by.facilityId(), Purpose.TREATMENT);
        Interaction<List<StoredResource>> read = reads.readPerson(reader, team.personId(), AuditAction.READ, "CareTeam",
                record -> record.contents(shown.stream().map(TeamEntry::resourceId).toList()));
        if (!read.permitted() || read.value() == null) {
            throw new Refused(CareTeams.NOT_FOUND);
        }
        Map<String, StoredResource> byId = read.value().stream()
                .collect(Collectors.toMap(StoredResource::id, r -> r, (a, b) -> a));
        Map<Long, String> names = new HashMap<>();
        List<Item> items = shown.stream().filter(e -> byId.containsKey(e.resourceId()))
                .map(e -> item(e, byId.get(e.resourceId()), names)).toList();
        List<Item> since = items.stream().filter(i -> i.entry().writtenBy() != by.userId()
                && (mine == null || i.entry().writtenAt().isAfter(mine))).toList();
        Map<Long, String> members = new LinkedHashMap<>();
        teams.members(by, teamId).orElse(List.of()).stream().filter(m -> m.liveAt(Instant.now()))
                .forEach(m -> members.put(m.userId(), names.computeIfAbsent(m.userId(), this::name)));
        return new Timeline(team, items, since, mine, more, members);
    }

    /** A task of the caller's as the task list shows it: its team, its entry, its text. */
    public record MyTask(CareTeam team, TeamEntry entry, String text) {
    }

    /**
     * The open tasks assigned to the caller in the teams they are a live member of: each team's person opened through
     * the policy (one READ row per person, naming the Tasks shown); a person the policy refuses shows nothing.
     */
    public List<MyTask> myTasks(CareTeams.Actor by) {
        if (by.facilityId() == null) {
            return List.of();
        }
        List<TeamEntry> open = entries.openTasksOf(by.userId(), by.facilityId(), Instant.now());
        Reader reader = new Reader(by.userId(), by.facilityId(), Purpose.TREATMENT);
        List<MyTask> tasks = new ArrayList<>();
        Map<Long, List<TeamEntry>> byPerson = open.stream()
                .collect(Collectors.groupingBy(TeamEntry::personId, LinkedHashMap::new, Collectors.toList()));
        byPerson.forEach((person, list) -> {
            Interaction<List<StoredResource>> read = reads.readPerson(reader, person, AuditAction.READ, "Task",
                    record -> record.contents(list.stream().map(TeamEntry::resourceId).toList()));
            if (read.permitted() && read.value() != null) {
                Map<String, StoredResource> byId = read.value().stream()
                        .collect(Collectors.toMap(StoredResource::id, r -> r, (a, b) -> a));
                for (TeamEntry e : list) {
                    StoredResource r = byId.get(e.resourceId());
                    if (r != null) {
                        teams.team(e.teamId()).ifPresent(t -> tasks.add(new MyTask(t, e,
                                text(ObservationValue.tree(r.json()).path("description")))));
                    }
                }
            }
        });
        tasks.sort(Comparator.comparing((MyTask t) -> t.entry().due(), Comparator.nullsLast(Comparator.naturalOrder())));
        return tasks;
    }

    /** A team as the resident (or their proxy) sees it: its members and the tasks the team has open for them. */
    public record ResidentTeam(CareTeams.TeamView view, List<MyTask> openTasks) {
    }

    /**
     * The person's teams with their open tasks, for the person themself or their live proxy (self access): one
     * interaction, one audit row naming the teams and the Tasks shown; empty for anyone else, exactly as for no such
     * person. The team's notes are the professionals' working record and are not listed here (the resident reads
     * their record as always); the tasks are what the team does for them.
     */
    public Optional<List<ResidentTeam>> forResident(long userId, long personId) {
        Reader resident = new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
        Interaction<List<ResidentTeam>> read = reads.readPerson(resident, personId, AuditAction.READ, "CareTeam",
                record -> {
                    List<CareTeams.TeamView> views = teams.teamsOf(personId);
                    record.wrote(views.stream().map(v -> "CareTeam/" + v.team().id()).toList());
                    List<ResidentTeam> shown = new ArrayList<>();
                    for (CareTeams.TeamView v : views) {
                        List<TeamEntry> open = entries.openTasks(v.team().id());
                        Map<String, StoredResource> byId = record.contents(open.stream().map(TeamEntry::resourceId)
                                .toList()).stream().collect(Collectors.toMap(StoredResource::id, r -> r, (a, b) -> a));
                        shown.add(new ResidentTeam(v, open.stream().filter(e -> byId.containsKey(e.resourceId()))
                                .map(e -> new MyTask(v.team(), e, text(ObservationValue.tree(byId.get(e.resourceId())
                                        .json()).path("description")))).toList()));
                    }
                    return shown;
                });
        return Optional.ofNullable(read.permitted() ? read.value() : null);
    }

    /**
     * How many open tasks wait for the user and how many are overdue (the home page's work list): counted from the
     * team's table, for the teams they are a live member of, leaving out every person the policy would not show the
     * user now (decided unaudited, {@link PersonAccess#glance}: a count, never content).
     */
    public int[] waiting(long userId, Long facilityId, Instant now) {
        if (facilityId == null) {
            return new int[] {0, 0};
        }
        List<TeamEntry> open = entries.openTasksOf(userId, facilityId, now);
        Map<Long, Boolean> seen = new HashMap<>();
        LocalDate today = LocalDate.ofInstant(now, JAPAN);
        int count = 0;
        int overdue = 0;
        for (TeamEntry e : open) {
            boolean sees = seen.computeIfAbsent(e.personId(), p -> parts.access().glance(userId, p)
                    .sees(new DataItem(e.facilityId(), DataCategory.CARE_RECORDS)));
            if (sees) {
                count++;
                overdue += e.overdue(today) ? 1 : 0;
            }
        }
        return new int[] {count, overdue};
    }

    private Item item(TeamEntry entry, StoredResource resource, Map<Long, String> names) {
        JsonNode node = ObservationValue.tree(resource.json());
        List<String> lines = new ArrayList<>();
        switch (resource.type()) {
            case "Communication" -> node.path("payload").forEach(p -> lines.add(p.path("contentString").asText()));
            case "Observation" -> lines.add(text(node.path("code").path("text")).isEmpty()
                    ? node.path("code").path("coding").path(0).path("display").asText() + " "
                    + ObservationValue.of(node).shown() : text(node.path("code").path("text")) + " "
                    + ObservationValue.of(node).shown());
            case "Task" -> lines.add(text(node.path("description")));
            case "Media" -> {
                node.path("note").forEach(n -> lines.add(text(n.path("text"))));
                if (!text(node.path("bodySite").path("text")).isEmpty()) {
                    lines.add(text(node.path("bodySite").path("text")));
                }
            }
            default -> { }
        }
        String writer = names.computeIfAbsent(entry.writtenBy(), this::name);
        String assignee = entry.assignee() == null ? null : names.computeIfAbsent(entry.assignee(), this::name);
        return new Item(entry, writer, lines, assignee);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }

    /** What one body makes: the writes and the table's row. */
    private record Made(List<ResourceWrite> writes, List<TeamEntry> rows) {

        Made(List<ResourceWrite> writes, TeamEntry row) {
            this(writes, List.of(row));
        }
    }

    private TeamEntry entry(String id, CareTeam team, SourcePatient own, TeamEntry.Kind kind, CareTeams.Actor by,
                            Long assignee, LocalDate due, String status) {
        return new TeamEntry(id, team.id(), team.personId(), own.facilityId(), kind, by.userId(),
                parts.records().clock().instant(), assignee, due, status);
    }

    /** The team, when the caller is a live member of it; else {@link CareTeams#NOT_FOUND}, audited once. */
    private CareTeam member(CareTeams.Actor by, UUID teamId, String auditedAs) {
        if (parts.readOnly().getAsBoolean()) {
            throw new ReadOnlyStandbyException();
        }
        return teams.liveTeam(by, teamId, attempt(auditedAs));
    }

    private static AuditEntry attempt(String auditedAs) {
        return AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on(auditedAs);
    }

    /** Where a body writes: the team, the writer's source patient, the record being entered. */
    private record At(CareTeam team, SourcePatient own, WriteRecords.Entry record) {
    }

    /** One entry of a live member: the write door with the team's gate; returns the table row's resource id. */
    private String enter(CareTeams.Actor by, CareTeam team, String auditedAs, DataCategory category,
                         Function<At, Made> body) {
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

    private String name(long userId) {
        return parts.users().find(userId).map(User::nameKanji).orElse("#" + userId);
    }
}
