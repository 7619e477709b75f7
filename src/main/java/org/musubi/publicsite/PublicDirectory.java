package org.musubi.publicsite;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityQuery;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;

/**
 * The facilities the public may see: active participants (never the health notebook's own source) whose profile is
 * listed and that take part today (in Japan). The name, kind and role are matched by the registry's own directory
 * search (its kana rules); the profile's criteria here, over at most a prefecture's thousand or so facilities.
 */
public final class PublicDirectory {

    private static final int BATCH = PageRequest.MAX_SIZE;
    private static final Comparator<String> JAPANESE = Collator.getInstance(Locale.JAPANESE)::compare;

    private final Facilities facilities;
    private final FacilityProfiles profiles;
    private final Clock clock;
    private final ZoneId zone;

    public PublicDirectory(Facilities facilities, FacilityProfiles profiles, Clock clock, ZoneId zone) {
        this.facilities = facilities;
        this.profiles = profiles;
        this.clock = clock;
        this.zone = zone;
    }

    /** One page of the facilities matching the query, by kana name. */
    public Page<PublicListing> search(PublicQuery query, PageRequest page) {
        List<PublicListing> all = shown(new FacilityQuery(query.name().orElse(null), query.kind().orElse(null), null,
                null, query.role().map(PublicQuery.Role::registry).orElse(null)), query.municipality());
        int from = (int) Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to), page, all.size());
    }

    /**
     * The disclosing facilities (開示病院一覧) grouped by municipality, in the municipalities' order (those without one
     * last, under ""), hospitals first in each, then by kana; only {@code municipality}'s when one is given.
     */
    public List<MunicipalityGroup> disclosing(Optional<String> municipality) {
        List<PublicListing> shown = shown(new FacilityQuery(null, null, null, null, FacilityQuery.Role.DISCLOSING),
                municipality);
        Map<String, List<PublicListing>> grouped = shown.stream().collect(Collectors.groupingBy(
                l -> l.municipality().orElse(""), LinkedHashMap::new, Collectors.toList()));
        return grouped.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(String::isEmpty).thenComparing(JAPANESE)))
                .map(e -> new MunicipalityGroup(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing((PublicListing l) -> l.kind() != FacilityKind.HOSPITAL)).toList()))
                .toList();
    }

    /**
     * The municipalities of the shown facilities, for a chooser: each once, in order, a ward-city (広島市) before its
     * wards (広島市中区), so a resident may choose the whole city.
     */
    public List<String> municipalities() {
        TreeSet<String> names = new TreeSet<>(JAPANESE);
        for (PublicListing l : shown(new FacilityQuery(null, null, null, null, null), Optional.empty())) {
            l.municipality().ifPresent(m -> {
                names.add(m);
                wardCity(m).ifPresent(names::add);
            });
        }
        return List.copyOf(names);
    }

    /** 広島市中区 → 広島市; empty for a municipality that is no ward of a city. */
    static Optional<String> wardCity(String municipality) {
        int city = municipality.indexOf('市');
        if (city > 0 && city < municipality.length() - 2 && municipality.endsWith("区")) {
            return Optional.of(municipality.substring(0, city + 1));
        }
        return Optional.empty();
    }

    /** Whether the facility's municipality is the one asked for, or a ward of the city asked for. */
    static boolean within(Optional<String> facility, String asked) {
        return facility.map(m -> m.equals(asked) || wardCity(m).filter(asked::equals).isPresent()).orElse(false);
    }

    private List<PublicListing> shown(FacilityQuery query, Optional<String> municipality) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<Long, FacilityProfile> byId = profiles.all().stream()
                .collect(Collectors.toMap(FacilityProfile::facilityId, Function.identity(), (a, b) -> a));
        List<PublicListing> shown = new ArrayList<>();
        Page<Facility> page;
        int number = 1;
        do {
            page = facilities.directory(query, new PageRequest(number++, BATCH));
            for (Facility f : page.items()) {
                FacilityProfile p = byId.get(f.id());
                if (p != null && p.listed() && p.partOn(today) && f.active() && f.kind().participating()
                        && municipality.map(m -> within(p.municipality(), m)).orElse(true)) {
                    shown.add(listing(f, p));
                }
            }
        } while (page.hasNext());
        return shown;
    }

    private static PublicListing listing(Facility f, FacilityProfile p) {
        List<AcceptedCard> cards = p.acceptedCards().stream().sorted().toList();
        return new PublicListing(f.nameKanji(), f.nameKana(), f.kind(), p.municipality(), f.address(),
                f.phone() == null ? "" : f.phone(), f.disclosing(), f.viewing(), cards);
    }
}
