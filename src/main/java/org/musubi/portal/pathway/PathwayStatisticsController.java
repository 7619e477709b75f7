package org.musubi.portal.pathway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.musubi.carenet.enrolment.PathwayStatistics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The network operators' pathway statistics (/admin: network administrators only): per pathway enrolled, completed,
 * withdrawn and the days per stage, as tables with an SVG bar chart each, and as CSV. From the pathway tables alone:
 * no patient is named or read, so nothing is audited.
 */
@Controller
class PathwayStatisticsController {

    private final PathwayStatistics statistics;

    PathwayStatisticsController(PathwayStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/admin/pathway-statistics")
    String page(Model model) {
        List<PathwayStatistics.PathwayFigures> figures = statistics.figures();
        model.addAttribute("figures", figures);
        model.addAttribute("charts", figures.stream().map(PathwayStatistics::chart).toList());
        return "portal/pathway-statistics";
    }

    @GetMapping("/admin/pathway-statistics.csv")
    ResponseEntity<byte[]> csv() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pathway-statistics.csv\"")
                .body(PathwayStatistics.csv(statistics.figures()).getBytes(StandardCharsets.UTF_8));
    }
}
