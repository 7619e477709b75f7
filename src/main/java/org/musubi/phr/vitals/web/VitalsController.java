package org.musubi.phr.vitals.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.phr.vitals.Plausibility;
import org.musubi.phr.vitals.ReadVitals;
import org.musubi.phr.vitals.RecordVitals;
import org.musubi.phr.vitals.Vital;
import org.musubi.phr.vitals.VitalChart;
import org.musubi.phr.vitals.VitalRange;
import org.musubi.phr.vitals.VitalReading;
import org.musubi.phr.vitals.VitalsEntry;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * からだの記録: the resident's quick entry of vital signs with their latest values, and a chart per measure over a week,
 * a month, a year or everything. The person is always the signed-in resident's own: no request names one.
 */
@Controller
class VitalsController {

    private final RecordVitals record;
    private final ReadVitals read;
    private final Residency residency;

    VitalsController(RecordVitals record, ReadVitals read, Residency residency) {
        this.record = record;
        this.read = read;
        this.residency = residency;
    }

    @GetMapping("/phr/vitals")
    String page(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Integer saved, Model model,
                HttpServletResponse response) {
        var latest = read.latest(me.userId(), residency.personOf(me));
        if (latest.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        model.addAttribute("latest", latest.get());
        model.addAttribute("saved", saved);
        return form(me, Map.of(), LocalDateTime.now(VitalsEntry.JAPAN).truncatedTo(ChronoUnit.MINUTES).toString(),
                List.of(), model);
    }

    @PostMapping("/phr/vitals")
    String save(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response) {
        String when = form.getOrDefault("when", "");
        Map<String, String> typed = new LinkedHashMap<>();
        Vital.enteredValues().forEach(v -> typed.put(v.key(), form.getOrDefault(v.key(), "")));
        Plausibility.Checked checked = Plausibility.check(when.isBlank()
                ? LocalDateTime.now(VitalsEntry.JAPAN).toString() : when, typed, Instant.now());
        if (!checked.valid()) {
            return form(me, typed, when, checked.faults(), model);
        }
        if (record.save(me.userId(), residency.personOf(me), List.of(checked.entry())).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        return "redirect:/phr/vitals?saved=" + checked.entry().values().size();
    }

    @GetMapping("/phr/vitals/{measure}")
    String chart(@AuthenticationPrincipal SignedIn me, @PathVariable String measure,
                 @RequestParam(required = false) String range, Model model, HttpServletResponse response) {
        VitalChart chart = VitalChart.ofKey(measure).orElse(null);
        VitalRange shown = VitalRange.of(range);
        Instant now = Instant.now();
        var readings = chart == null ? Optional.<List<VitalReading>>empty()
                : read.series(me.userId(), residency.personOf(me), chart.series(), shown.from(now).orElse(null));
        if (readings.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        model.addAttribute("resident", me);
        model.addAttribute("chart", chart);
        model.addAttribute("range", shown);
        model.addAttribute("ranges", VitalRange.values());
        model.addAttribute("points", ChartPoints.of(readings.get(), shown.gap(), shown));
        model.addAttribute("from", shown.from(now).map(Instant::toEpochMilli).orElse(null));
        model.addAttribute("to", now.toEpochMilli());
        model.addAttribute("sources", residency.sourceNames(readings.get()));
        model.addAttribute("own", residency.ownFacilityId());
        return "phr/vitals-chart";
    }

    private String form(SignedIn me, Map<String, String> typed, String when, List<?> faults, Model model) {
        model.addAttribute("resident", me);
        model.addAttribute("typed", typed);
        model.addAttribute("when", when);
        model.addAttribute("faults", faults);
        model.addAttribute("vitals", Vital.values());
        model.addAttribute("charts", VitalChart.values());
        model.addAttribute("own", residency.ownFacilityId());
        if (model.getAttribute("latest") instanceof Map<?, ?> latest) {
            @SuppressWarnings("unchecked")
            Map<Vital, VitalReading> readings = (Map<Vital, VitalReading>) latest;
            model.addAttribute("sources", residency.sourceNames(readings.values()));
        }
        return "phr/vitals";
    }
}
