package org.musubi.imaging.ai.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.musubi.imaging.ai.AiLinks;
import org.musubi.imaging.ai.AiPixels;
import org.musubi.imaging.proxy.web.StudyForwarder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The scoped DICOMweb route an AI service fetches its work item's study from, {@code
 * /imaging/ai/dicomweb/<pixel token>/studies/<uid>/…} (GET only; the token in the path, and when an {@code
 * Authorization: Bearer} header is sent, the same token there): the paths the viewer's proxy serves, of that one study
 * only. Everything refused — the token, the study, a series or instance not of it — answers the same 404 and leaves one
 * DENY audit row; the first answer with data leaves the work item's one READ row.
 */
@Controller
class AiPixelController {

    private final AiPixels pixels;
    private final StudyForwarder forwarder;

    AiPixelController(AiPixels pixels, StudyForwarder forwarder) {
        this.pixels = pixels;
        this.forwarder = forwarder;
    }

    @GetMapping({"/imaging/ai/dicomweb/{token}/studies/{study}", "/imaging/ai/dicomweb/{token}/studies/{study}/**"})
    void pixels(@PathVariable String token, @PathVariable String study, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        String bearer = request.getHeader("Authorization");
        Optional<AiPixels.Allowed> allowed = bearer != null && !bearer.equals("Bearer " + token) ? Optional.empty()
                : pixels.allow(token, study);
        if (allowed.isEmpty()) {
            if (bearer != null && !bearer.equals("Bearer " + token)) {
                pixels.refused(study);
            }
            notFound(response);
            return;
        }
        String root = AiLinks.PIXELS + token + "/studies/";
        String rest = StudyForwarder.rest(request, root + study);
        Optional<StudyForwarder.Target> target = forwarder.target(study, rest);
        if (target.isEmpty() || !forwarder.forward(target.get(), request.getContextPath() + root, request, response,
                () -> pixels.served(allowed.get()))) {
            pixels.refused(study);
            notFound(response);
        }
    }

    /** The one answer of everything refused on the services' routes. */
    static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write("not found\n".getBytes(StandardCharsets.UTF_8));
    }
}
