package org.musubi.surveillance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musubi.charts.Charts;
import org.musubi.surveillance.Baseline;
import org.musubi.surveillance.ShowSurveillanceDashboard;
import org.musubi.text.csv.CsvWriter;

/** The dashboard's charts (server-drawn SVG, no script) and its CSV. */
final class SurveillanceCharts {

    private SurveillanceCharts() {
    }

    /** A chart per municipality and syndrome with an alert: the day's count, coloured apart on days above the threshold. */
    static Map<String, String> of(ShowSurveillanceDashboard.Dashboard d, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<String> days = d.days().stream().map(day -> day.getMonthValue() + "/" + day.getDayOfMonth()).toList();
        Map<String, String> charts = new LinkedHashMap<>();
        for (ShowSurveillanceDashboard.Line line : d.lines()) {
            if (!line.alert()) {
                continue;
            }
            List<Charts.Series> series = new ArrayList<>();
            series.add(new Charts.Series(en ? "Within the threshold" : "閾値以内",
                    line.days().stream().map(v -> v.alert() ? 0L : v.count()).toList()));
            series.add(new Charts.Series(en ? "Above the threshold" : "閾値超え",
                    line.days().stream().map(v -> v.alert() ? v.count() : 0L).toList()));
            String title = place(line.municipality(), en) + " · " + line.syndrome().name(locale);
            charts.put(line.municipality() + "|" + line.syndrome().code(), Charts.bars(title, days, series));
        }
        return charts;
    }

    /** Every line, day by day: municipality, day, syndrome code, count, baseline mean and SD, threshold, alert. */
    static String csv(ShowSurveillanceDashboard.Dashboard d) {
        StringBuilder csv = new StringBuilder("\uFEFFmunicipality,day,syndrome,count,mean,sd,threshold,alert\r\n");
        for (ShowSurveillanceDashboard.Line line : d.lines()) {
            for (Baseline.Day v : line.days()) {
                csv.append(quoted(line.municipality())).append(',').append(v.day()).append(',')
                        .append(line.syndrome().code()).append(',').append(v.count()).append(',')
                        .append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f", v.mean(), v.sd(), v.threshold()))
                        .append(',').append(v.alert()).append("\r\n");
            }
        }
        return csv.toString();
    }

    static String place(String municipality, boolean en) {
        return municipality.isEmpty() ? (en ? "(municipality not set)" : "（市区町村未設定）") : municipality;
    }

    private static String quoted(String text) {
        return CsvWriter.quoted(text);
    }
}
