package org.musubi.medication;

import java.util.Set;
import org.musubi.record.fhir.FhirSystems;

/**
 * The FHIR code systems whose codes the drug master can look up. YJ: the JP Core URL and its OIDs
 * (…20.2.73, and …20.1.73 as Musubi's synthetic data writes it); the MHLW price-list code (厚労省コード,
 * JAHIS code type 3): …20.2.72 and …20.1.72. Both are looked up in the same column, since the price
 * code and the YJ code of a product coincide for nearly all products.
 */
public final class DrugCodeSystems {

    private static final Set<String> YJ_SYSTEMS = Set.of(FhirSystems.YJ, FhirSystems.YJ_OID, FhirSystems.YJ_OID_ALIAS);
    private static final Set<String> PRICE_SYSTEMS = Set.of(FhirSystems.PRICE_CODE, FhirSystems.PRICE_CODE_ALIAS);

    private DrugCodeSystems() {
    }

    public static boolean isYj(String system) {
        return system != null && YJ_SYSTEMS.contains(system.strip());
    }

    public static boolean isPriceCode(String system) {
        return system != null && PRICE_SYSTEMS.contains(system.strip());
    }

    /** A system whose codes are keys of the drug master. */
    public static boolean lookable(String system) {
        return isYj(system) || isPriceCode(system);
    }
}
