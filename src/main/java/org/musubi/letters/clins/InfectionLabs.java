package org.musubi.letters.clins;

import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.musubi.record.fhir.FhirSystems;

/**
 * Which lab results are 感染症 (infection) results in JP-CLINS's sense: those whose JLAC10 code is in JP-CLINS's
 * infection-lab code system ({@value #INFECTION_SYSTEM}, the codes behind its {@code
 * JP_CLINS_ObsLabResult_InfectionLabo_*} value sets: HBs antigen and antibody, HCV, HIV-1/2, syphilis STS and TP). That
 * code system lists 17-digit JLAC10 codes of eight JLAC10 analytes (the first five characters): {@link #ANALYTES}. A
 * result counts as an infection result when a JLAC10 coding has one of these analytes, or when it is coded in the
 * infection code system itself. The table is checked against the official package in {@code InfectionLabsTest} (every
 * code of the infection code system is an infection result, no code of the core-lab code system is), so that a new
 * package version that adds an analyte fails the build rather than sorting a result wrongly.
 */
public final class InfectionLabs {

    /** JP-CLINS's code system of the infection labs (JLAC10 codes grouped by test). */
    public static final String INFECTION_SYSTEM =
            "http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_InfectionLabo_CS";
    /**
     * The JLAC10 analyte codes of the infection code system: 5E071, 5E074, 5E075 (syphilis: STS, TP), 5F016 (HBs),
     * 5F360 (HCV), 5F500, 5F550, 5F560 (HIV).
     */
    public static final Set<String> ANALYTES = Set.of("5E071", "5E074", "5E075", "5F016", "5F360", "5F500", "5F550",
            "5F560");

    private InfectionLabs() {
    }

    /** Whether the result is an infection result (see the class). */
    public static boolean infection(Observation observation) {
        return observation.getCode().getCoding().stream().anyMatch(InfectionLabs::infection);
    }

    /** Whether one coding names an infection test. */
    public static boolean infection(Coding coding) {
        String system = coding.getSystem();
        String code = coding.getCode();
        if (INFECTION_SYSTEM.equals(system)) {
            return true;
        }
        return (FhirSystems.JLAC10.equals(system) || FhirSystems.JLAC10_OID.equals(system)
                || "http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS".equals(system))
                && code != null && code.length() == 17 && ANALYTES.contains(code.substring(0, 5));
    }
}
