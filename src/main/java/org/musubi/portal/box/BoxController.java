package org.musubi.portal.box;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.box.Box;
import org.musubi.box.BoxFile;
import org.musubi.box.DownloadFile;
import org.musubi.box.ListInbox;
import org.musubi.box.ListSentFiles;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.musubi.box.web.BoxDownloads;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Box's pages: the files sent to the user and those they sent (with who downloaded them), and a file's download —
 * which answers a file the user may not have exactly like one that does not exist (404), audited once by {@link
 * DownloadFile}. Sending is {@link BoxSendController}'s.
 */
@Controller
class BoxController {

    private final Box box;
    private final ListInbox inbox;
    private final ListSentFiles sentFiles;
    private final DownloadFile downloads;

    BoxController(Box box, ListInbox inbox, ListSentFiles sentFiles, DownloadFile downloads) {
        this.box = box;
        this.inbox = inbox;
        this.sentFiles = sentFiles;
        this.downloads = downloads;
    }

    @GetMapping("/portal/box")
    String index(@AuthenticationPrincipal SignedIn me, Model model) {
        Reader reader = reader(me);
        List<BoxFile> sent = sentFiles.sent(reader);
        Map<UUID, Object> recipients = new LinkedHashMap<>();
        sent.forEach(f -> recipients.put(f.id(), sentFiles.recipients(reader, f.id()).orElse(List.of())));
        model.addAttribute("received", inbox.received(reader));
        model.addAttribute("sent", sent);
        model.addAttribute("recipients", recipients);
        return "portal/box/index";
    }

    /**
     * The file, or — to its sender and recipients, when a restore did not find its content — a page saying so (410);
     * anyone else's answer is that of a file that does not exist.
     */
    @GetMapping("/portal/box/files/{id}")
    String download(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpServletResponse response,
                    Model model) throws IOException {
        UUID file = BoxDownloads.id(id);
        Optional<Box.Download> download = downloads.download(reader(me), file);
        if (download.isPresent()) {
            BoxDownloads.write(response, download.get());
            return null;
        }
        BoxFile lost = box.lostFor(reader(me), file).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("file", lost);
        return "portal/box/lost";
    }

    private static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }
}
