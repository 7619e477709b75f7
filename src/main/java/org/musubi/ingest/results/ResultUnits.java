package org.musubi.ingest.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.ingest.values.Units;
import org.musubi.record.fhir.FhirSystems;

/**
 * A result's quantity in its unit as sent (the text, else the code), coded only when the code is sure:
 * <ul>
 * <li>a MERIT-9 unit ({@code MR9P}) under the MERIT-9 system;</li>
 * <li>a valid UCUM unit (by the UCUM library HAPI ships) whose dimension a result of its kind can have: for lab tests
 * built from length, mass, time and temperature and dimensionless counts, amounts and arbitrary units
 * ({@code mg/dL}, {@code 10*4/uL}, {@code U/L}, {@code [IU]/L}, {@code mm[Hg]}, {@code /[HPF]}, {@code %}); physiology
 * (an ECG) adds electric units and angles ({@code mV}, {@code deg}). A valid unit of another dimension is read as a
 * typo, not coded: {@code /F} (urine sediment per field) is UCUM's per farad;</li>
 * <li>anything else ({@code 個/HFP}, {@code mOms/L}, {@code /μL}, {@code bpm}) stays unit text.</li>
 * </ul>
 * A valid unit with exponents no measured value has ({@code 10*99}: {@link Units#modestExponents}) is not coded either.
 * A unit left uncoded is warned about ({@code lab.unit.notUcum}, {@code lab.unit.implausible}, {@code lab.unit.extreme}),
 * naming the unit.
 */
final class ResultUnits {

    /** UCUM's base units a lab value's dimension may be built from (mol, eq and arbitrary units are dimensionless). */
    private static final Set<String> LABORATORY = Set.of("m", "s", "g", "K");
    /** Physiology adds charge (volts, ohms) and plane angle (an ECG's axis in degrees). */
    private static final Set<String> PHYSIOLOGY = Set.of("m", "s", "g", "K", "C", "rad");
    private static final int REMEMBERED = 10_000;
    private static final Map<String, Verdict> LABORATORY_VERDICTS = new ConcurrentHashMap<>();
    private static final Map<String, Verdict> PHYSIOLOGY_VERDICTS = new ConcurrentHashMap<>();

    private ResultUnits() {
    }

    static Quantity quantity(BigDecimal value, ResultValues.Unit unit, ResultKind kind, List<ResultWarning> warnings) {
        Quantity quantity = new Quantity().setValue(value);
        if (unit.isEmpty()) {
            return quantity;
        }
        String shown = unit.shown();
        quantity.setUnit(shown);
        if ("MR9P".equals(unit.system()) && !unit.code().isEmpty()) {
            return quantity.setSystem(FhirSystems.MERIT9_UNIT).setCode(unit.code());
        }
        String code = unit.code().isEmpty() ? unit.text() : unit.code();
        Verdict verdict = verdict(code, kind);
        if (verdict.code() != null) {
            warnings.add(verdict.dimension() == null ? ResultWarning.unit(verdict.code(), shown)
                    : ResultWarning.unit(verdict.code(), shown, verdict.dimension()));
            return quantity;
        }
        return quantity.setSystem(FhirSystems.UCUM).setCode(code);
    }

    /** Whether a unit is coded (no warning code), remembered per kind: each distinct unit is judged once. */
    private static Verdict verdict(String code, ResultKind kind) {
        Map<String, Verdict> known = kind == ResultKind.PHYSIOLOGY ? PHYSIOLOGY_VERDICTS : LABORATORY_VERDICTS;
        Verdict verdict = known.get(code);
        if (verdict == null) {
            verdict = judge(code, kind);
            if (known.size() < REMEMBERED) {
                known.put(code, verdict);
            }
        }
        return verdict;
    }

    private static Verdict judge(String code, ResultKind kind) {
        if (!Units.isUcum(code)) {
            return new Verdict("lab.unit.notUcum", null);
        }
        if (!Units.modestExponents(code)) {
            return new Verdict("lab.unit.extreme", null);
        }
        Optional<String> dimension = Units.canonical(code);
        if (dimension.isPresent() && !plausible(dimension.get(), kind)) {
            return new Verdict("lab.unit.implausible", dimension.get());
        }
        return new Verdict(null, null);
    }

    /** A warning code (null when the unit is coded) and the dimension that made it implausible (null otherwise). */
    private record Verdict(String code, String dimension) {
    }

    /** Whether every base unit of a canonical UCUM form ({@code C-2.g.m2.s-2}) is one a result of this kind may have. */
    static boolean plausible(String canonical, ResultKind kind) {
        Set<String> allowed = kind == ResultKind.PHYSIOLOGY ? PHYSIOLOGY : LABORATORY;
        for (String factor : canonical.split("\\.")) {
            int end = factor.length();
            while (end > 0 && (Character.isDigit(factor.charAt(end - 1)) || factor.charAt(end - 1) == '-')) {
                end--;
            }
            if (end > 0 && !allowed.contains(factor.substring(0, end))) {
                return false;
            }
        }
        return true;
    }
}
