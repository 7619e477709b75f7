package org.musubi.ingest.values;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.record.fhir.FhirSystems;

/**
 * Quantities with their units as sent: a MERIT-9 unit ({@code MR9P}) keeps its code under the MERIT-9
 * system; a unit that is valid UCUM ({@code g/dL}, {@code mg/dl}, {@code %}, {@code mV}) is coded as UCUM
 * whatever system the sender named; anything else ({@code bpm}, {@code msec}, {@code 万/μL}) stays unit text.
 * UCUM answers are remembered, so each distinct unit is checked once. {@link #canonical} gives a valid unit's
 * dimension in UCUM's base units, for callers that judge whether a unit is plausible for what was measured.
 */
public final class Units {

    private static final int REMEMBERED = 10_000;
    private static final Map<String, Boolean> UCUM_CODES = new ConcurrentHashMap<>();
    private static final Map<String, Optional<String>> CANONICAL = new ConcurrentHashMap<>();

    private Units() {
    }

    /** {@code code} and {@code text} may be empty; {@code systemName} is the v2 coding-system name (CWE-3). */
    public static Quantity quantity(BigDecimal value, String code, String text, String systemName) {
        Quantity quantity = new Quantity().setValue(value);
        String unit = text == null || text.isEmpty() ? code : text;
        if (unit == null || unit.isEmpty()) {
            return quantity;
        }
        quantity.setUnit(unit);
        if (code == null || code.isEmpty()) {
            return quantity;
        }
        if ("MR9P".equals(systemName)) {
            quantity.setSystem(FhirSystems.MERIT9_UNIT).setCode(code);
        } else if (isUcum(code)) {
            quantity.setSystem(FhirSystems.UCUM).setCode(code);
        }
        return quantity;
    }

    public static boolean isUcum(String code) {
        Boolean known = UCUM_CODES.get(code);
        if (known != null) {
            return known;
        }
        boolean valid = Ucum.validates(code);
        if (UCUM_CODES.size() < REMEMBERED) {
            UCUM_CODES.put(code, valid);
        }
        return valid;
    }

    /**
     * A valid UCUM unit in UCUM's base units (m, s, g, rad, K, C, cd), e.g. {@code g.m-3} for {@code mg/dL} and
     * {@code C-2.g.m2.s-2} for {@code /F} (per farad); empty for an invalid unit or one UCUM cannot reduce (the
     * special units with an offset, such as {@code Cel}), and for one whose exponents are not {@link #modestExponents}.
     * The empty string is a dimensionless unit ({@code %}).
     */
    public static Optional<String> canonical(String code) {
        Optional<String> known = CANONICAL.get(code);
        if (known != null) {
            return known;
        }
        Optional<String> canonical = isUcum(code) && modestExponents(code) ? Ucum.canonical(code) : Optional.empty();
        if (CANONICAL.size() < REMEMBERED) {
            CANONICAL.put(code, canonical);
        }
        return canonical;
    }

    /** The largest exponent a unit of a measured value has ({@code 10*12/L}, a red-cell count). */
    static final int MAX_EXPONENT = 12;
    /** The largest sum of a unit's exponents ({@code 10*12/L} is 15). */
    static final int MAX_EXPONENTS = 24;

    /**
     * Whether a unit's exponents are those of a measured value: none above {@link #MAX_EXPONENT} (as {@code 10*12} or
     * {@code m3}), {@link #MAX_EXPONENTS} in all, and no factor of more than six digits; annotations ({@code {…}}) do
     * not count. The UCUM library reduces a unit in decimal arithmetic whose digits grow with the exponents times the
     * prefixes ({@code Ym99} is 10^2376 and takes half a minute), so a unit outside these bounds is never reduced:
     * a valid one is left uncoded with a warning by the callers that judge units.
     */
    public static boolean modestExponents(String code) {
        int sum = 0;
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '{') {
                int close = code.indexOf('}', i);
                i = close < 0 ? code.length() : close + 1;
                continue;
            }
            if (!Character.isDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < code.length() && Character.isDigit(code.charAt(i))) {
                i++;
            }
            if (i - start > 6) {
                return false;
            }
            int before = start - 1;
            if (before >= 0 && (code.charAt(before) == '-' || code.charAt(before) == '+')) {
                before--;
            }
            boolean exponent = before >= 0 && "/.(".indexOf(code.charAt(before)) < 0;
            if (exponent) {
                int value = Integer.parseInt(code, start, i, 10);
                sum += value;
                if (value > MAX_EXPONENT || sum > MAX_EXPONENTS) {
                    return false;
                }
            }
        }
        return true;
    }

    /** HAPI's UCUM essence, loaded on first use. */
    private static final class Ucum {

        private static final UcumEssenceService SERVICE = load();

        private static UcumEssenceService load() {
            try (var in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
                return new UcumEssenceService(in);
            } catch (IOException | UcumException e) {
                throw new IllegalStateException("UCUM essence not readable", e);
            }
        }

        static synchronized boolean validates(String code) {
            if (code.isBlank() || code.length() > 40) {
                return false;
            }
            try {
                return SERVICE.validate(code) == null;
            } catch (RuntimeException e) {
                return false;
            }
        }

        static synchronized Optional<String> canonical(String code) {
            try {
                return Optional.ofNullable(SERVICE.getCanonicalUnits(code));
            } catch (UcumException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
