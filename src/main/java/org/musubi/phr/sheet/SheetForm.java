package org.musubi.phr.sheet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.musubi.registry.FieldFault;

/**
 * The emergency sheet as a form posts it, read into an {@link EmergencySheet} or refused with the faults naming each
 * field. Rows are numbered fields ({@code condition[0].name}, {@code contact[2].phone} …); a row left blank is dropped;
 * a row with text in a column but none in its main column (a medicine's dose without its name) is a fault. Telephone
 * numbers take digits, {@code + - ( )} and spaces (full-width forms are read as ASCII). Photos are not posted here:
 * the form names the ones kept ({@code photo[0].sha256}, unless {@code photo[0].remove} is ticked) and their
 * captions; the sheet already holds them.
 */
public final class SheetForm {

    static final int MAX_CONDITIONS = 20;
    static final int MAX_MEDICINES = 40;
    static final int MAX_ALLERGIES = 20;
    static final int MAX_CONTACTS = 5;
    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 2000;
    private static final int MAX_PHONE = 20;

    /** The most rows of each list a form takes. */
    public static int maxConditions() {
        return MAX_CONDITIONS;
    }

    public static int maxMedicines() {
        return MAX_MEDICINES;
    }

    public static int maxAllergies() {
        return MAX_ALLERGIES;
    }

    public static int maxContacts() {
        return MAX_CONTACTS;
    }

    private final Map<String, String> form;
    private final List<FieldFault> faults = new ArrayList<>();

    private SheetForm(Map<String, String> form) {
        this.form = form;
    }

    /** The outcome: a sheet, or the faults that refuse the form (then {@code sheet} is null). */
    public record Read(EmergencySheet sheet, List<FieldFault> faults) {
        public Read {
            faults = List.copyOf(faults);
        }

        public boolean valid() {
            return faults.isEmpty();
        }
    }

    /** Reads {@code form}; the photos kept are those of {@code current} that the form still names. */
    /** The form's hidden field naming the version of the sheet it was opened on (0: none yet). */
    public static final String BASE_VERSION = "baseVersion";

    /** The version of the sheet the form was opened on, or null when the form does not say (or says nonsense). */
    public static Integer baseVersion(Map<String, String> form) {
        String value = form.get(BASE_VERSION);
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(value.strip());
    }

    public static Read read(Map<String, String> form, EmergencySheet current) {
        return new SheetForm(form).sheet(current);
    }

    private Read sheet(EmergencySheet current) {
        List<EmergencySheet.Condition> conditions = rows("condition", MAX_CONDITIONS, "name", i ->
                new EmergencySheet.Condition(text(i + "name", MAX_TEXT), text(i + "since", MAX_TEXT), text(i + "note", MAX_TEXT)),
                "since", "note");
        List<EmergencySheet.Medicine> medicines = rows("medicine", MAX_MEDICINES, "name", i ->
                new EmergencySheet.Medicine(text(i + "name", MAX_TEXT), text(i + "dose", MAX_TEXT),
                        "true".equals(form.get(i + "fromRecord"))), "dose");
        List<EmergencySheet.Allergy> allergies = rows("allergy", MAX_ALLERGIES, "substance", i ->
                new EmergencySheet.Allergy(text(i + "substance", MAX_TEXT), text(i + "reaction", MAX_TEXT),
                        "true".equals(form.get(i + "fromRecord"))), "reaction");
        List<EmergencySheet.Contact> contacts = rows("contact", MAX_CONTACTS, "name", i ->
                new EmergencySheet.Contact(text(i + "name", MAX_TEXT), text(i + "relation", MAX_TEXT), phone(i + "phone")),
                "relation", "phone");
        var doctor = new EmergencySheet.Doctor(text("doctor.name", MAX_TEXT), text("doctor.clinic", MAX_TEXT),
                phone("doctor.phone"));
        var hospital = new EmergencySheet.Hospital(text("hospital.name", MAX_TEXT), text("hospital.department", MAX_TEXT),
                phone("hospital.phone"), text("hospital.patientNumber", 40));
        var careLevel = choice("careLevel", SheetChoices.CareLevel.class);
        var abo = choice("bloodAbo", SheetChoices.BloodAbo.class);
        var rh = choice("bloodRh", SheetChoices.BloodRh.class);
        var wish = choice("acpWish", SheetChoices.AcpWish.class);
        String acpNote = text("acpNote", MAX_LONG_TEXT);
        String confidant = text("acpConfidant", MAX_TEXT);
        String location = text("paperLocation", MAX_TEXT);
        String notes = text("notes", MAX_LONG_TEXT);
        List<EmergencySheet.Photo> photos = new ArrayList<>();
        for (int i = 0; i < current.photos().size(); i++) {
            String sha = form.get("photo[" + i + "].sha256");
            EmergencySheet.Photo photo = current.photos().stream().filter(p -> p.sha256().equals(sha)).findFirst().orElse(null);
            boolean removed = !blank(form.get("photo[" + i + "].remove"));
            if (photo != null && !removed && photos.stream().noneMatch(p -> p.sha256().equals(sha))) {
                photos.add(new EmergencySheet.Photo(photo.sha256(), photo.mediaType(), photo.size(),
                        text("photo[" + i + "].caption", MAX_TEXT)));
            }
        }
        if (!faults.isEmpty()) {
            return new Read(null, faults);
        }
        return new Read(new EmergencySheet(conditions, medicines, allergies, doctor, hospital, contacts, careLevel, abo,
                rh, wish, acpNote, confidant, location, notes, photos), List.of());
    }

    /**
     * The rows {@code prefix[0].} … {@code prefix[max-1].}: blank ones dropped, a row with only {@code others} filled
     * a fault on its {@code main} column; more rows than {@code max} posted is a fault on the list.
     */
    private <T> List<T> rows(String prefix, int max, String main, Function<String, T> row, String... others) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            String at = prefix + "[" + i + "].";
            boolean anyOther = false;
            for (String other : others) {
                anyOther |= !blank(form.get(at + other));
            }
            if (blank(form.get(at + main))) {
                if (anyOther) {
                    faults.add(new FieldFault(at + main, "sheet.fault.required", List.of()));
                }
                continue;
            }
            rows.add(row.apply(at));
        }
        if (!blank(form.get(prefix + "[" + max + "]." + main))) {
            faults.add(new FieldFault(prefix, "sheet.fault.tooMany", List.of(max)));
        }
        return rows;
    }

    private String text(String field, int max) {
        String value = form.get(field);
        if (blank(value)) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            faults.add(new FieldFault(field, "sheet.fault.tooLong", List.of(max)));
            return null;
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            faults.add(new FieldFault(field, "sheet.fault.control", List.of()));
            return null;
        }
        return stripped;
    }

    private String phone(String field) {
        String value = form.get(field);
        if (blank(value)) {
            return null;
        }
        String phone = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        long digits = phone.chars().filter(Character::isDigit).count();
        if (phone.length() > MAX_PHONE || digits < 3 || !phone.matches("[0-9+\\-() ]+")) {
            faults.add(new FieldFault(field, "sheet.fault.phone", List.of()));
            return null;
        }
        return phone;
    }

    private <E extends Enum<E> & SheetChoices.Choice> E choice(String field, Class<E> type) {
        String value = form.get(field);
        if (blank(value)) {
            return null;
        }
        E chosen = SheetChoices.of(type, value.strip()).orElse(null);
        if (chosen == null) {
            faults.add(new FieldFault(field, "sheet.fault.choice", List.of()));
        }
        return chosen;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
