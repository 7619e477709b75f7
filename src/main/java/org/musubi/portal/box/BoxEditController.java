package org.musubi.portal.box;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.musubi.box.web.BoxDownloads;
import org.musubi.box.wopi.WopiAccess;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "編集 / Edit" on a Box file, when an online editor is configured ({@code musubi.box.wopi.editor-url}) and opens the
 * file: a page that posts a fresh access token (and its {@code access_token_ttl}) to the editor, with the file's WOPI
 * address ({@code WOPISrc}) in the editor's URL, as WOPI prescribes (the token in the body, never in a URL). Anything
 * else — no editor, a file the user may not download, a guessed id — answers 404 like a file that does not exist. A
 * GET that writes nothing, so that a read-only standby opens files for viewing too.
 */
@Controller
class BoxEditController {

    private final WopiAccess wopi;

    BoxEditController(WopiAccess wopi) {
        this.wopi = wopi;
    }

    @GetMapping("/portal/box/files/{id}/edit")
    String edit(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model, HttpServletResponse response) {
        WopiAccess.Launch launch = wopi.launch(new Reader(me.userId(), me.facilityId()), BoxDownloads.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String host = wopi.editor().hostUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : wopi.editor().hostUrl();
        String source = host + "/wopi/files/" + launch.file().id();
        String editor = wopi.editor().url();
        String action = editor + (editor.endsWith("?") || editor.endsWith("&") ? "" : editor.contains("?") ? "&" : "?")
                + "WOPISrc=" + URLEncoder.encode(source, StandardCharsets.UTF_8);
        URI target = URI.create(editor);
        // The page posts to the editor's origin: allowed for this page only.
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' "
                + target.getScheme() + "://" + target.getRawAuthority());
        model.addAttribute("file", launch.file());
        model.addAttribute("action", action);
        model.addAttribute("token", launch.token().token());
        model.addAttribute("ttl", launch.token().ttlMillis());
        return "portal/box/edit";
    }
}
