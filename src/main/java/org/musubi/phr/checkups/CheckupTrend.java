package org.musubi.phr.checkups;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One item's values across the resident's checkups (an item measured on more than one day), oldest first, with a
 * small line for an inline SVG ({@value #WIDTH}×{@value #HEIGHT}): x by date, so that a year without a checkup shows as
 * a wider step, and the line broken where {@value #GAP_DAYS} days or more pass between two values.
 */
public record CheckupTrend(String key, String name, PaperItem item, String unit, List<Point> points) {

    public static final int WIDTH = 160;
    public static final int HEIGHT = 40;
    static final int GAP_DAYS = 2 * 366;
    private static final double PAD = 4;

    public CheckupTrend {
        points = List.copyOf(points);
    }

    /** One value: its day, number, flag, whether the resident entered it, and where it sits in the SVG. */
    public record Point(LocalDate date, BigDecimal value, ResultFlag flag, boolean own, double x, double y) {
    }

    /** The line's segments as SVG polyline points ({@code "x,y x,y"}), broken at long gaps. */
    public List<String> segments() {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Point previous = null;
        for (Point p : points) {
            if (previous != null && p.date().toEpochDay() - previous.date().toEpochDay() >= GAP_DAYS) {
                segments.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
            previous = p;
        }
        segments.add(current.toString().strip());
        return segments.stream().filter(s -> s.contains(" ")).toList();
    }

    /** The trends of every item with numbers on more than one day, in the groups' order, then as first seen. */
    public static List<CheckupTrend> of(List<Checkup> checkups) {
        record Seen(Checkup checkup, CheckupValue value) {
        }
        Map<String, List<Seen>> byKey = new LinkedHashMap<>();
        checkups.stream().sorted(Comparator.comparing(Checkup::date)).forEach(c -> c.values().stream()
                .filter(v -> v.number() != null).forEach(v -> byKey.computeIfAbsent(v.key(), k -> new ArrayList<>())
                        .add(new Seen(c, v))));
        List<CheckupTrend> trends = new ArrayList<>();
        byKey.forEach((key, seen) -> {
            if (seen.stream().map(s -> s.checkup().date()).distinct().count() < 2) {
                return;
            }
            CheckupValue latest = seen.getLast().value();
            trends.add(new CheckupTrend(key, latest.name(), latest.item(), latest.unit(), placed(seen.stream()
                    .map(s -> new Point(s.checkup().date(), s.value().number(), s.value().flag(), s.checkup().own(), 0, 0))
                    .toList())));
        });
        trends.sort(Comparator.comparing((CheckupTrend t) -> groupOf(checkups, t.key())));
        return trends;
    }

    private static CheckupGroup groupOf(List<Checkup> checkups, String key) {
        return checkups.stream().flatMap(c -> c.values().stream()).filter(v -> v.key().equals(key)).findFirst()
                .map(CheckupValue::group).orElse(CheckupGroup.OTHER);
    }

    private static List<Point> placed(List<Point> points) {
        long first = points.getFirst().date().toEpochDay();
        long days = Math.max(1, points.getLast().date().toEpochDay() - first);
        BigDecimal min = points.stream().map(Point::value).min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal max = points.stream().map(Point::value).max(Comparator.naturalOrder()).orElseThrow();
        double span = max.subtract(min).doubleValue();
        return points.stream().map(p -> new Point(p.date(), p.value(), p.flag(), p.own(),
                PAD + (WIDTH - 2 * PAD) * (p.date().toEpochDay() - first) / days,
                span == 0 ? HEIGHT / 2.0 : HEIGHT - PAD - (HEIGHT - 2 * PAD) * p.value().subtract(min).doubleValue() / span))
                .toList();
    }
}
