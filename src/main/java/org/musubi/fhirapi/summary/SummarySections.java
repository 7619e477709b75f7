package org.musubi.fhirapi.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.musubi.emergency.dataset.EmergencyDataset;
import org.musubi.emergency.dataset.EmergencyDataset.Line;
import org.musubi.emergency.dataset.EmergencyDataset.Measure;
import org.musubi.emergency.dataset.EmergencyDataset.Medicine;
import org.musubi.phr.sheet.EmergencySheet;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.phr.sheet.SheetVersion;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.springframework.context.MessageSource;

/**
 * The sections of the summary, in the order of the emergency screen: allergies first, then medicines, problems, and
 * where there are any the vital signs, the abnormal results and the emergency sheet's wishes about treatment. Each
 * section names the resources behind the rows the screen shows (one per medicine: its latest supply) and says them in
 * words (Japanese, as the records are written).
 */
final class SummarySections {

    static final String LOINC = FhirSystems.LOINC;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /**
     * One section: its LOINC code, title, the category whose absence makes it empty for lack of access, the resources
     * it references ({@code Type/id}) and its lines.
     *
     * @param required an IPS section shown even when empty (with an {@code emptyReason})
     */
    record Section(String code, String display, String title, DataCategory category, boolean required,
                   List<String> refs, List<String> lines) {
    }

    private final MessageSource messages;

    SummarySections(MessageSource messages) {
        this.messages = messages;
    }

    List<Section> of(EmergencyDataset d) {
        List<Section> sections = new ArrayList<>();
        List<String> allergies = new ArrayList<>(d.allergies().stream().map(SummarySections::line).toList());
        d.reported().allergies().forEach(a -> allergies.add(reported(a)));
        sections.add(new Section("48765-2", "Allergies and adverse reactions Document",
                "アレルギー・副作用 / Allergies and intolerances", DataCategory.ALLERGIES, true,
                refs(d.allergies().stream().map(Line::ref).toList()), allergies));
        List<String> medicines = new ArrayList<>(d.medicines().stream().map(this::medicine).toList());
        d.reported().medicines().forEach(m -> medicines.add(reported(m)));
        d.alerts().forEach(a -> medicines.add("⚠ " + text(a.messageKey(), a.args().toArray())));
        sections.add(new Section("10160-0", "History of Medication use Narrative",
                "服用中の薬 / Medication summary", DataCategory.MEDICATIONS, true,
                refs(d.medicines().stream().map(Medicine::ref).toList()), medicines));
        sections.add(new Section("11450-4", "Problem list - Reported", "治療中の病気 / Problem list",
                DataCategory.DIAGNOSES, true, refs(d.problems().stream().flatMap(p -> p.refs().stream()).toList()),
                d.problems().stream().map(this::problem).toList()));
        if (!d.vitals().isEmpty()) {
            sections.add(new Section("8716-3", "Vital signs", "最近のバイタル / Vital signs", DataCategory.VITALS, false,
                    refs(d.vitals().stream().map(Measure::ref).toList()), d.vitals().stream().map(this::measure).toList()));
        }
        if (!d.labs().isEmpty()) {
            sections.add(new Section("30954-2", "Relevant diagnostic tests/laboratory data Narrative",
                    "最近の検査の異常値 / Results", DataCategory.LAB_RESULTS, false,
                    refs(d.labs().stream().map(Measure::ref).toList()), d.labs().stream().map(this::measure).toList()));
        }
        d.sheet().ifPresent(sheet -> sections.add(new Section("42348-3", "Advance directives",
                "命の宝箱：治療についての希望 / Advance directives", DataCategory.EMERGENCY_SHEET, false,
                List.of("QuestionnaireResponse/" + sheet.id()), wishes(sheet))));
        return sections;
    }

    private static List<String> refs(List<String> refs) {
        return refs.stream().filter(r -> r != null).distinct().toList();
    }

    private static String line(Line l) {
        return Narrative.words(l.title(), l.detail(), l.facility());
    }

    /**
     * A fact the person wrote in the health notebook (the emergency sheet, an OTC drug), marked as self-reported in
     * both languages: it has no resource of its own in the document.
     */
    private String reported(SelfReports.Item item) {
        String source = "selfReported.source." + item.source().name();
        return Narrative.words(item.name(), item.detail()) + "（" + text("data.selfReported") + "・" + text(source) + " / "
                + english("data.selfReported") + ", " + english(source) + "）";
    }

    /**
     * What an empty section says, in both languages: the reader may not see the kind ({@code hidden}), the view shows
     * only the reader's own facility's records ({@code ownOnly}), or there is no record.
     */
    String absent(boolean hidden, boolean ownOnly) {
        String key = hidden ? "data.hidden" : ownOnly ? "data.noneOwn" : "data.none";
        return text(key) + " / " + english(key);
    }

    /** A diagnosis: its name, its marks in words (疑い …), its onset and its senders. */
    private String problem(EmergencyDataset.Problem p) {
        return Narrative.words(p.title(), p.marks().isEmpty() ? null
                        : String.join("・", p.marks().stream().map(m -> text(m)).toList()),
                p.onset() == null ? null : "発症 " + day(p.onset()), String.join("・", p.facilities()));
    }

    private String medicine(Medicine m) {
        return Narrative.words(m.name(), m.dosage(), day(m.from()) + "〜" + (m.until() == null ? "継続中" : day(m.until())), m.facility(),
                m.current() ? "服用中" : null, m.alerted() ? "重複に注意" : null);
    }

    private String measure(Measure m) {
        return Narrative.words(m.name(), m.value(), m.flag() == null ? null : text("emergency.flag." + m.flag()),
                m.at() == null ? null : day(LocalDate.ofInstant(m.at(), FhirJson.JAPAN)), m.facility());
    }

    private List<String> wishes(SheetVersion version) {
        EmergencySheet sheet = version.sheet();
        List<String> lines = new ArrayList<>();
        Optional.ofNullable(sheet.acpWish()).ifPresent(w -> lines.add("延命治療の希望：" + text(w.label())));
        Optional.ofNullable(sheet.acpNote()).ifPresent(n -> lines.add("本人の言葉：" + n));
        Optional.ofNullable(sheet.acpConfidant()).ifPresent(c -> lines.add("希望を知っている人：" + c));
        lines.add("記入日：" + day(LocalDate.ofInstant(version.at() == null ? Instant.EPOCH : version.at(), FhirJson.JAPAN)));
        return lines;
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.JAPANESE);
    }

    private String english(String key) {
        return messages.getMessage(key, null, key, Locale.ENGLISH);
    }
}
