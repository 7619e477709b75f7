package org.musubi.carenet.enrolment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.Stage;
import org.musubi.text.csv.CsvWriter;

/**
 * The network operators' statistics per pathway: enrolments by status, and per stage how many were filled and the
 * median and mean days from the stage before (or from enrolment). Computed from the pathway tables alone — no patient
 * record is read — and drawn as an SVG bar chart per pathway (no script) or written as CSV.
 */
public final class PathwayStatistics {

    private final EnrolmentStore store;
    private final Pathways pathways;

    public PathwayStatistics(EnrolmentStore store, Pathways pathways) {
        this.store = store;
        this.pathways = pathways;
    }

    /** One stage's figures. */
    public record StageFigures(String code, String title, long filled, double medianDays, double meanDays) {
    }

    /** One pathway's figures. */
    public record PathwayFigures(String code, String title, Map<Enrolment.Status, Long> enrolments,
                                 List<StageFigures> stages) {

        public long count(Enrolment.Status status) {
            return enrolments.getOrDefault(status, 0L);
        }

        public long completed() {
            return count(Enrolment.Status.COMPLETED);
        }

        public long withdrawn() {
            return count(Enrolment.Status.WITHDRAWN);
        }

        public long total() {
            return enrolments.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every offered pathway's figures (a pathway without enrolments shows zeros). */
    public List<PathwayFigures> figures() {
        Map<String, Map<Enrolment.Status, Long>> counts = new LinkedHashMap<>();
        store.statusCounts().forEach(c -> counts.computeIfAbsent(c.templateCode(),
                k -> new EnumMap<>(Enrolment.Status.class)).put(c.status(), c.count()));
        List<EnrolmentStore.StageTime> times = store.stageTimes();
        List<PathwayFigures> all = new ArrayList<>();
        for (PathwayTemplate template : pathways.offered()) {
            List<StageFigures> stages = new ArrayList<>();
            for (Stage stage : template.stages()) {
                EnrolmentStore.StageTime time = times.stream().filter(t -> t.templateCode().equals(template.code())
                        && t.stageCode().equals(stage.code())).findFirst().orElse(null);
                stages.add(new StageFigures(stage.code(), stage.title().ja(), time == null ? 0 : time.filled(),
                        time == null ? 0 : time.medianDays(), time == null ? 0 : time.meanDays()));
            }
            all.add(new PathwayFigures(template.code(), template.title().ja(),
                    counts.getOrDefault(template.code(), Map.of()), stages));
        }
        return all;
    }

    /** The figures as CSV (UTF-8 text, one row per pathway and stage; the codes written by {@link CsvWriter}). */
    public static String csv(List<PathwayFigures> figures) {
        StringBuilder csv = new StringBuilder("pathway,enrolled,active,completed,withdrawn,stage,filled,median_days,mean_days\r\n");
        for (PathwayFigures p : figures) {
            for (StageFigures s : p.stages()) {
                csv.append(CsvWriter.field(p.code())).append(',').append(p.total()).append(',').append(p.count(Enrolment.Status.ACTIVE))
                        .append(',').append(p.count(Enrolment.Status.COMPLETED)).append(',')
                        .append(p.count(Enrolment.Status.WITHDRAWN)).append(',').append(CsvWriter.field(s.code())).append(',')
                        .append(s.filled()).append(',').append(days(s.medianDays())).append(',')
                        .append(days(s.meanDays())).append("\r\n");
            }
        }
        return csv.toString();
    }

    /**
     * A bar chart of a pathway's median days per stage (the bar's label: the stage's title and the figure), as an SVG
     * element; texts are escaped.
     */
    public static String chart(PathwayFigures p) {
        int barWidth = 60;
        int gap = 30;
        int height = 160;
        double max = p.stages().stream().mapToDouble(StageFigures::medianDays).max().orElse(0);
        int width = Math.max(200, p.stages().size() * (barWidth + gap) + gap);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pathway-chart\" width=\""
                + width + "\" height=\"" + (height + 50) + "\" role=\"img\" aria-label=\"" + escape(p.title()) + "\">");
        int x = gap;
        for (StageFigures s : p.stages()) {
            int bar = max <= 0 ? 0 : (int) Math.round(s.medianDays() / max * height);
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(height - bar + 10).append("\" width=\"")
                    .append(barWidth).append("\" height=\"").append(bar).append("\" fill=\"#4a7fb5\" data-stage=\"")
                    .append(escape(s.code())).append("\"/>");
            svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(height - bar + 5)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(days(s.medianDays())).append("</text>");
            svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(height + 28)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(escape(s.title())).append("</text>");
            x += barWidth + gap;
        }
        return svg.append("</svg>").toString();
    }

    static String days(double days) {
        return String.format(Locale.ROOT, "%.1f", days);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
