package org.musubi.demo.wings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.musubi.consent.LinkPatientToFacility;
import org.musubi.consent.LinkPatientToFacility.LinkRequest;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.policy.PersonAccess;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ActAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every wing's story needs: the demo's users by login id, the facility each acts for, the persons, the cards the
 * operator issued (to link a person at a facility as its staff would, with the card and its check code) and today.
 */
final class WingContext {

    private static final Logger log = LoggerFactory.getLogger(WingContext.class);

    private final Users users;
    private final Facilities facilities;
    private final IdentityStore identities;
    private final LinkPatientToFacility links;
    private final ActAs actAs;
    private final PersonAccess access;
    private final Map<Long, IssuedCard> cards;
    private final LocalDate today;

    WingContext(DemoWings.Parts parts, Map<Long, IssuedCard> cards, LocalDate today) {
        this.users = parts.users();
        this.facilities = parts.facilities();
        this.identities = parts.identities();
        this.links = parts.links();
        this.actAs = parts.actAs();
        this.access = parts.access();
        this.cards = cards;
        this.today = today;
    }

    LocalDate today() {
        return today;
    }

    IdentityStore identities() {
        return identities;
    }

    ActAs actAs() {
        return actAs;
    }

    /** The active demo user of {@code loginId}. */
    Optional<User> user(String loginId) {
        return users.findByLoginId(loginId).filter(User::active);
    }

    /** The facility {@code user} acts for. */
    Optional<Facility> facilityOf(User user) {
        return user.actingFacilityId().flatMap(facilities::find);
    }

    /** The reader {@code user} is when acting for their facility (treatment). */
    Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null));
    }

    Optional<RegisteredPerson> person(long personId) {
        return identities.person(personId);
    }

    /**
     * Links {@code personId} at {@code user}'s facility as that user, with the person's card (and the facility's chart
     * number when given): false when the person has no card or the link was refused (logged).
     */
    boolean link(User user, long personId, String chartNumber) {
        IssuedCard card = cards.get(personId);
        Optional<RegisteredPerson> person = identities.person(personId);
        if (card == null || person.isEmpty() || user.actingFacilityId().isEmpty()) {
            return false;
        }
        Person p = person.get().person();
        try {
            actAs.user(user.id(), () -> links.link(user.id(), user.actingFacilityId().get(), new LinkRequest(
                    card.card().number(), card.checkCode(), p.familyKana() + p.givenKana(), p.birthDate(), chartNumber)));
            return true;
        } catch (RuntimeException e) {
            log.warn("Demo wings: {} could not link a person: {}", user.loginId(), e.toString());
            return false;
        }
    }

    /** Links the person at {@code user}'s facility unless it has standing for them already (see {@link #link}). */
    boolean linkIfNot(User user, long personId) {
        return user.actingFacilityId().map(f -> access.standing(f, personId)).orElse(false) || link(user, personId, null);
    }

    /** A one-page PDF of {@code lines} (synthetic documents of the demo: Latin text in a standard font). */
    static byte[] pdf(String... lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                for (String line : lines) {
                    text.showText(line);
                    text.newLineAtOffset(0, -20);
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The person's name as the pages show it: family and given name in kanji. */
    static String name(RegisteredPerson person) {
        return person.person().familyKanji() + " " + person.person().givenKanji();
    }
}
