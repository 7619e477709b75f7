package org.musubi.imaging.reading.programme.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.imaging.reading.ProgrammeStatistics;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.programme.Programme;
import org.musubi.imaging.reading.programme.ProgrammeFault;
import org.musubi.imaging.reading.programme.ProgrammeStudy;
import org.musubi.imaging.reading.programme.Programmes;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The double reading programmes' pages: the operators' programmes (list, new programme, statistics and CSV — also for
 * the programme's chief), the submission (posted from the viewer), the submitting facility's list, the readers' and
 * comparers' worklist and entry page (read; compare). An entry the caller takes no part in, a step not allowed and a
 * made-up id answer 404 like an entry nobody has, each audited once by {@link Programmes}.
 */
@Controller
class ProgrammeController {

    private final Programmes programmes;
    private final Facilities facilities;

    ProgrammeController(Programmes programmes, Facilities facilities) {
        this.programmes = programmes;
        this.facilities = facilities;
    }

    @GetMapping("/imaging/programmes")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        if (!me.networkAdmin()) {
            throw absent();
        }
        model.addAttribute("programmes", programmes.programmes());
        model.addAttribute("kinds", Programme.Kind.values());
        model.addAttribute("facilityNames", names(programmes.programmes().stream().map(Programme::centreFacility)
                .toList()));
        return "imaging/programme/programmes";
    }

    @PostMapping("/imaging/programmes")
    String create(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String modality,
                  @RequestParam(required = false) Long centre, @RequestParam(required = false) Long chief,
                  @RequestParam(required = false) String readers, Model model) {
        try {
            Programme.Kind asked = kind == null ? null : Arrays.stream(Programme.Kind.values())
                    .filter(k -> k.name().equals(kind)).findFirst().orElse(null);
            List<Long> pool = readers == null ? List.of() : Arrays.stream(readers.split("[,、\\s]+"))
                    .filter(s -> s.matches("[0-9]{1,18}")).map(Long::parseLong).toList();
            return programmes.create(me.userId(), me.networkAdmin(), name, asked,
                            modality == null ? null : modality.strip().toUpperCase(java.util.Locale.ROOT),
                            centre == null ? -1 : centre, chief == null ? -1 : chief, pool)
                    .map(p -> "redirect:/imaging/programmes?created=" + p.id()).orElseThrow(ProgrammeController::absent);
        } catch (ProgrammeFault fault) {
            return fault(model, fault);
        }
    }

    @GetMapping("/imaging/programmes/{id}/statistics")
    String statistics(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        ProgrammeStatistics figures = programmes.statistics(reader(me), me.networkAdmin(), id(id))
                .orElseThrow(ProgrammeController::absent);
        model.addAttribute("programme", programmes.programme(id(id)).orElseThrow(ProgrammeController::absent));
        model.addAttribute("figures", figures);
        return "imaging/programme/statistics";
    }

    @GetMapping("/imaging/programmes/{id}/statistics.csv")
    ResponseEntity<byte[]> statisticsCsv(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        ProgrammeStatistics figures = programmes.statistics(reader(me), me.networkAdmin(), id(id))
                .orElseThrow(ProgrammeController::absent);
        Programme programme = programmes.programme(id(id)).orElseThrow(ProgrammeController::absent);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"programme-" + programme.id() + ".csv\"")
                .body(figures.csv(programme.name()).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/imaging/double")
    String submit(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String study,
                  @RequestParam(required = false) Long programme, Model model) {
        try {
            return programmes.submit(reader(me), study, programme == null ? -1 : programme)
                    .map(s -> "redirect:/imaging/double/submitted?submitted=" + s.id())
                    .orElseThrow(ProgrammeController::absent);
        } catch (ProgrammeFault fault) {
            return fault(model, fault);
        }
    }

    @GetMapping("/imaging/double/submitted")
    String submitted(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("lines", programmes.submitted(reader(me)));
        return "imaging/programme/submitted";
    }

    @GetMapping("/imaging/double")
    String worklist(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("lines", programmes.worklist(reader(me)));
        return "imaging/programme/worklist";
    }

    @GetMapping("/imaging/double/{id}")
    String item(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        Programmes.Shown shown = programmes.item(reader(me), id(id)).orElseThrow(ProgrammeController::absent);
        model.addAttribute("shown", shown);
        model.addAttribute("categories", ScreeningCategory.values());
        return "imaging/programme/item";
    }

    @PostMapping("/imaging/double/{id}/read")
    String read(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                @RequestParam(required = false) String category, @RequestParam(required = false) String comment,
                Model model) {
        return stepped(model, () -> programmes.read(reader(me), id(id), category(category), comment),
                "redirect:/imaging/double?read");
    }

    @PostMapping("/imaging/double/{id}/compare")
    String compare(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                   @RequestParam(required = false) String category, @RequestParam(required = false) String comment,
                   Model model) {
        return stepped(model, () -> programmes.compare(reader(me), id(id), category(category), comment),
                "redirect:/imaging/double?compared");
    }

    private String stepped(Model model, Supplier<Optional<ProgrammeStudy>> step, String done) {
        try {
            return step.get().map(s -> done).orElseThrow(ProgrammeController::absent);
        } catch (ProgrammeFault fault) {
            return fault(model, fault);
        }
    }

    private static String fault(Model model, ProgrammeFault fault) {
        model.addAttribute("fault", fault.key());
        return "imaging/programme/fault";
    }

    private java.util.Map<Long, String> names(List<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        ids.forEach(id -> names.computeIfAbsent(id, f -> facilities.find(f).map(Facility::nameKanji).orElse("#" + f)));
        return names;
    }

    private static ScreeningCategory category(String code) {
        return code == null ? null : Arrays.stream(ScreeningCategory.values()).filter(c -> c.name().equals(code))
                .findFirst().orElse(null);
    }

    private static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    /** An id: digits only (anything else is an entry nobody has, audited by the door as such). */
    private static long id(String text) {
        return text == null || !text.matches("[0-9]{1,18}") ? -1 : Long.parseLong(text);
    }

    private static ResponseStatusException absent() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
