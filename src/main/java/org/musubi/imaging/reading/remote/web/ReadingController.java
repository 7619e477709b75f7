package org.musubi.imaging.reading.remote.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.imaging.reading.ReadingStep;
import org.musubi.imaging.reading.remote.ReadingFault;
import org.musubi.imaging.reading.remote.ReadingReports;
import org.musubi.imaging.reading.remote.ReadingRequest;
import org.musubi.imaging.reading.remote.RemoteReadings;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Remote reading's pages: the request (posted from the viewer), the requester's list and request (its report, read
 * audited; acknowledge, cancel), the centre's worklist and request (claim, release, decline, report; open in the
 * viewer). Cancelling and declining are final: each asks once (only a POST with {@code confirmed=yes} acts; without it,
 * for a request the caller takes part in, its page opens with the question). A request the caller takes no part in,
 * a step not allowed, a made-up id answer 404 like a request that does not exist, each audited once by
 * {@link RemoteReadings}.
 */
@Controller
class ReadingController {

    private final RemoteReadings readings;
    private final Facilities facilities;
    private final Users users;

    ReadingController(RemoteReadings readings, Facilities facilities, Users users) {
        this.readings = readings;
        this.facilities = facilities;
        this.users = users;
    }

    @PostMapping("/imaging/reading/requests")
    String request(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String study,
                   @RequestParam(required = false) Long centre, @RequestParam(required = false) String question,
                   @RequestParam(required = false) String due, Model model) {
        try {
            return readings.request(reader(me), study, centre == null ? -1 : centre, question, date(due))
                    .map(r -> "redirect:/imaging/reading/requests/" + r.id() + "?requested")
                    .orElseThrow(ReadingController::absent);
        } catch (ReadingFault fault) {
            model.addAttribute("fault", fault.key());
            model.addAttribute("study", study);
            return "imaging/reading/fault";
        }
    }

    @GetMapping("/imaging/reading/requests")
    String requests(@AuthenticationPrincipal SignedIn me, Model model) {
        List<RemoteReadings.Listed> list = readings.requested(reader(me));
        model.addAttribute("requests", list);
        model.addAttribute("now", Instant.now());
        names(model, list.stream().map(RemoteReadings.Listed::request).toList());
        return "imaging/reading/requests";
    }

    @GetMapping("/imaging/reading/requests/{id}")
    String requested(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        RemoteReadings.Shown shown = readings.atRequester(reader(me), id(id)).orElseThrow(ReadingController::absent);
        return item(model, shown, "imaging/reading/requested");
    }

    @PostMapping("/imaging/reading/requests/{id}/{step:acknowledge|cancel}")
    String requesterStep(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @PathVariable String step,
                         @RequestParam(required = false) String confirmed, Model model) {
        if ("cancel".equals(step) && !"yes".equals(confirmed)) {
            readings.atRequester(reader(me), id(id)).orElseThrow(ReadingController::absent);
            return "redirect:/imaging/reading/requests/" + id + "?confirm";
        }
        ReadingStep taken = "acknowledge".equals(step) ? ReadingStep.ACKNOWLEDGE : ReadingStep.CANCEL;
        return stepped(model, id, () -> readings.step(reader(me), id(id), taken, null),
                "redirect:/imaging/reading/requests/" + id + "?" + step);
    }

    @GetMapping("/imaging/reading/worklist")
    String worklist(@AuthenticationPrincipal SignedIn me, Model model) {
        List<RemoteReadings.Listed> list = readings.worklist(reader(me)).orElseThrow(ReadingController::absent);
        model.addAttribute("requests", list);
        model.addAttribute("now", Instant.now());
        model.addAttribute("myId", me.userId());
        names(model, list.stream().map(RemoteReadings.Listed::request).toList());
        return "imaging/reading/worklist";
    }

    @GetMapping("/imaging/reading/worklist/{id}")
    String atCentre(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        RemoteReadings.Shown shown = readings.atCentre(reader(me), id(id)).orElseThrow(ReadingController::absent);
        model.addAttribute("myId", me.userId());
        return item(model, shown, "imaging/reading/item");
    }

    @PostMapping("/imaging/reading/worklist/{id}/{step:claim|release|decline}")
    String centreStep(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @PathVariable String step,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
                      Model model) {
        if ("decline".equals(step) && !"yes".equals(confirmed)) {
            readings.atCentre(reader(me), id(id)).orElseThrow(ReadingController::absent);
            return "redirect:/imaging/reading/worklist/" + id + "?confirm";
        }
        ReadingStep taken = switch (step) {
            case "claim" -> ReadingStep.CLAIM;
            case "release" -> ReadingStep.RELEASE;
            default -> ReadingStep.DECLINE;
        };
        String back = taken == ReadingStep.CLAIM ? "redirect:/imaging/reading/worklist/" + id + "?claimed"
                : "redirect:/imaging/reading/worklist?" + step;
        return stepped(model, id, () -> readings.step(reader(me), id(id), taken, reason), back);
    }

    @PostMapping("/imaging/reading/worklist/{id}/report")
    String report(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam(required = false) String findings, @RequestParam(required = false) String impression,
                  Model model) {
        return stepped(model, id, () -> readings.report(reader(me), id(id),
                new ReadingReports.Report(findings, impression)), "redirect:/imaging/reading/worklist/" + id + "?reported");
    }

    private String stepped(Model model, String id, java.util.function.Supplier<Optional<ReadingRequest>> step,
                           String done) {
        try {
            return step.get().map(r -> done).orElseThrow(ReadingController::absent);
        } catch (ReadingFault fault) {
            model.addAttribute("fault", fault.key());
            model.addAttribute("request", id);
            return "imaging/reading/fault";
        }
    }

    private String item(Model model, RemoteReadings.Shown shown, String view) {
        model.addAttribute("shown", shown);
        model.addAttribute("r", shown.request());
        model.addAttribute("now", Instant.now());
        names(model, List.of(shown.request()));
        return view;
    }

    private void names(Model model, List<ReadingRequest> requests) {
        Map<Long, String> facilityNames = new HashMap<>();
        Map<Long, String> userNames = new HashMap<>();
        for (ReadingRequest r : requests) {
            facilityNames.computeIfAbsent(r.requesterFacility(), this::facilityName);
            facilityNames.computeIfAbsent(r.centreFacility(), this::facilityName);
            userNames.computeIfAbsent(r.requesterUser(), this::userName);
            if (r.reader() != null) {
                userNames.computeIfAbsent(r.reader(), this::userName);
            }
        }
        model.addAttribute("facilityNames", facilityNames);
        model.addAttribute("userNames", userNames);
    }

    private String facilityName(long id) {
        return facilities.find(id).map(Facility::nameKanji).orElse("#" + id);
    }

    private String userName(long id) {
        return users.find(id).map(User::nameKanji).orElse("#" + id);
    }

    private static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    /** A request id: digits only (anything else is a request nobody has, audited by the door as such). */
    private static long id(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return -1;
        }
        return Long.parseLong(text);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ReadingFault(ReadingFault.DUE);
        }
    }

    private static ResponseStatusException absent() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
