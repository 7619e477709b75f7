package org.musubi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.places.Prefectures;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;

/**
 * Gives the freshly seeded demo facilities their profiles (issue 45), the same for the same seed and day: the
 * municipality their address names, beds for hospitals (and for some clinics), the cards they accept (every facility
 * the regional card, hospitals also their disclosure card, some the My Number card), joined days spread over the last
 * twelve months (the first ones earlier, the last ones this month), one that left last month and one not listed.
 */
final class DemoProfiles {

    private static final Actor SEEDER = Actor.system("demo-seed");
    /** The municipality an address names after its prefecture: a county's town, a city (and its ward), a village. */
    private static final Pattern MUNICIPALITY = Pattern.compile(
            "^((?:.+?郡)?(?:廿日市市|四日市市|.+?[市町村]))([^市町村区丁番0-9０-９]{1,4}区)?");
    private static final long SALT = 0x5052_4f46_494cL;

    private final Facilities facilities;
    private final FacilityProfiles profiles;
    private final Audit audit;

    DemoProfiles(Facilities facilities, FacilityProfiles profiles, Audit audit) {
        this.facilities = facilities;
        this.profiles = profiles;
        this.audit = audit;
    }

    /** Sets every participating facility's profile, in registry order; returns how many. */
    int seed(long seed, LocalDate today) {
        List<Facility> all = new ArrayList<>(facilities.all());
        all.sort(Comparator.comparingLong(Facility::id));
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        int n = all.size();
        int leaving = leaver(all);
        int unlisted = unlisted(all, leaving);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Facility f = all.get(i);
            LocalDate joined = joinedOn(i, n, today, random);
            Optional<LocalDate> left = Optional.empty();
            if (i == leaving) {
                LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
                LocalDate leftOn = lastMonth.plusDays(random.nextInt(lastMonth.lengthOfMonth()));
                left = Optional.of(leftOn.isBefore(joined) ? joined : leftOn);
            }
            profiles.save(new FacilityProfile(f.id(), municipality(f), beds(f.kind(), random), cards(f.kind(), i, random),
                    i != unlisted, joined, left));
            ids.add(f.id());
        }
        audit.record(AuditEntry.of(AuditAction.FACILITY_UPDATE, Outcome.PERMIT).on("Facility", ids.toArray())
                .reason("demo profiles, demo network seed " + seed).by(SEEDER));
        return n;
    }

    /** 広島県広島市西区寺町5丁目 → 広島市西区; 〒 and the prefecture's name skipped; empty when nothing fits. */
    static Optional<String> municipality(Facility f) {
        String address = f.address() == null ? "" : f.address().strip();
        int space = address.indexOf(' ');
        if (space > 0 && address.substring(0, space).matches("\\d{3}-?\\d{4}")) {
            address = address.substring(space + 1).strip();
        }
        String prefecture = Prefectures.name(f.prefecture());
        if (address.startsWith(prefecture)) {
            address = address.substring(prefecture.length());
        }
        Matcher m = MUNICIPALITY.matcher(address);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
    }

    private static Optional<Integer> beds(FacilityKind kind, SplittableRandom random) {
        return switch (kind) {
            case HOSPITAL -> Optional.of(10 * random.nextInt(12, 60));
            case CLINIC -> Optional.of(random.nextInt(3) == 0 ? 19 : 0);
            default -> Optional.of(0);
        };
    }

    private static Set<AcceptedCard> cards(FacilityKind kind, int index, SplittableRandom random) {
        Set<AcceptedCard> cards = EnumSet.of(AcceptedCard.REGIONAL);
        if (kind == FacilityKind.HOSPITAL) {
            cards.add(AcceptedCard.DISCLOSURE);
        }
        boolean myNumber = random.nextInt(3) == 0;
        if (index == 0 || myNumber) {
            cards.add(AcceptedCard.MY_NUMBER);
        }
        return cards;
    }

    /**
     * The first sixth joined before the last twelve months, the last sixth this month, the others one a month or so
     * over the eleven months between: every facility has taken part since some day up to today.
     */
    private static LocalDate joinedOn(int index, int n, LocalDate today, SplittableRandom random) {
        int edge = Math.max(1, n / 6);
        LocalDate month;
        if (index < edge) {
            month = today.withDayOfMonth(1).minusMonths(13 + 3L * (edge - 1 - index));
        } else if (index >= n - edge) {
            month = today.withDayOfMonth(1);
        } else {
            int middle = n - 2 * edge;
            long monthsAgo = 11 - (long) (index - edge) * 11 / Math.max(1, middle);
            month = today.withDayOfMonth(1).minusMonths(Math.max(1, monthsAgo));
        }
        LocalDate day = month.plusDays(random.nextInt(month.lengthOfMonth()));
        return day.isAfter(today) ? today : day;
    }

    /** Who left last month: the first care facility, else the last non-hospital joined before last month. */
    private static int leaver(List<Facility> all) {
        int n = all.size();
        int edge = Math.max(1, n / 6);
        int fallback = -1;
        for (int i = edge; i < n - edge; i++) {
            FacilityKind kind = all.get(i).kind();
            if (kind == FacilityKind.CARE_FACILITY && i < n - edge - 1) {
                return i;
            }
            if (kind != FacilityKind.HOSPITAL && i < n - edge - 1) {
                fallback = i;
            }
        }
        return fallback;
    }

    /** Who is not on the public site: the first fire department, else the last facility that is no hospital. */
    private static int unlisted(List<Facility> all, int leaving) {
        int fallback = -1;
        for (int i = 0; i < all.size(); i++) {
            FacilityKind kind = all.get(i).kind();
            if (kind == FacilityKind.FIRE_DEPARTMENT) {
                return i;
            }
            if (kind != FacilityKind.HOSPITAL && i != leaving) {
                fallback = i;
            }
        }
        return fallback;
    }
}
