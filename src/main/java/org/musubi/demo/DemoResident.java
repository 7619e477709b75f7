package org.musubi.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.IssueRegistrationCode;
import org.musubi.phr.ProveResident;
import org.musubi.phr.RegisterResident;
import org.musubi.phr.otc.EnteredBy;
import org.musubi.phr.otc.SelfMedications;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.sheet.SheetForm;
import org.musubi.phr.vitals.RecordVitals;
import org.musubi.phr.vitals.Vital;
import org.musubi.phr.vitals.VitalsEntry;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ActAs;
import org.musubi.security.DemoAccounts;
import org.musubi.security.Totp;

/**
 * The demo's resident with a health notebook (PHR) account, made through the same use cases a resident and the
 * operator go through: the operator issues a registration code; the resident proves her card, birth date and the
 * code, chooses the login id {@value #LOGIN_ID} and the demo password and proves the demo authenticator; the account
 * is marked a demo account (so that the code page shows its next code, and it is disabled when demo mode is off);
 * then, as herself, she fills her 命の宝箱 (emergency sheet), enters a week of vital signs and two medicines she buys
 * herself. Her network medicines are the pharmacy's dispensings the demo imported.
 */
final class DemoResident {

    /** The demo resident's login id. */
    public static final String LOGIN_ID = "resident1";
    private final Parts parts;

    /** The use cases the resident's seeding goes through. */
    public record Parts(Users users, IssueRegistrationCode codes, ProveResident prove, RegisterResident register,
                        EmergencySheets sheets, SelfMedications medicines, RecordVitals vitals, ActAs actAs,
                        Clock clock, ZoneId zone) {
    }

    /** The resident seeded: her account and the regional card she holds (its check code as printed on it). */
    public record Seeded(User account, String name, String cardNumber, String printedCheckCode) {

        @Override
        public String toString() {
            return "Seeded[" + account.loginId() + "]";
        }
    }

    public DemoResident(Parts parts) {
        this.parts = parts;
    }

    /**
     * Registers {@code person}, the holder of {@code card}, for the notebook with the demo password, as the operator
     * {@code operator} issued her code; fills her notebook. Empty when a step was refused.
     */
    public Optional<Seeded> seed(User operator, RegisteredPerson person, IssuedCard card, String password) {
        Optional<String> code = parts.actAs().user(operator.id(), () -> parts.codes().issue(operator.id(), person.id()))
                .map(issued -> issued.code().code());
        Optional<ProveResident.Proven> proven = code.flatMap(c -> parts.prove().prove(card.card().number(),
                card.checkCode(), person.person().birthDate(), c));
        if (proven.isEmpty()) {
            return Optional.empty();
        }
        String secret = DemoAccounts.DEMO_TOTP_SECRET;
        RegisterResident.Registration registration = parts.register().register(proven.get(), new RegisterResident.Choice(
                LOGIN_ID, password, password, secret, Totp.code(secret, Totp.step(parts.clock().instant()))));
        if (!(registration instanceof RegisterResident.Created created)) {
            return Optional.empty();
        }
        User account = created.account();
        parts.users().markDemo(account.id());
        Person p = person.person();
        parts.actAs().user(account.id(), () -> fill(account.id(), person.id(), p.familyKanji()));
        return Optional.of(new Seeded(account, p.familyKanji() + " " + p.givenKanji(), card.card().number(),
                card.printedCheckCode()));
    }

    private boolean fill(long userId, long personId, String family) {
        parts.sheets().save(EmergencySheets.Author.resident(userId), personId,
                current -> SheetForm.read(sheet(family), current));
        LocalDate today = LocalDate.now(parts.clock().withZone(parts.zone()));
        parts.medicines().add(userId, EnteredBy.resident(), personId, Map.of("kind", "otc-drug",
                "name", "アセトアミノフェン錠（市販薬）", "dose", "頭痛のとき1錠", "since", today.minusMonths(6).toString()));
        parts.medicines().add(userId, EnteredBy.resident(), personId, Map.of("kind", "supplement",
                "name", "カルシウム・ビタミンD（サプリメント）", "dose", "1日2粒", "since", today.minusYears(1).toString()));
        parts.vitals().save(userId, personId, week(today));
        return true;
    }

    /** Her sheet as she would type it into the form. */
    private static Map<String, String> sheet(String family) {
        return Map.ofEntries(
                Map.entry("condition[0].name", "高血圧"), Map.entry("condition[0].since", "2015年ごろ"),
                Map.entry("condition[1].name", "骨粗しょう症"), Map.entry("condition[1].since", "2021年ごろ"),
                Map.entry("allergy[0].substance", "ペニシリン系抗菌薬"), Map.entry("allergy[0].reaction", "じんましん"),
                Map.entry("allergy[1].substance", "卵"), Map.entry("allergy[1].reaction", "かゆみ"),
                Map.entry("medicine[0].name", "アセトアミノフェン錠（市販薬）"),
                Map.entry("medicine[0].dose", "頭痛のとき1錠"),
                Map.entry("contact[0].name", family + " 一郎"), Map.entry("contact[0].relation", "長男"),
                Map.entry("contact[0].phone", "090-0000-0000"),
                Map.entry("doctor.name", "デモ医師"), Map.entry("doctor.clinic", "かかりつけ診療所"),
                Map.entry("careLevel", "support-1"), Map.entry("bloodAbo", "A"), Map.entry("bloodRh", "positive"),
                Map.entry("acpWish", "comfort-only"), Map.entry("acpConfidant", "長男"),
                Map.entry("paperLocation", "冷蔵庫の扉"));
    }

    /** A week of morning readings, up to yesterday. */
    private static List<VitalsEntry> week(LocalDate today) {
        List<VitalsEntry> entries = new ArrayList<>();
        int[] systolic = {142, 138, 145, 136, 140, 134, 138};
        int[] diastolic = {86, 84, 88, 82, 85, 80, 83};
        for (int day = 0; day < systolic.length; day++) {
            Map<Vital, BigDecimal> values = new EnumMap<>(Vital.class);
            values.put(Vital.SYSTOLIC, BigDecimal.valueOf(systolic[day]));
            values.put(Vital.DIASTOLIC, BigDecimal.valueOf(diastolic[day]));
            values.put(Vital.PULSE, BigDecimal.valueOf(68 + day % 3));
            values.put(Vital.WEIGHT, new BigDecimal("52.4").add(BigDecimal.valueOf(day % 2, 1)));
            entries.add(new VitalsEntry(today.minusDays(7 - day).atTime(LocalTime.of(7, 30)), values));
        }
        return entries;
    }
}
