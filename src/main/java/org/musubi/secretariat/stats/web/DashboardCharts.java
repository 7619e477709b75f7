package org.musubi.secretariat.stats.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.musubi.charts.Charts;
import org.musubi.registry.FacilityKind;
import org.musubi.secretariat.stats.Figures;
import org.musubi.secretariat.stats.StatisticsCsv;
import org.musubi.secretariat.stats.ShownCounts;

/** The dashboard's charts by name, drawn from its figures with the page's labels. */
final class DashboardCharts {

    private DashboardCharts() {
    }

    static Map<String, String> of(Figures.Dashboard d, Function<String, String> label) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<String> months = d.months().stream().map(m -> m.getMonthValue() + "月").toList();
        List<Charts.Series> kinds = new ArrayList<>();
        for (FacilityKind kind : StatisticsCsv.kinds()) {
            List<Long> values = d.facilities().stream().map(m -> m.kind(kind)).toList();
            if (values.stream().anyMatch(v -> v > 0)) {
                kinds.add(new Charts.Series(label.apply("kind." + kind.name()), values));
            }
        }
        charts.put("kinds", Charts.bars(label.apply("stats.facilities.byKind"), months, kinds));
        charts.put("roles", Charts.bars(label.apply("stats.facilities.byRole"), months, List.of(
                new Charts.Series(label.apply("stats.role.both"), d.facilities().stream().map(Figures.FacilityMonth::both).toList()),
                new Charts.Series(label.apply("stats.role.disclosing"), d.facilities().stream().map(Figures.FacilityMonth::disclosingOnly).toList()),
                new Charts.Series(label.apply("stats.role.viewing"), d.facilities().stream().map(Figures.FacilityMonth::viewingOnly).toList()),
                new Charts.Series(label.apply("stats.role.neither"), d.facilities().stream().map(Figures.FacilityMonth::neither).toList()))));
        charts.put("cards", Charts.bars(label.apply("stats.cards.title"), months, List.of(
                new Charts.Series(label.apply("stats.cards.regional"), d.cards().stream().map(Figures.CardMonth::regional).toList()),
                new Charts.Series(label.apply("stats.cards.disclosure"), d.cards().stream().map(Figures.CardMonth::disclosure).toList()))));
        charts.put("residents", Charts.shares(label.apply("stats.residents.title"),
                d.residents().stream().map(Figures.Residents::municipality).toList(),
                d.residents().stream().map(r -> d.smallCounts().small(r.inYear()) || r.population() <= 0 ? null
                        : ShownCounts.percent(r.inYear(), r.population())).toList(),
                Figures.RESIDENT_TARGET, label.apply("stats.target.residents")));
        charts.put("twoWay", Charts.shares(label.apply("stats.twoWay.title"),
                d.twoWay().stream().map(t -> t.days() + label.apply("stats.days")).toList(),
                d.twoWay().stream().map(t -> t.participating() == 0 ? null : t.percent()).toList(),
                Figures.TWO_WAY_TARGET, label.apply("stats.target.twoWay")));
        charts.put("use", Charts.bars(label.apply("stats.use.title"), months, List.of(
                new Charts.Series(label.apply("stats.use.views"), d.usage().stream().map(Figures.UsageMonth::views).toList()),
                new Charts.Series(label.apply("stats.use.imports"), d.usage().stream().map(Figures.UsageMonth::imports).toList()),
                new Charts.Series(label.apply("stats.use.letters"), d.usage().stream().map(Figures.UsageMonth::letters).toList()))));
        charts.put("emergency", Charts.bars(label.apply("stats.emergency.title"), months, List.of(
                new Charts.Series(label.apply("stats.emergency.glass"), d.emergency().stream().map(Figures.EmergencyMonth::breakTheGlass).toList()),
                new Charts.Series(label.apply("stats.emergency.crews"), d.emergency().stream().map(Figures.EmergencyMonth::crews).toList()))));
        return charts;
    }
}
