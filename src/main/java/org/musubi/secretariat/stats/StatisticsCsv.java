package org.musubi.secretariat.stats;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.musubi.registry.FacilityKind;
import org.musubi.text.csv.CsvWriter;

/**
 * Every figure of the dashboard as CSV for Excel: UTF-8 with a byte-order mark, a header row, CRLF lines, codes (kinds,
 * months as 2026-04) rather than labels; the per-municipality figures suppressed as on the page ({@link ShownCounts}).
 */
public final class StatisticsCsv {

    /** The figures that can be downloaded, by their name in the address. */
    public static final List<String> FIGURES = List.of("facilities", "cards", "residents", "two-way", "use", "queue",
            "emergency");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StatisticsCsv() {
    }

    /** The CSV of one figure; empty for a name that is none. {@code use}: every facility's use per month. */
    public static Optional<String> text(String figure, Figures.Dashboard d, Map<YearMonth, List<Figures.FacilityUse>> use) {
        StringBuilder csv = new StringBuilder();
        switch (figure) {
            case "facilities" -> {
                List<FacilityKind> kinds = kinds();
                csv.append("month");
                kinds.forEach(k -> csv.append(',').append(k.name()));
                csv.append(",disclosing_only,viewing_only,both,neither,total\r\n");
                for (Figures.FacilityMonth m : d.facilities()) {
                    csv.append(m.month());
                    kinds.forEach(k -> csv.append(',').append(m.kind(k)));
                    csv.append(',').append(m.disclosingOnly()).append(',').append(m.viewingOnly()).append(',')
                            .append(m.both()).append(',').append(m.neither()).append(',').append(m.total()).append("\r\n");
                }
            }
            case "cards" -> {
                csv.append("month,regional,disclosure,total\r\n");
                d.cards().forEach(c -> csv.append(c.month()).append(',').append(c.regional()).append(',')
                        .append(c.disclosure()).append(',').append(c.total()).append("\r\n"));
            }
            case "residents" -> {
                csv.append("municipality,population,registered_residents,share_percent,registered_in_12_months,"
                        + "share_in_12_months_percent\r\n");
                d.residents().forEach(r -> csv.append(field(r.municipality())).append(',').append(r.population())
                        .append(',').append(r.shownResidents()).append(',').append(r.shownShare()).append(',')
                        .append(r.shownInYear()).append(',').append(r.shownYearShare()).append("\r\n"));
                csv.append("total,").append(d.population()).append(',').append(d.shownResidentTotal()).append(",,")
                        .append(d.shownInYearTotal()).append(',').append(d.shownYearShare()).append("\r\n");
            }
            case "two-way" -> {
                csv.append("days,participating,sent,viewed,two_way,share_percent,target_percent\r\n");
                d.twoWay().forEach(t -> csv.append(t.days()).append(',').append(t.participating()).append(',')
                        .append(t.sent()).append(',').append(t.viewed()).append(',').append(t.both()).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", t.percent())).append(',')
                        .append(String.format(Locale.ROOT, "%.0f", Figures.TWO_WAY_TARGET)).append("\r\n"));
            }
            case "use" -> {
                csv.append("month,facility_id,facility,kind,views,imports,letters_sent\r\n");
                use.forEach((month, rows) -> rows.forEach(u -> csv.append(month).append(',').append(u.facilityId())
                        .append(',').append(field(u.facility())).append(',').append(u.kind().name()).append(',')
                        .append(u.views()).append(',').append(u.imports()).append(',').append(u.letters())
                        .append("\r\n")));
            }
            case "queue" -> {
                csv.append("open_reviews,median_age_days,oldest_age_days\r\n");
                csv.append(d.queue().open()).append(',').append(String.format(Locale.ROOT, "%.1f", d.queue().medianDays()))
                        .append(',').append(String.format(Locale.ROOT, "%.1f", d.queue().oldestDays())).append("\r\n");
            }
            case "emergency" -> {
                csv.append("month,break_the_glass,crews,total\r\n");
                d.emergency().forEach(e -> csv.append(e.month()).append(',').append(e.breakTheGlass()).append(',')
                        .append(e.crews()).append(',').append(e.breakTheGlass() + e.crews()).append("\r\n"));
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(csv.toString());
    }

    /** The bytes to send: the BOM, then the text in UTF-8. */
    public static byte[] bytes(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    /** The kinds a facility of the network may have (not the notebook's own source). */
    public static List<FacilityKind> kinds() {
        return java.util.Arrays.stream(FacilityKind.values()).filter(k -> k != FacilityKind.PERSONAL_HEALTH_RECORD)
                .toList();
    }

    /** A text field ({@link CsvWriter}: quoted when it needs to be, no formula in Excel). */
    static String field(String text) {
        return CsvWriter.field(text == null ? "" : text);
    }
}
