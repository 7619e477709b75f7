package org.musubi.portal.admin.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.musubi.audit.Actor;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportAdministration;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.RunImport;
import org.musubi.portal.admin.Admins;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import monitoring: sources (register, watch a folder, import now), batches with live counters, and a
 * batch's problems with the raw input of rejected records. Network admins see every facility, facility
 * admins their own.
 */
@Controller
class ImportController {

    private static final int PAGE = 50;
    private final ImportAdministration imports;
    private final ImportQueue queue;
    private final Facilities facilities;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("import-screen").daemon().factory());

    ImportController(ImportAdministration imports, ImportQueue queue, Facilities facilities) {
        this.imports = imports;
        this.queue = queue;
        this.facilities = facilities;
    }

    @GetMapping("/admin/imports")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page, Model model) {
        Administrator admin = Admins.of(me);
        List<ImportAdministration.BatchLine> batches = imports.batches(admin, Math.max(page, 0) * PAGE, PAGE);
        List<Facility> options = admin.networkAdmin() ? facilities.all()
                : admin.adminFacilityIds().stream().sorted().flatMap(id -> facilities.find(id).stream()).toList();
        model.addAttribute("sources", imports.sources(admin));
        model.addAttribute("batches", batches);
        model.addAttribute("running", batches.stream().anyMatch(b -> b.batch().status().name().equals("RUNNING")));
        model.addAttribute("facilityOptions", options);
        model.addAttribute("facilityNames", facilities.all().stream().collect(Collectors.toMap(Facility::id, Facility::nameKanji)));
        model.addAttribute("kinds", Arrays.asList(ImportKind.values()));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("now", Instant.now());
        return "admin/imports";
    }

    @GetMapping("/admin/imports/{batchId}")
    String batch(@AuthenticationPrincipal SignedIn me, @PathVariable long batchId,
                 @RequestParam(defaultValue = "false") boolean errors, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        Administrator admin = Admins.of(me);
        ImportAdministration.BatchDetail detail = imports.batch(admin, batchId, errors, Math.max(page, 0) * PAGE, PAGE);
        model.addAttribute("detail", detail);
        model.addAttribute("networkAdmin", admin.networkAdmin());
        model.addAttribute("errors", errors);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("facilityName", facilities.find(detail.source().facilityId()).map(Facility::nameKanji).orElse(""));
        model.addAttribute("now", Instant.now());
        return "admin/import-batch";
    }

    @PostMapping("/admin/imports/sources")
    String register(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facilityId,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String location, @RequestParam(defaultValue = "false") boolean watch,
                    RedirectAttributes redirect) {
        try {
            ImportKind chosen = Arrays.stream(ImportKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
            imports.register(Admins.of(me), facilityId == null ? -1 : facilityId, chosen, name, location, watch);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidRegistration e) {
            redirect.addFlashAttribute("faults", e.faults());
        }
        return "redirect:/admin/imports";
    }

    @PostMapping("/admin/imports/sources/{sourceId}")
    String update(@AuthenticationPrincipal SignedIn me, @PathVariable long sourceId,
                  @RequestParam(required = false) String location, @RequestParam(defaultValue = "false") boolean watch,
                  @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        try {
            imports.update(Admins.of(me), sourceId, location, watch, active);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidRegistration e) {
            redirect.addFlashAttribute("faults", e.faults());
        }
        return "redirect:/admin/imports";
    }

    /** Imports a source's folder now, in the background; the list shows its progress. */
    @PostMapping("/admin/imports/sources/{sourceId}/run")
    String runNow(@AuthenticationPrincipal SignedIn me, @PathVariable long sourceId, RedirectAttributes redirect) {
        ImportSource source = imports.source(Admins.of(me), sourceId);
        if (source.location() == null || !source.active()) {
            redirect.addFlashAttribute("faults", List.of(FieldFault.of("location",
                    "imports.fault.locationRequired")));
            return "redirect:/admin/imports";
        }
        Actor actor = new Actor(me.userId(), me.loginId(), me.facilityId(), me.profession());
        background.submit(() -> queue.run(source, () -> FolderFiles.of(source.kind(), Path.of(source.location())),
                new RunImport.Runner(me.userId(), actor, BatchOrigin.SCREEN), ImportProgress.NONE));
        redirect.addFlashAttribute("started", true);
        return "redirect:/admin/imports";
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }

    /** The background thread ends with the context. */
    @jakarta.annotation.PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }
}
