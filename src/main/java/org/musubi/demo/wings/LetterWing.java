package org.musubi.demo.wings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.LetterRequest;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The letters' story: the hospital's doctor refers two of its patients to the clinic. The first referral (about the
 * tour's protagonist, after his discharge) the clinic's doctor accepted and answered with a reply; the second waits,
 * unread, in the clinic's inbox.
 */
final class LetterWing {

    private static final Logger log = LoggerFactory.getLogger(LetterWing.class);

    /** A synthetic insurance member id (an invented insurer number), for the national referral form. */
    static final String SYNTHETIC_INSURANCE = "06349999:デモ:123:01";
    private final DemoWings.LetterActs letters;

    LetterWing(DemoWings.LetterActs letters) {
        this.letters = letters;
    }

    /** What was sent: the answered referral, its reply, the waiting referral (each empty when not sent). */
    record Told(Optional<UUID> answered, Optional<UUID> reply, Optional<UUID> waiting) {
    }

    Told tell(WingContext c, User hospitalDoctor, User clinicDoctor, long answeredPerson, long waitingPerson) {
        Optional<Facility> clinic = c.facilityOf(clinicDoctor);
        if (clinic.isEmpty()) {
            return new Told(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<UUID> answered = send(c, hospitalDoctor, answeredPerson, new LetterRequest(LetterKind.REFERRAL,
                clinic.get().id(), "内科", clinicDoctor.nameKanji(), content(
                        "2型糖尿病・高血圧症の継続加療のお願い（教育入院後の逆紹介）",
                        "教育入院を終え退院されました。HbA1c は上昇傾向です。血糖・血圧の管理をお願いいたします。",
                        "セフェム系抗生物質にアレルギーがあります。"), null, null, null));
        Optional<UUID> reply = answered.flatMap(id -> {
            c.actAs().user(clinicDoctor.id(), () -> letters.answer().accept(c.reader(clinicDoctor), id));
            return send(c, clinicDoctor, answeredPerson, new LetterRequest(LetterKind.REPLY,
                    hospitalDoctor.actingFacilityId().orElseThrow(), null, hospitalDoctor.nameKanji(), content(null, null,
                            "ご紹介ありがとうございました。当院にて月1回の通院で血糖・血圧の管理を継続いたします。"
                                    + "HbA1c は3か月ごとに測定し、結果をお知らせいたします。"), null, id, null));
        });
        Optional<UUID> waiting = send(c, hospitalDoctor, waitingPerson, new LetterRequest(LetterKind.REFERRAL,
                clinic.get().id(), "内科", null, content("外来での経過観察のお願い",
                        "当院外来で加療中の方です。ご自宅に近い貴院での経過観察をお願いいたします。",
                        "お手数ですが、ご高診のほどよろしくお願い申し上げます。"), null, null, c.today().plusDays(14)));
        return new Told(answered, reply, waiting);
    }

    private static Content content(String purpose, String course, String remarks) {
        return new Content(purpose, List.of(), null, null, List.of(), List.of(), null, List.of(), course, List.of(),
                remarks, null, List.of());
    }

    private Optional<UUID> send(WingContext c, User author, long personId, LetterRequest typed) {
        LetterRequest request = typed;
        if (typed.kind().national()) {
            // the national form needs the patient's insurance (保険者番号:記号:番号:枝番); the demo's records carry
            // none, so the letter names a synthetic one as its writer would type it from the patient's card
            String member = SYNTHETIC_INSURANCE;
            request = new LetterRequest(typed.kind(), typed.addresseeFacilityId(), typed.department(), typed.doctor(),
                    typed.content(), member, typed.repliesTo(), typed.due());
        }
        LetterRequest sending = request;
        LetterExchange.Sent sent = c.actAs().user(author.id(), () -> letters.send().send(c.reader(author), personId, sending,
                null));
        if (sent instanceof LetterExchange.Sent.Done done) {
            return Optional.of(done.letter().id());
        }
        log.warn("Demo letters: {}'s {} was not sent: {}", author.loginId(), sending.kind(), sent);
        return Optional.empty();
    }
}
