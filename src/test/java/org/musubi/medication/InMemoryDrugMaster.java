package org.musubi.medication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.musubi.medication.master.DrugMaster;
import org.musubi.medication.master.DrugMasterLoad;

/** A drug master in memory, for tests of code that looks drugs up; counts the lookups it answers. */
final class InMemoryDrugMaster implements DrugMaster {

    final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, Drug> byCode = new HashMap<>();
    private final Map<String, List<Drug>> byName = new HashMap<>();

    InMemoryDrugMaster(List<Drug> drugs) {
        for (Drug drug : drugs) {
            byCode.put(drug.yjCode(), drug);
            byName.computeIfAbsent(DrugNames.normalize(drug.productName()), k -> new ArrayList<>()).add(drug);
        }
    }

    /** The team's sample price list. */
    static InMemoryDrugMaster sample() {
        return new InMemoryDrugMaster(PriceListReaderTest.readSample().drugs());
    }

    @Override
    public Optional<Drug> findByYjCode(String yjCode) {
        lookups.incrementAndGet();
        return Optional.ofNullable(byCode.get(DrugNames.code(yjCode)));
    }

    @Override
    public List<Drug> findByName(String name) {
        lookups.incrementAndGet();
        return byName.getOrDefault(DrugNames.normalize(name), List.of());
    }

    @Override
    public Map<String, Drug> findByCodes(Collection<String> codes) {
        lookups.incrementAndGet();
        Map<String, Drug> found = new HashMap<>();
        codes.forEach(c -> Optional.ofNullable(byCode.get(DrugNames.code(c))).ifPresent(d -> found.put(c, d)));
        return found;
    }

    @Override
    public Map<String, List<Drug>> findByNames(Collection<String> names) {
        lookups.incrementAndGet();
        Map<String, List<Drug>> found = new HashMap<>();
        names.forEach(n -> Optional.ofNullable(byName.get(DrugNames.normalize(n)))
                .ifPresent(d -> found.put(DrugNames.normalize(n), d)));
        return found;
    }

    @Override
    public long count() {
        return byCode.size();
    }

    @Override
    public List<DrugMasterLoad> loads(int limit) {
        return List.of();
    }
}
