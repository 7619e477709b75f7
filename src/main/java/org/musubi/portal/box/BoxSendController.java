package org.musubi.portal.box;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.box.Box;
import org.musubi.box.SendFiles;
import org.musubi.paging.PageRequest;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.musubi.box.web.BoxUploads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Box's page for sending files to named staff or a facility's members of chosen professions (asked once, for a send
 * cannot be undone: only a POST with {@code confirmed=yes} sends), through {@link SendFiles}.
 */
@Controller
class BoxSendController {

    private final SendFiles sending;
    private final Facilities facilities;
    private final Users users;
    private final BoxUploads resumable;

    BoxSendController(SendFiles sending, Facilities facilities, Users users, BoxUploads resumable) {
        this.sending = sending;
        this.facilities = facilities;
        this.users = users;
        this.resumable = resumable;
    }

    @GetMapping("/portal/box/new")
    String form(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facility,
                @RequestParam(required = false) Long person, Model model) {
        model.addAttribute("person", person);
        return page(me, facility, List.of(), model);
    }

    @PostMapping("/portal/box")
    String send(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facility,
                @RequestParam(required = false) List<Long> user, @RequestParam(required = false) List<String> profession,
                @RequestParam(defaultValue = "false") boolean wholeFacility,
                @RequestParam(required = false) String message, @RequestParam(required = false) MultipartFile[] files,
                @RequestParam(required = false) List<String> upload, @RequestParam(required = false) Long person,
                @RequestParam(defaultValue = "false") boolean attach, @RequestParam(required = false) String confirmed,
                Model model) {
        if (!"yes".equals(confirmed)) {
            // a send cannot be undone (issue 67): it asks once; nothing is sent, nor an upload taken
            return "redirect:/portal/box/new?confirm" + (facility == null ? "" : "&facility=" + facility)
                    + (person == null ? "" : "&person=" + person);
        }
        model.addAttribute("person", person);
        List<Box.Upload> uploads = new ArrayList<>();
        List<InputStream> opened = new ArrayList<>();
        List<String> named = upload == null ? List.of() : upload.stream().filter(u -> !u.isBlank()).toList();
        try {
            try {
                for (Box.Upload ready : resumable.complete(me.userId(), named)) {
                    opened.add(ready.content());
                    uploads.add(ready);
                }
            } catch (BoxUploads.NotReady e) {
                return page(me, facility, List.of("box.upload.notReady"), model);
            }
            for (MultipartFile file : files == null ? new MultipartFile[0] : files) {
                if (!file.isEmpty()) {
                    InputStream in = file.getInputStream();
                    opened.add(in);
                    uploads.add(new Box.Upload(file.getOriginalFilename(), file.getContentType(), in));
                }
            }
            if (uploads.isEmpty()) {
                return page(me, facility, List.of("box.fault.noFile"), model);
            }
            Set<Profession> professions = profession == null ? Set.of() : profession.stream()
                    .flatMap(p -> Arrays.stream(Profession.values()).filter(v -> v.name().equals(p)))
                    .collect(Collectors.toSet());
            Long members = facility != null && (wholeFacility || !professions.isEmpty()) ? facility : null;
            Box.Sent sent = sending.send(reader(me), uploads, new Box.Recipients(user == null ? Set.of() : Set.copyOf(user),
                    members, professions), message, person == null ? null : new Box.About(person, attach));
            if (sent.files().isEmpty()) {
                return page(me, facility, sent.faults(), model);
            }
            resumable.discard(named);
            return "redirect:/portal/box?sent=" + sent.files().size() + (sent.faults().isEmpty() ? "" : "&faults="
                    + String.join(",", sent.faults()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the upload's temporary file goes with the request
                }
            }
        }
    }

    private String page(SignedIn me, Long facility, List<String> faults, Model model) {
        List<Facility> active = facilities.all().stream().filter(Facility::active).toList();
        model.addAttribute("facilities", active);
        model.addAttribute("facility", facility);
        model.addAttribute("facilityName", active.stream().filter(f -> f.id() == (facility == null ? -1 : facility))
                .map(Facility::nameKanji).findFirst().orElse(""));
        List<User> staff = facility == null ? List.of() : users.search(null, facility, new PageRequest(1, PageRequest.MAX_SIZE))
                .items().stream().filter(User::active).filter(u -> u.id() != me.userId()).toList();
        model.addAttribute("staff", staff);
        model.addAttribute("professions", Arrays.stream(Profession.values())
                .filter(p -> p != Profession.FACILITY_SYSTEM && p != Profession.RESIDENT).toList());
        model.addAttribute("faults", faults);
        model.addAttribute("room", Math.max(0, sending.room(reader(me))));
        return "portal/box/new";
    }

    private static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }
}
