package org.musubi.medication.pricelist;

import java.util.List;
import java.util.Set;
import org.musubi.medication.Drug;
import org.musubi.medication.DrugKind;

/**
 * What a drug price list file held: the products read, the rows refused, and the kinds (区分) the file
 * carries, so that a file of 内用薬 only does not mark 注射薬 as no longer listed.
 */
public record PriceList(String fileName, List<Drug> drugs, List<PriceListProblem> problems, Set<DrugKind> kinds) {
}
