package org.musubi.carenet.municipal;

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
}
