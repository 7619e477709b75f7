package org.musubi.portal.box;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.box.Box;
import org.musubi.box.BoxPreviews;
import org.musubi.box.web.BoxDownloads;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A Box file shown in the browser: its page ({@code /portal/box/files/<id>/preview}, the view, audited once) and the
 * content the page shows ({@code …/preview/content}: a PDF for pdf.js — an Office file converted — or an image, inline
 * under our own type, never sniffed, no script; fetched with the view's pass kept in the session, so the page and its
 * content are one audit row). Without a pass the content route is a view of its own. A file the user may not have
 * answers 404 on both, like an id nobody has.
 */
@Controller
class BoxPreviewController {

    /** The passes of the user's latest views, in their session. */
    static final String PASSES = "boxPreviewPasses";
    private static final int PASSES_KEPT = 16;

    private final BoxPreviews previews;

    BoxPreviewController(BoxPreviews previews) {
        this.previews = previews;
    }

    @GetMapping("/portal/box/files/{id}/preview")
    String preview(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpSession session, Model model) {
        BoxPreviews.Preview preview = previews.view(reader(me), BoxDownloads.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        keep(session, preview.pass());
        model.addAttribute("file", preview.file());
        model.addAttribute("kind", preview.kind().name());
        return "portal/box/preview";
    }

    @GetMapping("/portal/box/files/{id}/preview/content")
    void content(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpSession session,
                 HttpServletResponse response) throws IOException {
        UUID file = BoxDownloads.id(id);
        Box.ViewPass pass = passes(session).stream().filter(p -> p.file().equals(file)).findFirst()
                .orElseGet(() -> previews.view(reader(me), file).map(BoxPreviews.Preview::pass).orElse(null));
        Optional<BoxPreviews.Shown> shown = pass == null ? Optional.empty() : previews.content(reader(me), pass);
        if (shown.isEmpty()) {
            UntrustedContent.forbidActiveContent(response);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        UntrustedContent.inlineIfSafe(response, shown.get().contentType(), "box-file");
        if (shown.get().size() >= 0) {
            response.setContentLengthLong(shown.get().size());
        }
        try (InputStream in = shown.get().content()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static void keep(HttpSession session, Box.ViewPass pass) {
        List<Box.ViewPass> kept = new ArrayList<>(passes(session));
        kept.removeIf(p -> p.file().equals(pass.file()));
        kept.addFirst(pass);
        while (kept.size() > PASSES_KEPT) {
            kept.removeLast();
        }
        session.setAttribute(PASSES, kept);
    }

    @SuppressWarnings("unchecked")
    private static List<Box.ViewPass> passes(HttpSession session) {
        return session.getAttribute(PASSES) instanceof ArrayList<?> kept ? (List<Box.ViewPass>) kept : List.of();
    }

    private static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }
}
