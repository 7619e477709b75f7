package org.musubi.secretariat.stats;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.identity.matching.normalize.AddressNormalizer;
import org.musubi.registry.places.Prefectures;

/**
 * Counts registered residents per municipality of the population list from their addresses, read as disaster mode
 * reads them ({@code disaster.Municipality.covers}): normalized (full-width, spaces), the network's prefecture's name,
 * when the address starts with it, dropped (an address naming another prefecture lies in none of the list), then the
 * address starts with the municipality's name. When several listed names
 * cover an address (広島市 and 広島市中区), the longest wins, so a person counts once; an address no listed name covers is
 * counted under no municipality.
 */
public final class ResidentCount {

    private final List<String[]> names;
    private final Integer prefecture;
    private final Map<String, long[]> counts = new HashMap<>();

    /** For the municipalities of the population list in the network's prefecture (null: any prefecture). */
    public ResidentCount(List<String> municipalities, Integer prefecture) {
        this.prefecture = prefecture;
        this.names = municipalities.stream().map(m -> new String[] {m, AddressNormalizer.normalize(m)})
                .sorted(Comparator.comparingInt((String[] n) -> n[1].length()).reversed()).toList();
        municipalities.forEach(m -> counts.put(m, new long[2]));
    }

    /** The municipality of the list an address lies in, if any. */
    public Optional<String> municipalityOf(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String normalized = AddressNormalizer.normalize(address);
        Optional<Integer> named = Prefectures.startOf(normalized);
        if (named.isPresent()) {
            if (prefecture != null && !named.get().equals(prefecture)) {
                return Optional.empty();
            }
            normalized = normalized.substring(Prefectures.name(named.get()).length());
        }
        for (String[] name : names) {
            if (!name[1].isEmpty() && normalized.startsWith(name[1])) {
                return Optional.of(name[0]);
            }
        }
        return Optional.empty();
    }

    /** Counts one resident: their address, and whether they registered within the year. */
    public void add(String address, boolean inYear) {
        municipalityOf(address).ifPresent(m -> {
            long[] c = counts.get(m);
            c[0]++;
            if (inYear) {
                c[1]++;
            }
        });
    }

    /** Municipality → {residents, registered in the year}. */
    public Map<String, long[]> counts() {
        return counts;
    }
}
