package org.musubi.medication.master;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.medication.Drug;
import org.musubi.medication.DrugCodeSystems;
import org.musubi.medication.DrugNames;

/** The drug master: lookups by code and by name. Codes are compared after {@link DrugNames#code}. */
public interface DrugMaster {

    /** The product with this YJ code (the 12-character price-list code). */
    Optional<Drug> findByYjCode(String yjCode);

    /** The product with this MHLW price-list code (厚労省コード, JAHIS code type 3): the same key as YJ. */
    default Optional<Drug> findByPriceCode(String priceCode) {
        return findByYjCode(priceCode);
    }

    /** Products whose 品名 equals {@code name} after {@link DrugNames#normalize}; listed ones first. */
    List<Drug> findByName(String name);

    /** Many codes at once: code as given → product, for the codes found. */
    Map<String, Drug> findByCodes(Collection<String> codes);

    /** Many names at once: {@link DrugNames#normalize normalized} name → its products, for the names found. */
    Map<String, List<Drug>> findByNames(Collection<String> names);

    /**
     * A coded drug: by code when {@code system} is a YJ or price-code system, otherwise (HOT, receipt codes,
     * no code) by name when the name names products of one ingredient only.
     */
    default Optional<Drug> find(String system, String code, String name) {
        if (DrugCodeSystems.lookable(system) && code != null) {
            Optional<Drug> byCode = findByYjCode(code);
            if (byCode.isPresent()) {
                return byCode;
            }
        }
        return DrugResolution.single(findByName(name));
    }

    /** Products in the master, listed or not. */
    long count();

    /** The latest loads, newest first. */
    List<DrugMasterLoad> loads(int limit);
}
