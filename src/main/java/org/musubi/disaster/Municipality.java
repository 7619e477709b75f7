package org.musubi.disaster;

import java.util.Objects;
import java.util.Optional;
import org.musubi.identity.matching.normalize.AddressNormalizer;
import org.musubi.registry.places.Prefectures;

/**
 * A municipality disaster mode covers: its prefecture (1–47) and its name as an address writes it after the prefecture
 * (呉市, 広島市 for every ward of the city, 広島市中区 for one ward, 安芸郡府中町).
 */
public record Municipality(int prefecture, String name) {

    public Municipality {
        Prefectures.name(prefecture);
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("a municipality's name is 1 to 100 characters");
        }
    }

    /**
     * Whether the address lies in this municipality: written the usual ways (full-width or not, spaces) it starts with
     * the municipality's name, after this prefecture's name when it names one. An address naming another prefecture is
     * not covered; one naming none is, when it starts with the name (府中市 of 東京都 and of 広島県 alike: in a disaster
     * the wider reading is the safer one).
     */
    public boolean covers(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String normalized = AddressNormalizer.normalize(address);
        Optional<Integer> named = Prefectures.startOf(normalized);
        if (named.isPresent()) {
            if (named.get() != prefecture) {
                return false;
            }
            normalized = normalized.substring(Prefectures.name(prefecture).length());
        }
        return normalized.startsWith(AddressNormalizer.normalize(name));
    }

    /** 広島県呉市: the prefecture's name and the municipality's. */
    public String label() {
        return Prefectures.name(prefecture) + name;
    }
}
