package org.musubi.carenet.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operators' figures as CSV and as an SVG bar chart: one row per stage, bars to scale, texts escaped. */
class PathwayStatisticsTest {

    private static final PathwayStatistics.PathwayFigures STROKE = new PathwayStatistics.PathwayFigures("stroke",
            "脳卒中 <A&B>", new EnumMap<>(Map.of(Enrolment.Status.ACTIVE, 3L, Enrolment.Status.COMPLETED, 2L,
            Enrolment.Status.WITHDRAWN, 1L)), List.of(
            new PathwayStatistics.StageFigures("acute", "急性期", 6, 10, 12.25),
            new PathwayStatistics.StageFigures("recovery", "回復期", 3, 40, 45),
            new PathwayStatistics.StageFigures("maintenance", "維持期", 0, 0, 0)));

    @Test
    void theCsvHasOneRowPerStageWithThePathwaysCounts() {
        String csv = PathwayStatistics.csv(List.of(STROKE));
        assertThat(csv.split("\r\n")).containsExactly(
                "pathway,enrolled,active,completed,withdrawn,stage,filled,median_days,mean_days",
                "stroke,6,3,2,1,acute,6,10.0,12.3",
                "stroke,6,3,2,1,recovery,3,40.0,45.0",
                "stroke,6,3,2,1,maintenance,0,0.0,0.0");
    }

    @Test
    void theChartHasABarPerStageToScaleAndEscapesItsTexts() {
        String svg = PathwayStatistics.chart(STROKE);
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("aria-label=\"脳卒中 &lt;A&amp;B&gt;\"")
                .doesNotContain("<A&B>");
        assertThat(svg).contains("data-stage=\"acute\"").contains("data-stage=\"recovery\"")
                .contains("data-stage=\"maintenance\"");
        assertThat(height(svg, "recovery")).isEqualTo(160);
        assertThat(height(svg, "acute")).isEqualTo(40);
        assertThat(height(svg, "maintenance")).isZero();
    }

    private static int height(String svg, String stage) {
        String rect = svg.substring(svg.lastIndexOf("<rect", svg.indexOf("data-stage=\"" + stage + "\"")));
        return Integer.parseInt(rect.replaceAll("(?s)^.*?height=\"(\\d+)\".*$", "$1"));
    }
}
