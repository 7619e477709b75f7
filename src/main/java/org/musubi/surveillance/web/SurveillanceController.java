package org.musubi.surveillance.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.musubi.surveillance.ReportSurveillanceCounts;
import org.musubi.surveillance.ShowSurveillanceDashboard;
import org.musubi.surveillance.Surveillance;
import org.musubi.surveillance.Syndrome;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The surveillance's pages. {@code /surveillance}: a reporting facility's one-minute form (today by default, a past day
 * of the last 8 weeks to correct) with its municipality's last week, small counts suppressed. {@code
 * /surveillance/dashboard} and its CSV: the public-health office's officers only (a 保健所's public-health nurses and
 * doctors); to anyone else they answer 404, as a page that does not exist. Every request leaves exactly one audit row:
 * the form's read and write on the facility's SurveillanceReport, the dashboard's read and the CSV's export, and every
 * refusal.
 */
@Controller
class SurveillanceController {

    static final String FORM = "/surveillance";
    static final String DASHBOARD = "/surveillance/dashboard";
    static final String REPORT = "SurveillanceReport";
    static final String BOARD = "SurveillanceDashboard";

    private final Surveillance surveillance;
    private final ShowSurveillanceDashboard dashboard;
    private final ReportSurveillanceCounts reports;
    private final SurveillanceLinks links;
    private final Audit audit;

    SurveillanceController(Surveillance surveillance, ShowSurveillanceDashboard dashboard,
                           ReportSurveillanceCounts reports, SurveillanceLinks links, Audit audit) {
        this.surveillance = surveillance;
        this.dashboard = dashboard;
        this.reports = reports;
        this.links = links;
        this.audit = audit;
    }

    @GetMapping(FORM)
    String form(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String day, Model model) {
        Facility facility = reporter(me, AuditAction.READ);
        LocalDate shown = day(day).filter(surveillance::correctable).orElse(surveillance.today());
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on(REPORT, facility.id()).reason(shown.toString()));
        Map<String, String> values = new LinkedHashMap<>();
        surveillance.reported(facility.id(), shown).forEach((code, count) -> values.put(code, String.valueOf(count)));
        return form(model, facility, shown, values, List.of());
    }

    @PostMapping(FORM)
    String report(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String day,
                  @RequestParam Map<String, String> params, Model model) {
        Facility facility = reporter(me, AuditAction.UPDATE);
        Optional<LocalDate> date = day(day).filter(surveillance::correctable);
        List<String> faults = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Syndrome s : surveillance.syndromes()) {
            String text = params.getOrDefault("count." + s.code(), "").strip();
            values.put(s.code(), text);
            if (text.isEmpty()) {
                continue;
            }
            try {
                int count = Integer.parseInt(text);
                if (count < 0 || count > Surveillance.MAX_COUNT) {
                    faults.add(s.code());
                } else {
                    counts.put(s.code(), count);
                }
            } catch (NumberFormatException e) {
                faults.add(s.code());
            }
        }
        if (date.isEmpty()) {
            faults.add("day");
        }
        if (!faults.isEmpty() || counts.isEmpty()) {
            if (counts.isEmpty() && faults.isEmpty()) {
                faults.add("empty");
            }
            audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.DENY).on(REPORT, facility.id())
                    .reason("not stored: " + String.join(", ", faults)));
            return form(model, facility, date.orElse(surveillance.today()), values, faults);
        }
        reports.report(facility.id(), date.get(), counts, me.userId());
        audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on(REPORT, facility.id())
                .reason(date.get() + " " + counts));
        return "redirect:" + FORM + "?day=" + date.get() + "&saved";
    }

    @GetMapping(DASHBOARD)
    String dashboard(@AuthenticationPrincipal SignedIn me, Model model) {
        officer(me, AuditAction.READ);
        ShowSurveillanceDashboard.Dashboard d = dashboard.dashboard();
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on(BOARD)
                .reason(d.days().getFirst() + ".." + d.days().getLast() + ", " + d.alerts().size() + " alerts"));
        model.addAttribute("d", d);
        model.addAttribute("lang", LocaleContextHolder.getLocale());
        model.addAttribute("charts", SurveillanceCharts.of(d, LocaleContextHolder.getLocale()));
        return "surveillance/dashboard";
    }

    @GetMapping(DASHBOARD + ".csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SignedIn me) {
        officer(me, AuditAction.EXPORT);
        ShowSurveillanceDashboard.Dashboard d = dashboard.dashboard();
        audit.record(AuditEntry.of(AuditAction.EXPORT, Outcome.PERMIT).on(BOARD)
                .reason("csv " + d.days().getFirst() + ".." + d.days().getLast()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"surveillance.csv\"")
                .body(SurveillanceCharts.csv(d).getBytes(StandardCharsets.UTF_8));
    }

    private String form(Model model, Facility facility, LocalDate day, Map<String, String> values, List<String> faults) {
        model.addAttribute("facility", facility);
        model.addAttribute("day", day);
        model.addAttribute("today", surveillance.today());
        model.addAttribute("earliest", surveillance.today().minusDays(Surveillance.CORRECTABLE_DAYS));
        model.addAttribute("syndromes", surveillance.syndromes());
        model.addAttribute("lang", LocaleContextHolder.getLocale());
        model.addAttribute("values", values);
        model.addAttribute("faults", faults);
        Optional<String> municipality = surveillance.municipalityOf(facility.id());
        model.addAttribute("municipality", municipality.orElse(null));
        model.addAttribute("summary", municipality.map(surveillance::summary).orElse(Map.of()));
        model.addAttribute("suppressBelow", surveillance.suppressBelow());
        model.addAttribute("maxCount", Surveillance.MAX_COUNT);
        return "surveillance/form";
    }

    /** The signed-in user's facility when it reports; otherwise an audited refusal that answers 404. */
    private Facility reporter(SignedIn me, AuditAction action) {
        Optional<Facility> facility = links.reporting(me);
        if (facility.isEmpty()) {
            throw refused(action, REPORT, "not a reporting facility's staff");
        }
        return facility.get();
    }

    /** Whether the user is an officer of a public-health office; otherwise an audited refusal that answers 404. */
    private void officer(SignedIn me, AuditAction action) {
        if (!links.officer(me)) {
            throw refused(action, BOARD, "not a public-health office's officer");
        }
    }

    private ResponseStatusException refused(AuditAction action, String target, String reason) {
        audit.record(AuditEntry.of(action, Outcome.DENY).on(target).reason(reason));
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
