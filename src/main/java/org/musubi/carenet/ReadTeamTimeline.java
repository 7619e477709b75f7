package org.musubi.carenet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.observation.ObservationValue;
import tools.jackson.databind.JsonNode;

/**
 * A live member reads the team's timeline: the team's newest entries (from the table) read through the person's
 * record, one audit row naming every resource shown. "Since my last visit" is what other members wrote after the
 * caller's own last entry in the team (none yet: everything shown).
 */
public final class ReadTeamTimeline {

    /** How many entries the timeline shows at once. */
    public static final int PAGE = 50;

    private final TeamWorkspace workspace;

    public ReadTeamTimeline(TeamWorkspace workspace) {
        this.workspace = workspace;
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
    public Timeline read(CareTeams.Actor by, UUID teamId, Instant before) {
        CareTeams teams = workspace.teams();
        CareTeam team = teams.liveTeam(by, teamId, AuditEntry.of(AuditAction.READ, Outcome.DENY).on("CareTeam"));
        List<TeamEntry> page = workspace.entries().page(teamId, before, PAGE + 1);
        boolean more = page.size() > PAGE;
        List<TeamEntry> shown = more ? page.subList(0, PAGE) : page;
        Instant mine = workspace.entries().lastWritten(teamId, by.userId()).orElse(null);
        Reader reader = new Reader(by.userId(), by.facilityId(), Purpose.TREATMENT);
        Interaction<List<StoredResource>> read = workspace.reads().readPerson(reader,
                PatientRef.person(team.personId()), AuditAction.READ, "CareTeam",
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
                .forEach(m -> members.put(m.userId(), names.computeIfAbsent(m.userId(), workspace::name)));
        return new Timeline(team, items, since, mine, more, members);
    }

    private Item item(TeamEntry entry, StoredResource resource, Map<Long, String> names) {
        JsonNode node = ObservationValue.tree(resource.json());
        List<String> lines = new ArrayList<>();
        switch (resource.type()) {
            case "Communication" -> node.path("payload").forEach(p -> lines.add(p.path("contentString").asText()));
            case "Observation" -> lines.add(TeamWorkspace.text(node.path("code").path("text")).isEmpty()
                    ? node.path("code").path("coding").path(0).path("display").asText() + " "
                    + ObservationValue.of(node).shown() : TeamWorkspace.text(node.path("code").path("text")) + " "
                    + ObservationValue.of(node).shown());
            case "Task" -> lines.add(TeamWorkspace.text(node.path("description")));
            case "Media" -> {
                node.path("note").forEach(n -> lines.add(TeamWorkspace.text(n.path("text"))));
                if (!TeamWorkspace.text(node.path("bodySite").path("text")).isEmpty()) {
                    lines.add(TeamWorkspace.text(node.path("bodySite").path("text")));
                }
            }
            default -> { }
        }
        String writer = names.computeIfAbsent(entry.writtenBy(), workspace::name);
        String assignee = entry.assignee() == null ? null : names.computeIfAbsent(entry.assignee(), workspace::name);
        return new Item(entry, writer, lines, assignee);
    }
}
