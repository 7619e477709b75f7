package org.musubi.carenet.municipal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.identity.Person;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.springframework.stereotype.Component;

/** New facilities of their own for the municipal tests: a municipality, a home-care support office. */
@Component
public class Places {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final Facilities facilities;
    private final Consents consents;
    private final IdentityStore identities;
    private final LinkSourcePatient links;

    Places(Facilities facilities, Consents consents, IdentityStore identities, LinkSourcePatient links) {
        this.facilities = facilities;
        this.consents = consents;
        this.identities = identities;
        this.links = links;
    }

    /**
     * The person linked at {@code facility} with the card and a chart number (利用者番号), as the counter's linking
     * does: the facility has standing and its own patient for the person. {@code by} is the user who linked.
     */
    public void linkWithChart(long personId, Facility facility, long by) {
        consents.link(personId, facility.id(), by);
        Person p = identities.person(personId).orElseThrow().person();
        links.receiveAndLink(by, new SourcePatient(0, facility.id(), "U-" + UUID.randomUUID(), p.familyKanji(),
                p.givenKanji(), p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), null, null, null), personId,
                LinkMethod.CARD, "chart number recorded at linking");
    }

    /** A new municipality (市役所 介護保険課). */
    public Facility municipality() {
        int n = next();
        return facilities.insert(new FacilityDraft("試験市" + n + " 介護保険課", "シケンシ", FacilityKind.MUNICIPALITY, "",
                34, null, null, false, true, FacilityStatus.ACTIVE));
    }

    /** A new home-care support office (居宅介護支援事業所). */
    public Facility careOffice() {
        int n = next();
        return facilities.insert(new FacilityDraft("試験ケアプランセンター" + n, "シケンケアプランセンター",
                FacilityKind.CARE_FACILITY, "", 34, null, null, false, true, FacilityStatus.ACTIVE));
    }

    private static int next() {
        return SEQUENCE.incrementAndGet() + (int) (System.nanoTime() % 100_000);
    }

    /** A complete 主治医意見書 as its page sends it (linkId → values). */
    public static Map<String, List<String>> opinion() {
        return Map.ofEntries(Map.entry("consent", List.of("consent-yes")), Map.entry("lastVisit", List.of("2026-11-20")),
                Map.entry("times", List.of("times-first")), Map.entry("diagnosis1", List.of("脳梗塞後遺症")),
                Map.entry("stability", List.of("stable")), Map.entry("course", List.of("2025年発症、右片麻痺。抗血小板薬を継続。")),
                Map.entry("treatments", List.of("oxygen")), Map.entry("bedridden", List.of("A2")),
                Map.entry("dementia", List.of("IIa")), Map.entry("memory", List.of("memory-problem")),
                Map.entry("decisions", List.of("dec-some")), Map.entry("communication", List.of("com-yes")),
                Map.entry("bpsd", List.of("bpsd-no")), Map.entry("height", List.of("158.5")),
                Map.entry("walking", List.of("walk-help")), Map.entry("eating", List.of("eat-self")),
                Map.entry("nutrition", List.of("nut-good")), Map.entry("risks", List.of("fall", "mobility")),
                Map.entry("outlook", List.of("outlook-yes")), Map.entry("medicalServices", List.of("homeNursing")),
                Map.entry("infectious", List.of("inf-no")), Map.entry("remarks", List.of("独居。")));
    }

    /** A complete discharge sheet as its page sends it. */
    public static Map<String, List<String>> sheet() {
        return Map.ofEntries(Map.entry("admitted", List.of("2026-10-01")), Map.entry("discharged", List.of("2026-11-30")),
                Map.entry("diagnoses", List.of("大腿骨頸部骨折（術後）")), Map.entry("adlMove", List.of("adlMove-watch")),
                Map.entry("adlEat", List.of("adlEat-ind")), Map.entry("adlToilet", List.of("adlToilet-part")),
                Map.entry("adlBath", List.of("adlBath-full")), Map.entry("adlDress", List.of("adlDress-part")),
                Map.entry("careNeeds", List.of("歩行器で移動、転倒に注意")), Map.entry("services", List.of("svc-rehab")),
                Map.entry("contact", List.of("地域連携室 03-0000-0000")));
    }
}
