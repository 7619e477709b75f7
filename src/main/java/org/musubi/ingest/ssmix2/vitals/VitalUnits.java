package org.musubi.ingest.ssmix2.vitals;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.values.Units;
import org.musubi.record.fhir.FhirSystems;

/**
 * A vital sign's unit (OBX-6, {@code code^text^system}) as sent, with its UCUM code: a code that is valid UCUM as it
 * is; the ISO+ (ISO 2955) and Japanese forms SS-MIX2 vital-sign messages write, read as the UCUM unit they name:
 * {@code mm(hg)} and {@code mmHg} as {@code mm[Hg]}, {@code cel} and {@code ℃} as {@code Cel}, {@code (hb)} (a
 * pulse counted in beats a minute, as the one hospital group's vital-sign definition writes the pulse's unit) and
 * {@code 回/分} as {@code /min}. The unit's text stays as sent ({@code Quantity.unit}); a unit read neither way is
 * kept as text only (empty here: the caller warns).
 */
final class VitalUnits {

    private static final Map<String, String> UCUM = Map.ofEntries(
            Map.entry("mm(hg)", "mm[Hg]"), Map.entry("mmhg", "mm[Hg]"), Map.entry("mm[hg]", "mm[Hg]"),
            Map.entry("cel", "Cel"), Map.entry("℃", "Cel"), Map.entry("°c", "Cel"), Map.entry("degc", "Cel"),
            Map.entry("(hb)", "/min"), Map.entry("/min", "/min"), Map.entry("回/分", "/min"), Map.entry("回／分", "/min"),
            Map.entry("回/1分", "/min"), Map.entry("回／１分", "/min"), Map.entry("bpm", "/min"), Map.entry("%", "%"));

    private VitalUnits() {
    }

    /** The quantity; {@code ucum} tells whether its unit could be coded (false only when a unit was sent and not read). */
    record Read(Quantity quantity, boolean ucum) {
    }

    static Read quantity(BigDecimal value, Hl7Field unit) {
        String code = unit.component(1).strip();
        String text = unit.component(2).strip();
        Quantity quantity = new Quantity().setValue(value);
        if (code.isEmpty() && text.isEmpty()) {
            return new Read(quantity, true);
        }
        quantity.setUnit(text.isEmpty() ? code : text);
        Optional<String> ucum = ucum(code).or(() -> ucum(text));
        ucum.ifPresent(c -> quantity.setSystem(FhirSystems.UCUM).setCode(c));
        return new Read(quantity, ucum.isPresent());
    }

    private static Optional<String> ucum(String unit) {
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        String known = UCUM.get(unit.toLowerCase(Locale.ROOT));
        if (known != null) {
            return Optional.of(known);
        }
        return Units.isUcum(unit) ? Optional.of(unit) : Optional.empty();
    }
}
