package org.musubi.identity.matching;

import java.time.LocalDate;
import org.musubi.identity.Person;
import org.musubi.identity.RegionalId;
import org.musubi.identity.Sex;

/** Fixture patients for matching tests. */
final class Patients {

    private Patients() {
    }

    static Demographics satoHiroshi() {
        return new Demographics("佐藤", "博", "サトウ", "ヒロシ", Sex.MALE, LocalDate.of(1945, 3, 12),
                "730-0011", "広島県広島市中区若葉町1丁目2番3号", "082-211-4455");
    }

    /** Another man, born the same day in another part of the prefecture. */
    static Demographics suzukiMinoru() {
        return new Demographics("鈴木", "実", "スズキ", "ミノル", Sex.MALE, LocalDate.of(1945, 3, 12),
                "737-0051", "広島県呉市中央3丁目8番2号", "0823-22-8811");
    }

    /** Sato Hiroshi's twin brother: same surname, birthday, home and phone. */
    static Demographics satoTakeshi() {
        return new Demographics("佐藤", "武", "サトウ", "タケシ", Sex.MALE, LocalDate.of(1945, 3, 12),
                "730-0011", "広島県広島市中区若葉町1丁目2番3号", "082-211-4455");
    }

    static Person person(long number, Demographics d) {
        return new Person(RegionalId.append("%015d".formatted(number)), d.familyKanji(), d.givenKanji(),
                d.familyKana(), d.givenKana(), d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone());
    }

    static Demographics with(Demographics d, String familyKanji, String familyKana) {
        return new Demographics(familyKanji, d.givenKanji(), familyKana, d.givenKana(), d.sex(), d.birthDate(),
                d.postalCode(), d.address(), d.phone());
    }

    static Demographics with(Demographics d, Sex sex) {
        return new Demographics(d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(), sex, d.birthDate(),
                d.postalCode(), d.address(), d.phone());
    }

    static Demographics with(Demographics d, LocalDate birthDate) {
        return new Demographics(d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(), birthDate,
                d.postalCode(), d.address(), d.phone());
    }

    static Demographics withoutContact(Demographics d) {
        return new Demographics(d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(),
                d.birthDate(), null, null, null);
    }
}
