package org.musubi.portal.careteam;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.function.Function;
import org.musubi.carenet.CareTeams;
import org.musubi.carenet.TeamWorkspace;
import org.musubi.consent.Refused;
import org.musubi.security.SignedIn;

/**
 * What the workspace's pages answer alike: a saved form goes back to the team's page, a form with nothing valid in it
 * is shown again with a message, and anything refused is the 404 of a patient who does not exist.
 */
final class WorkspaceAnswers {

    private WorkspaceAnswers() {
    }

    static String saved(String teamId, HttpServletResponse response, Function<UUID, String> write) {
        try {
            write.apply(id(teamId));
            return "redirect:/portal/care-teams/" + teamId + "?saved";
        } catch (Refused e) {
            if (TeamWorkspace.INVALID.equals(e.messageKey())) {
                return "redirect:/portal/care-teams/" + teamId + "?invalid";
            }
            return denied(response);
        }
    }

    static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    static CareTeams.Actor actor(SignedIn me) {
        return new CareTeams.Actor(me.userId(), me.facilityId());
    }

    /** The team's id; a malformed one names no team (the same refusal, audited by the workspace). */
    static UUID id(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
