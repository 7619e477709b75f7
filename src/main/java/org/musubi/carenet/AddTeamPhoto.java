package org.musubi.carenet;

import java.util.List;
import java.util.UUID;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.policy.DataCategory;

/** A live member adds a (wound) photo to the team's workspace: the picture made safe, kept, and its Media stored. */
public final class AddTeamPhoto {

    /** The longest caption or body site kept (a photo's free texts). */
    static final int PHOTO_TEXT = 1000;

    private final TeamWorkspace workspace;

    public AddTeamPhoto(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * A (wound) photo with an optional caption and body site (free text): the caller must be a live member (else {@link
     * CareTeams#NOT_FOUND}, one row); the upload is then made safe ({@link TeamPhotos}: a picture that is no JPEG or PNG,
     * too large or unreadable is refused with {@link PhotoSanitizer.Refused} saying why — nothing stored, nothing
     * audited, as for any entry whose content is not acceptable); only inside the entry the gate permitted is the
     * picture kept in the blob store and its Media stored (category CARE_RECORDS). Returns the Media's id.
     */
    public String add(CareTeams.Actor by, UUID teamId, String fileName, byte[] bytes, String caption,
                      String bodySite) {
        String note = photoText(caption);
        String site = photoText(bodySite);
        CareTeam team = workspace.member(by, teamId, "Media");
        TeamPhotos photos = workspace.parts().photos();
        PhotoSanitizer.Sanitized safe = photos.check(fileName, bytes);
        return workspace.enter(by, team, "Media", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            TeamPhotos.Kept kept = photos.keep(safe);
            return new TeamWorkspace.Made(List.of(workspace.parts().records().photo(team.id(), at.own(), id,
                    workspace.name(by.userId()), kept, note, site)),
                    workspace.entry(id, team, at.own(), TeamEntry.Kind.PHOTO, by, null, null, null));
        });
    }

    private static String photoText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > PHOTO_TEXT) {
            throw new Refused(TeamWorkspace.INVALID);
        }
        return text.strip();
    }
}
