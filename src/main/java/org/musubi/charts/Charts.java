package org.musubi.charts;

import java.util.List;
import java.util.Locale;

/**
 * Charts as SVG elements drawn on the server (no script; the secretariat's dashboard, the surveillance's page): stacked bars per month and a line of shares
 * with the target drawn as a dashed line. Each bar or point carries its figure as text; the page puts a table of the
 * same figures beside every chart, and the chart's {@code aria-label} names it. Texts are escaped.
 */
public final class Charts {

    private static final String[] COLOURS = {"#4a7fb5", "#e08a2e", "#5aa469", "#b55a7f", "#7f6bb5", "#8c8c8c",
            "#c9b037", "#3aa6a6", "#a0522d", "#556b2f", "#708090", "#d2691e"};
    private static final int HEIGHT = 160;
    private static final int TOP = 20;

    private Charts() {
    }

    /** One series of a chart: its label and one value per column. */
    public record Series(String label, List<Long> values) {
    }

    /** Stacked bars, one column per label, each column's total written above it; a legend below. */
    public static String bars(String title, List<String> labels, List<Series> series) {
        int bar = 34;
        int gap = 14;
        int width = Math.max(320, labels.size() * (bar + gap) + gap + 10);
        long max = 0;
        for (int i = 0; i < labels.size(); i++) {
            long total = 0;
            for (Series s : series) {
                total += s.values().get(i);
            }
            max = Math.max(max, total);
        }
        int legendRows = (series.size() + 3) / 4;
        StringBuilder svg = open(title, width, HEIGHT + TOP + 40 + legendRows * 16);
        int x = gap;
        for (int i = 0; i < labels.size(); i++) {
            int y = TOP + HEIGHT;
            long total = 0;
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values().get(i);
                total += value;
                int h = max == 0 ? 0 : (int) Math.round((double) value / max * HEIGHT);
                y -= h;
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(bar)
                        .append("\" height=\"").append(h).append("\" fill=\"").append(COLOURS[s % COLOURS.length])
                        .append("\"/>");
            }
            text(svg, x + bar / 2, y - 4, String.valueOf(total));
            text(svg, x + bar / 2, TOP + HEIGHT + 14, labels.get(i));
            x += bar + gap;
        }
        legend(svg, series.stream().map(Series::label).toList(), TOP + HEIGHT + 34);
        return svg.append("</svg>").toString();
    }

    /** A line of per-cent values (null: not shown) with the target as a dashed line; the scale reaches 100 %. */
    public static String shares(String title, List<String> labels, List<Double> percents, double target,
                                String targetLabel) {
        int step = 48;
        int width = Math.max(320, labels.size() * step + 60);
        StringBuilder svg = open(title, width, HEIGHT + TOP + 30);
        int targetY = TOP + HEIGHT - (int) Math.round(target / 100 * HEIGHT);
        svg.append("<line x1=\"30\" x2=\"").append(width - 10).append("\" y1=\"").append(targetY).append("\" y2=\"")
                .append(targetY).append("\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>");
        svg.append("<text x=\"").append(width - 12).append("\" y=\"").append(targetY - 4)
                .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#c0392b\">").append(escape(targetLabel))
                .append("</text>");
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            int x = 40 + i * step;
            Double p = percents.get(i);
            if (p != null) {
                int y = TOP + HEIGHT - (int) Math.round(Math.min(100, p) / 100 * HEIGHT);
                points.append(x).append(',').append(y).append(' ');
                svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" fill=\"")
                        .append(COLOURS[0]).append("\"/>");
                text(svg, x, y - 6, String.format(Locale.ROOT, "%.1f%%", p));
            }
            text(svg, x, TOP + HEIGHT + 14, labels.get(i));
        }
        if (!points.isEmpty()) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(COLOURS[0]).append("\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stats-chart\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\"><title>").append(escape(title)).append("</title>");
    }

    private static void legend(StringBuilder svg, List<String> labels, int y) {
        for (int i = 0; i < labels.size(); i++) {
            int x = 10 + (i % 4) * 110;
            int row = y + (i / 4) * 16;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(row - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(COLOURS[i % COLOURS.length]).append("\"/>");
            svg.append("<text x=\"").append(x + 14).append("\" y=\"").append(row).append("\" font-size=\"11\">")
                    .append(escape(labels.get(i))).append("</text>");
        }
    }

    private static void text(StringBuilder svg, int x, int y, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y)
                .append("\" text-anchor=\"middle\" font-size=\"11\">").append(escape(text)).append("</text>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
