package org.musubi.secretariat.stats.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.musubi.secretariat.stats.BoardReport;
import org.musubi.secretariat.stats.Figures;
import org.musubi.secretariat.stats.PopulationCsv;
import org.musubi.secretariat.stats.Statistics;
import org.musubi.secretariat.stats.StatisticsCsv;
import org.musubi.secretariat.stats.StatisticsRefresh;
import org.musubi.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The secretariat's statistics (/admin: network administrators only; everyone else gets the 403 of every /admin page):
 * the dashboard with its charts and tables, each figure as CSV, the board's one-page PDF, the refresh button and the
 * population list's upload. Counts only: no patient is named or read, so viewing is not audited.
 */
@Controller
class StatisticsController {

    static final String PATH = "/admin/statistics";
    private final Statistics statistics;
    private final StatisticsRefresh refresh;
    private final BoardReport report;
    private final MessageSource messages;

    StatisticsController(Statistics statistics, StatisticsRefresh refresh, BoardReport report, MessageSource messages) {
        this.statistics = statistics;
        this.refresh = refresh;
        this.report = report;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String month, Model model) {
        Figures.Dashboard d = statistics.dashboard(month(month));
        model.addAttribute("d", d);
        model.addAttribute("kinds", StatisticsCsv.kinds());
        model.addAttribute("charts", DashboardCharts.of(d, this::label));
        model.addAttribute("canPrint", report.canPrint());
        return "secretariat/statistics";
    }

    @GetMapping(PATH + "/{figure}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String figure) {
        if (!StatisticsCsv.FIGURES.contains(figure)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Figures.Dashboard d = statistics.dashboard(null);
        String text = StatisticsCsv.text(figure, d, figure.equals("use") ? statistics.useByMonth() : java.util.Map.of())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics-" + figure + ".csv\"")
                .body(StatisticsCsv.bytes(text));
    }

    @GetMapping(PATH + "/report.pdf")
    ResponseEntity<byte[]> pdf() {
        if (!report.canPrint()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                    .body(org.musubi.print.PdfPrinter.NO_FONT_MESSAGE.getBytes(StandardCharsets.UTF_8));
        }
        byte[] pdf = report.pdf(statistics.dashboard(null), label("stats.report.network"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics-report.pdf\"").body(pdf);
    }

    @PostMapping(PATH + "/refresh")
    String refresh() {
        return "redirect:" + PATH + (refresh.now() ? "?refreshed" : "?readOnly");
    }

    @GetMapping(PATH + "/population")
    String population(Model model) {
        model.addAttribute("faults", List.of());
        model.addAttribute("rows", statistics.dashboard(null).residents());
        return "secretariat/statistics-population";
    }

    @PostMapping(PATH + "/population")
    String upload(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) MultipartFile file,
                  Model model) throws IOException {
        List<PopulationCsv.Fault> faults = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            faults.add(new PopulationCsv.Fault(0, "file", "stats.population.fault.empty", ""));
        } else if (file.getSize() > PopulationCsv.MAX_BYTES) {
            faults.add(new PopulationCsv.Fault(0, "file", "stats.population.fault.tooLarge", ""));
        } else {
            PopulationCsv.Parsed parsed = PopulationCsv.parse(file.getBytes());
            if (parsed.ok()) {
                if (!statistics.loadPopulation(parsed.rows(), me.userId())) {
                    return "redirect:" + PATH + "?readOnly";
                }
                return "redirect:" + PATH + "/population?loaded=" + parsed.rows().size();
            }
            faults.addAll(parsed.faults());
        }
        model.addAttribute("faults", faults);
        model.addAttribute("rows", statistics.dashboard(null).residents());
        return "secretariat/statistics-population";
    }

    private static YearMonth month(String text) {
        try {
            return text == null || text.isBlank() ? null : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

}
