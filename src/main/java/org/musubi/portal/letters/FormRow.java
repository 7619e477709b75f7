package org.musubi.portal.letters;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.musubi.letters.Allergy;
import org.musubi.letters.Coded;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Medicine;
import org.musubi.letters.Result;

/**
 * One row of the composer's lists (a diagnosis, an allergy, a result, a medicine) as the form carries it. The codes
 * behind the words (MEDIS 病名管理番号, YJ, JLAC10 …) travel in a hidden field with the words they were given for
 * ({@link #original}): a row whose words the author changed is sent as free text, since the old codes would no longer
 * say what it says.
 */
public class FormRow {

    public String text;
    public String original;
    public String codes;
    public String recordRef;
    public LocalDate onset;
    public boolean main;
    public boolean suspected;
    public boolean active = true;
    public String category;
    public String reaction;
    public boolean severe;
    public String dosage;
    public String value;
    public String unit;
    public Instant at;
    /** A result is quoted only when ticked. */
    public boolean include;

    static FormRow of(Diagnosis d) {
        FormRow row = coded(d.condition(), d.recordRef());
        row.onset = d.onset();
        row.main = d.main();
        row.suspected = d.suspected();
        row.active = d.active();
        return row;
    }

    static FormRow of(Allergy a) {
        FormRow row = coded(a.substance(), a.recordRef());
        row.category = a.category();
        row.reaction = a.reaction();
        row.severe = a.severe();
        return row;
    }

    static FormRow of(Result r) {
        FormRow row = coded(r.item(), r.recordRef());
        row.value = r.value();
        row.unit = r.unit();
        row.at = r.at();
        row.include = true;
        return row;
    }

    static FormRow of(Medicine m) {
        FormRow row = coded(m.drug(), m.recordRef());
        row.dosage = m.dosage();
        return row;
    }

    private static FormRow coded(Coded coded, String recordRef) {
        FormRow row = new FormRow();
        row.text = coded.text();
        row.original = coded.text();
        row.codes = encode(coded.codes());
        row.recordRef = recordRef;
        return row;
    }

    boolean blank() {
        return text == null || text.isBlank();
    }

    Diagnosis diagnosis() {
        return new Diagnosis(coded(), onset, active, suspected, main, unchanged() ? recordRef : null);
    }

    Allergy allergy() {
        return new Allergy(coded(), LetterForm.text(category), LetterForm.text(reaction), severe,
                unchanged() ? recordRef : null);
    }

    Result result() {
        return new Result(coded(), LetterForm.text(value), LetterForm.text(unit), at, unchanged() ? recordRef : null);
    }

    Medicine medicine() {
        return new Medicine(coded(), LetterForm.text(dosage), unchanged() ? recordRef : null);
    }

    /** The words, with their codes while they are the words the codes were given for. */
    Coded coded() {
        String words = text.strip();
        return unchanged() ? new Coded(words, decode(codes)) : Coded.text(words);
    }

    private boolean unchanged() {
        return original != null && text != null && original.strip().equals(text.strip());
    }

    /** Codes as one field: each {@code system|code|display} URL-encoded, separated by commas. */
    static String encode(List<Coded.Code> codes) {
        List<String> parts = new ArrayList<>();
        for (Coded.Code c : codes) {
            parts.add(url(c.system()) + "|" + url(c.code()) + "|" + url(c.display() == null ? "" : c.display()));
        }
        return String.join(",", parts);
    }

    static List<Coded.Code> decode(String field) {
        List<Coded.Code> codes = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return codes;
        }
        for (String part : field.split(",")) {
            String[] p = part.split("\\|", -1);
            if (p.length == 3 && !p[0].isEmpty() && !p[1].isEmpty()) {
                String display = unurl(p[2]);
                codes.add(new Coded.Code(unurl(p[0]), unurl(p[1]), display.isEmpty() ? null : display));
            }
        }
        return codes;
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unurl(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
