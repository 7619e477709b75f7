package org.musubi.portal.careteam;

import static org.musubi.portal.careteam.WorkspaceAnswers.actor;
import static org.musubi.portal.careteam.WorkspaceAnswers.id;
import static org.musubi.portal.careteam.WorkspaceAnswers.saved;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.musubi.carenet.AddTeamPhoto;
import org.musubi.carenet.OpenTeamPhoto;
import org.musubi.carenet.TeamPhotos;
import org.musubi.consent.Refused;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.registry.FieldFault;
import org.musubi.security.SignedIn;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A care team's (wound) photos in its workspace: the upload and the picture, as {@link WorkspaceController} answers. */
@Controller
class TeamPhotoController {

    private final AddTeamPhoto adds;
    private final OpenTeamPhoto opens;
    private final TeamPhotos photos;

    TeamPhotoController(AddTeamPhoto adds, OpenTeamPhoto opens, TeamPhotos photos) {
        this.adds = adds;
        this.opens = opens;
        this.photos = photos;
    }

    /**
     * A (wound) photo: made safe before anything is stored; a file that is no JPEG or PNG, too large or unreadable is
     * shown back with the reason (nothing stored, nothing audited).
     */
    @PostMapping("/portal/care-teams/{teamId}/photos")
    String photo(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                 @RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String caption,
                 @RequestParam(required = false) String bodySite, HttpServletResponse response,
                 RedirectAttributes flash) throws IOException {
        byte[] bytes = new byte[0];
        if (photo != null && !photo.isEmpty()) {
            try (InputStream in = photo.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, photos.maxBytes() + 1));
            }
        }
        String fileName = photo == null ? null : photo.getOriginalFilename();
        byte[] upload = bytes;
        try {
            return saved(teamId, response, id -> adds.add(actor(me), id, fileName, upload, caption, bodySite));
        } catch (PhotoSanitizer.Refused e) {
            flash.addFlashAttribute("photoFaults", List.of(new FieldFault("photo", e.messageKey(), e.args())));
            return "redirect:/portal/care-teams/" + teamId + "?invalid";
        }
    }

    /**
     * A team's photo, for a live member: served with its own type, never sniffed, cached or run (nothing loads from
     * it); anyone else, an ex-member, a guessed id, a photo of another team: the same 404 as for no photo.
     */
    @GetMapping("/portal/care-teams/{teamId}/photos/{mediaId}")
    ResponseEntity<?> photo(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                            @PathVariable String mediaId) {
        OpenTeamPhoto.Photo photo;
        try {
            photo = opens.open(actor(me), id(teamId), mediaId);
        } catch (Refused e) {
            return ResponseEntity.status(HttpServletResponse.SC_NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Not found");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.mediaType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("Content-Security-Policy", "default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(new InputStreamResource(photo.content()));
    }
}
