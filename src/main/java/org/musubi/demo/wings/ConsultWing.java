package org.musubi.demo.wings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.consult.Consultations;
import org.musubi.registry.User;

/**
 * A case consultation: the hospital's doctor asks the kidney clinic's doctor about the tour's protagonist (diabetes with
 * a rising HbA1c: is his kidney function to be followed there), and the specialist answers.
 */
final class ConsultWing {

    /** The consultation's subject as the asker typed it. */
    static final String SUBJECT = "糖尿病性腎症の評価についてのご相談";

    private final DemoWings.ConsultActs consultations;

    ConsultWing(DemoWings.ConsultActs consultations) {
        this.consultations = consultations;
    }

    /** The thread asked and answered; empty when the asker could not ask. */
    Optional<UUID> tell(WingContext c, User asker, User specialist, long personId) {
        Optional<UUID> thread = c.actAs().user(asker.id(), () -> consultations.ask().ask(c.reader(asker), personId,
                new Consultations.Question(specialist.actingFacilityId().orElseThrow(), specialist.id(), "腎臓内科",
                        SUBJECT, "2型糖尿病で加療中の方です。HbA1c が 7.4% まで上昇しています。腎機能の評価と、"
                                + "貴院での定期的なフォローが必要かご意見をいただけますでしょうか。", List.of(), List.of()))
                .map(t -> t.id()));
        thread.ifPresent(id -> c.actAs().user(specialist.id(), () -> consultations.post().post(c.reader(specialist), id,
                new Consultations.Post("ご相談ありがとうございます。尿中アルブミン/クレアチニン比と eGFR を3か月ごとに"
                        + "測定し、30 mg/gCr 以上が続く場合は当院へご紹介ください。血圧は 130/80 未満を目標にお願いします。",
                        List.of(), List.of()))));
        return thread;
    }
}
