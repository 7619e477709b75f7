package org.musubi.imaging.reading.programme.web;

import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.absent;
import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.fault;
import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.id;
import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.reader;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.musubi.imaging.reading.ProgrammeStatistics;
import org.musubi.imaging.reading.programme.CreateProgramme;
import org.musubi.imaging.reading.programme.Programme;
import org.musubi.imaging.reading.programme.ProgrammeFault;
import org.musubi.imaging.reading.programme.Programmes;
import org.musubi.imaging.reading.programme.ShowProgrammeStatistics;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The double reading programmes' operators' pages: the programmes (list, new programme) and a programme's statistics
 * and CSV — also for the programme's chief. A made-up id answers 404 like a programme nobody has, audited once by
 * {@link ShowProgrammeStatistics}.
 */
@Controller
class ProgrammeController {

    private final Programmes programmes;
    private final CreateProgramme creation;
    private final ShowProgrammeStatistics statistics;
    private final Facilities facilities;

    ProgrammeController(Programmes programmes, CreateProgramme creation, ShowProgrammeStatistics statistics,
                        Facilities facilities) {
        this.programmes = programmes;
        this.creation = creation;
        this.statistics = statistics;
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
            return creation.create(me.userId(), me.networkAdmin(), name, asked,
                            modality == null ? null : modality.strip().toUpperCase(java.util.Locale.ROOT),
                            centre == null ? -1 : centre, chief == null ? -1 : chief, pool)
                    .map(p -> "redirect:/imaging/programmes?created=" + p.id()).orElseThrow(ProgrammeAnswers::absent);
        } catch (ProgrammeFault fault) {
            return fault(model, fault);
        }
    }

    @GetMapping("/imaging/programmes/{id}/statistics")
    String statistics(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        ProgrammeStatistics figures = statistics.statistics(reader(me), me.networkAdmin(), id(id))
                .orElseThrow(ProgrammeAnswers::absent);
        model.addAttribute("programme", programmes.programme(id(id)).orElseThrow(ProgrammeAnswers::absent));
        model.addAttribute("figures", figures);
        return "imaging/programme/statistics";
    }

    @GetMapping("/imaging/programmes/{id}/statistics.csv")
    ResponseEntity<byte[]> statisticsCsv(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        ProgrammeStatistics figures = statistics.statistics(reader(me), me.networkAdmin(), id(id))
                .orElseThrow(ProgrammeAnswers::absent);
        Programme programme = programmes.programme(id(id)).orElseThrow(ProgrammeAnswers::absent);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"programme-" + programme.id() + ".csv\"")
                .body(figures.csv(programme.name()).getBytes(StandardCharsets.UTF_8));
    }

    private java.util.Map<Long, String> names(List<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        ids.forEach(id -> names.computeIfAbsent(id, f -> facilities.find(f).map(Facility::nameKanji).orElse("#" + f)));
        return names;
    }
}
