package org.musubi.carenet;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.ObservationValue;
import tools.jackson.databind.JsonNode;

/** A live member opens one of the team's photos. */
public final class OpenTeamPhoto {

    /** What a photo's reads are audited as (its refusals too). */
    public static final String PHOTO_TARGET = "care-team-photo";

    private final TeamWorkspace workspace;

    public OpenTeamPhoto(TeamWorkspace workspace) {
        this.workspace = workspace;
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
    public Photo open(CareTeams.Actor by, UUID teamId, String mediaId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.READ, Outcome.DENY).on(PHOTO_TARGET);
        CareTeam team = workspace.teams().liveTeam(by, teamId, attempt);
        boolean listed = mediaId != null && workspace.entries().find(mediaId)
                .filter(e -> e.kind() == TeamEntry.Kind.PHOTO && e.teamId().equals(team.id())).isPresent();
        if (!listed) {
            throw workspace.teams().refused(attempt, team.personId(), CareTeams.NOT_FOUND);
        }
        Reader reader = new Reader(by.userId(), by.facilityId(), Purpose.TREATMENT);
        Interaction<Optional<StoredResource>> read = workspace.reads().readPerson(reader,
                PatientRef.person(team.personId()), AuditAction.READ, PHOTO_TARGET,
                record -> record.contents(List.of(mediaId)).stream()
                        .filter(r -> r.type().equals("Media")).findFirst());
        if (!read.permitted() || read.value() == null || read.value().isEmpty()) {
            throw new Refused(CareTeams.NOT_FOUND);
        }
        JsonNode media = ObservationValue.tree(read.value().get().json());
        boolean ours = false;
        for (JsonNode extension : media.path("extension")) {
            ours |= FhirSystems.CARE_TEAM_EXTENSION.equals(TeamWorkspace.text(extension.path("url")))
                    && ("CareTeam/" + team.id()).equals(TeamWorkspace.text(extension.path("valueReference")
                    .path("reference")));
        }
        String url = TeamWorkspace.text(media.path("content").path("url"));
        String prefix = FhirSystems.BLOB_SHA256 + ":";
        Optional<InputStream> content = ours && url.startsWith(prefix)
                ? workspace.parts().photos().open(url.substring(prefix.length())) : Optional.empty();
        return content.map(in -> new Photo(TeamWorkspace.text(media.path("content").path("contentType")), in))
                .orElseThrow(() -> new Refused(CareTeams.NOT_FOUND));
    }
}
