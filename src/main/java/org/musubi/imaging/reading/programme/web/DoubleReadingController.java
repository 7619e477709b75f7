package org.musubi.imaging.reading.programme.web;

import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.category;
import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.fault;
import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.id;
import static org.musubi.imaging.reading.programme.web.ProgrammeAnswers.reader;

import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.programme.CompareReadings;
import org.musubi.imaging.reading.programme.ListProgrammeWorklist;
import org.musubi.imaging.reading.programme.OpenProgrammeStudy;
import org.musubi.imaging.reading.programme.ProgrammeFault;
import org.musubi.imaging.reading.programme.ProgrammeStudy;
import org.musubi.imaging.reading.programme.Programmes;
import org.musubi.imaging.reading.programme.ReadProgrammeStudy;
import org.musubi.imaging.reading.programme.SubmitForDoubleReading;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The double reading pages: the submission (posted from the viewer), the submitting facility's list, the readers' and
 * comparers' worklist and entry page (read; compare). An entry the caller takes no part in, a step not allowed and a
 * made-up id answer 404 like an entry nobody has, each audited once by the use case.
 */
@Controller
class DoubleReadingController {

    private final SubmitForDoubleReading submissions;
    private final ListProgrammeWorklist worklist;
    private final OpenProgrammeStudy opening;
    private final ReadProgrammeStudy reading;
    private final CompareReadings comparing;

    DoubleReadingController(SubmitForDoubleReading submissions, ListProgrammeWorklist worklist,
                            OpenProgrammeStudy opening, ReadProgrammeStudy reading, CompareReadings comparing) {
        this.submissions = submissions;
        this.worklist = worklist;
        this.opening = opening;
        this.reading = reading;
        this.comparing = comparing;
    }

    @PostMapping("/imaging/double")
    String submit(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String study,
                  @RequestParam(required = false) Long programme, Model model) {
        try {
            return submissions.submit(reader(me), study, programme == null ? -1 : programme)
                    .map(s -> "redirect:/imaging/double/submitted?submitted=" + s.id())
                    .orElseThrow(ProgrammeAnswers::absent);
        } catch (ProgrammeFault fault) {
            return fault(model, fault);
        }
    }

    @GetMapping("/imaging/double/submitted")
    String submitted(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("lines", submissions.submitted(reader(me)));
        return "imaging/programme/submitted";
    }

    @GetMapping("/imaging/double")
    String worklist(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("lines", worklist.worklist(reader(me)));
        return "imaging/programme/worklist";
    }

    @GetMapping("/imaging/double/{id}")
    String item(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        Programmes.Shown shown = opening.item(reader(me), id(id)).orElseThrow(ProgrammeAnswers::absent);
        model.addAttribute("shown", shown);
        model.addAttribute("categories", ScreeningCategory.values());
        return "imaging/programme/item";
    }

    @PostMapping("/imaging/double/{id}/read")
    String read(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                @RequestParam(required = false) String category, @RequestParam(required = false) String comment,
                Model model) {
        return stepped(model, () -> reading.read(reader(me), id(id), category(category), comment),
                "redirect:/imaging/double?read");
    }

    @PostMapping("/imaging/double/{id}/compare")
    String compare(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                   @RequestParam(required = false) String category, @RequestParam(required = false) String comment,
                   Model model) {
        return stepped(model, () -> comparing.compare(reader(me), id(id), category(category), comment),
                "redirect:/imaging/double?compared");
    }

    private String stepped(Model model, Supplier<Optional<ProgrammeStudy>> step, String done) {
        try {
            return step.get().map(s -> done).orElseThrow(ProgrammeAnswers::absent);
        } catch (ProgrammeFault fault) {
            return fault(model, fault);
        }
    }
}
