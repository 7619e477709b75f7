package org.musubi.phr.sheet.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.musubi.phr.sheet.EmergencySheet;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.sheet.SheetChoices;
import org.musubi.phr.sheet.SheetForm;
import org.musubi.phr.sheet.SheetVersion;
import org.musubi.registry.FieldFault;
import org.springframework.ui.Model;

/**
 * The emergency sheet's entry form, shared by the resident's notebook and a facility's proxy entry: its values as the
 * form's fields (from a stored sheet, or echoed from a refused post), and how many rows each list shows (what it holds
 * and two empty ones, at least three).
 */
public final class SheetPages {

    private SheetPages() {
    }

    /** Fills the model for the form template ({@code sheet/form :: form}) and names the page to render. */
    public static String form(Model model, Map<String, String> values, List<FieldFault> faults,
                              List<EmergencySheet.Medicine> dispensed, String action, String refill, boolean prefilled) {
        model.addAttribute("values", values);
        model.addAttribute("faults", faults.stream().map(SheetPages::where).toList());
        model.addAttribute("dispensed", dispensed);
        model.addAttribute("action", action);
        model.addAttribute("refill", refill);
        model.addAttribute("prefilled", prefilled);
        model.addAttribute("conditionRows", rows(values, "condition", "name", SheetForm.maxConditions()));
        model.addAttribute("medicineRows", rows(values, "medicine", "name", SheetForm.maxMedicines()));
        model.addAttribute("allergyRows", rows(values, "allergy", "substance", SheetForm.maxAllergies()));
        model.addAttribute("contactRows", rows(values, "contact", "name", SheetForm.maxContacts()));
        model.addAttribute("photoRows", IntStream.range(0, 100)
                .filter(i -> values.containsKey("photo[" + i + "].sha256")).boxed().toList());
        model.addAttribute("careLevels", SheetChoices.CareLevel.values());
        model.addAttribute("bloodAbos", SheetChoices.BloodAbo.values());
        model.addAttribute("bloodRhs", SheetChoices.BloodRh.values());
        model.addAttribute("acpWishes", SheetChoices.AcpWish.values());
        return model.containsAttribute("staffForm") ? "portal/sheet-edit" : "phr/sheet-edit";
    }

    /**
     * The entry form of a sheet opened for entry: prefilled from the facilities' records on a first entry or when
     * asked ({@code refill}: the medicines and allergies taken over before replaced, the person's own kept), the
     * prefill said when it filled anything.
     */
    public static String entry(Model model, EmergencySheets.Opened opened, boolean refill, String action,
                               String refillAction) {
        EmergencySheet sheet = opened.current().map(SheetVersion::sheet).orElse(EmergencySheet.empty());
        boolean prefill = refill || opened.current().isEmpty();
        Map<String, String> values = values(prefill ? withRecords(sheet, opened) : sheet);
        values.put(SheetForm.BASE_VERSION, String.valueOf(opened.current().map(SheetVersion::version).orElse(0)));
        return form(model, values, List.of(), opened.dispensed(), action,
                refillAction, prefill && !(opened.dispensed().isEmpty() && opened.recorded().isEmpty()));
    }

    /**
     * The form again after a save refused ({@code saved}): what the person entered, kept; after a conflict (someone
     * else saved first) it stands on the version now current, so that saving it again replaces that version knowingly.
     */
    public static String refused(Model model, Map<String, String> form, EmergencySheets.Saved saved, String action,
                                 String refillAction) {
        Map<String, String> values = echo(form);
        if (saved.conflict()) {
            values.put(SheetForm.BASE_VERSION, String.valueOf(saved.version()));
        }
        return form(model, values, saved.faults(), saved.dispensed(), action, refillAction, false);
    }

    /**
     * A fault as the form shows it: the field's section (or the field itself), its row counted from 1 (null for a
     * single field) and its column, each a message key; then the fault's own message.
     */
    public record Fault(String field, String sectionKey, Integer row, String columnKey, String messageKey,
                        List<Object> args) {
    }

    private static final Pattern FIELD =
            Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?(?:\\.([A-Za-z]+))?");
    private static final Map<String, String> SECTIONS = Map.of("condition", "conditions", "medicine", "medicines",
            "allergy", "allergies", "contact", "contacts", "doctor", "doctor", "hospital", "hospital", "photo", "photos");

    static Fault where(FieldFault fault) {
        if (fault.field().equals(SheetForm.BASE_VERSION)) {
            return new Fault(fault.field(), null, null, null, fault.messageKey(), fault.args());
        }
        Matcher m = FIELD.matcher(fault.field());
        if (!m.matches()) {
            return new Fault(fault.field(), null, null, null, fault.messageKey(), fault.args());
        }
        String prefix = m.group(1);
        Integer row = m.group(2) == null ? null : Integer.parseInt(m.group(2)) + 1;
        String column = m.group(3);
        if (!SECTIONS.containsKey(prefix)) {
            return new Fault(fault.field(), "sheet.field." + prefix, null, null, fault.messageKey(), fault.args());
        }
        String columnKey = column == null ? null : "sheet.field." + (column.equals("name") ? prefix + "Name" : column);
        return new Fault(fault.field(), "sheet.section." + SECTIONS.get(prefix), row, columnKey, fault.messageKey(),
                fault.args());
    }

    /** The row indexes a list shows. */
    private static List<Integer> rows(Map<String, String> values, String prefix, String main, int max) {
        int used = 0;
        for (int i = 0; i < max; i++) {
            String value = values.get(prefix + "[" + i + "]." + main);
            if (value != null && !value.isBlank()) {
                used = i + 1;
            }
        }
        return IntStream.range(0, Math.min(max, Math.max(3, used + 2))).boxed().toList();
    }

    /** What a refused post typed, as it was (only the form's own fields). */
    public static Map<String, String> echo(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("_csrf");
        return values;
    }

    /**
     * The sheet with what the facilities recorded in place of what was taken over from them before, the person's own
     * entries kept: the medicines of the dispensing record, and the allergies recorded that the person has not written
     * themself (by the same substance).
     */
    public static EmergencySheet withRecords(EmergencySheet sheet, EmergencySheets.Opened opened) {
        List<EmergencySheet.Medicine> medicines = new ArrayList<>(opened.dispensed());
        sheet.medicines().stream().filter(m -> !m.fromRecord()).forEach(medicines::add);
        List<EmergencySheet.Allergy> own = sheet.allergies().stream().filter(a -> !a.fromRecord()).toList();
        List<EmergencySheet.Allergy> allergies = new ArrayList<>(opened.recorded().stream()
                .filter(r -> own.stream().noneMatch(a -> r.substance().equals(a.substance()))).toList());
        allergies.addAll(own);
        return new EmergencySheet(sheet.conditions(), medicines, allergies, sheet.familyDoctor(),
                sheet.hospital(), sheet.contacts(), sheet.careLevel(), sheet.bloodAbo(), sheet.bloodRh(), sheet.acpWish(),
                sheet.acpNote(), sheet.acpConfidant(), sheet.paperLocation(), sheet.notes(), sheet.photos());
    }

    /** A sheet as the form's fields. */
    public static Map<String, String> values(EmergencySheet sheet) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < sheet.conditions().size(); i++) {
            var c = sheet.conditions().get(i);
            put(v, "condition[" + i + "].", "name", c.name(), "since", c.since(), "note", c.note());
        }
        for (int i = 0; i < sheet.medicines().size(); i++) {
            var m = sheet.medicines().get(i);
            put(v, "medicine[" + i + "].", "name", m.name(), "dose", m.dose(), "fromRecord", m.fromRecord() ? "true" : null);
        }
        for (int i = 0; i < sheet.allergies().size(); i++) {
            var a = sheet.allergies().get(i);
            put(v, "allergy[" + i + "].", "substance", a.substance(), "reaction", a.reaction(), "fromRecord",
                    a.fromRecord() ? "true" : null);
        }
        for (int i = 0; i < sheet.contacts().size(); i++) {
            var c = sheet.contacts().get(i);
            put(v, "contact[" + i + "].", "name", c.name(), "relation", c.relation(), "phone", c.phone());
        }
        var d = sheet.familyDoctor();
        put(v, "doctor.", "name", d.name(), "clinic", d.clinic(), "phone", d.phone());
        var h = sheet.hospital();
        put(v, "hospital.", "name", h.name(), "department", h.department(), "phone", h.phone(), "patientNumber",
                h.patientNumber());
        put(v, "", "careLevel", code(sheet.careLevel()), "bloodAbo", code(sheet.bloodAbo()), "bloodRh",
                code(sheet.bloodRh()), "acpWish", code(sheet.acpWish()), "acpNote", sheet.acpNote(), "acpConfidant",
                sheet.acpConfidant(), "paperLocation", sheet.paperLocation(), "notes", sheet.notes());
        for (int i = 0; i < sheet.photos().size(); i++) {
            var p = sheet.photos().get(i);
            put(v, "photo[" + i + "].", "sha256", p.sha256(), "caption", p.caption());
        }
        return v;
    }

    private static String code(SheetChoices.Choice choice) {
        return choice == null ? null : choice.code();
    }

    private static void put(Map<String, String> values, String prefix, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put(prefix + namesAndValues[i], namesAndValues[i + 1]);
            }
        }
    }
}
