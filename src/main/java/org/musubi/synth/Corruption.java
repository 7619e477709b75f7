package org.musubi.synth;

/**
 * The errors a facility's registration makes in a patient's demographics, one per source record,
 * with the share of records {@link SourceRecordGenerator} makes with each (in percent, summing to
 * 100). {@link SourceRecordCorruptions} applies them.
 */
public enum Corruption {
    /** A clean copy. */
    NONE(25),
    /** Kana written half-width (ｻﾄｳ), in hiragana (さとう) or with a space inside (サ　トウ). */
    KANA_WIDTH(10),
    /** A long vowel written with ー: サトー, オータ, ケーコ. */
    LONG_VOWEL(5),
    /** A kanji in its other form: 高/髙, 崎/﨑, 辺/邊/邉, 斎/齋, 浜/濱, 広/廣, 沢/澤, 島/嶋, 吉/𠮷. */
    KANJI_VARIANT(5),
    /** One kana of the family or the given name mistyped. */
    KANA_TYPO(8),
    /** Day and month swapped (only dates whose day could be a month). */
    DAY_MONTH_SWAP(5),
    /** One digit of the birth date mistyped (never the century). */
    BIRTH_DATE_DIGIT(7),
    /** No phone number given. */
    MISSING_PHONE(10),
    /** One digit of the phone number mistyped. */
    PHONE_TYPO(5),
    /** Moved: a new address and postal code; a landline number changes, a mobile one is kept. */
    MOVED(10),
    /** A woman registered under her married surname (kanji and kana). */
    MARRIED(5),
    /** The same address written another way: no prefecture, full-width digits, 1－2－3. */
    ADDRESS_STYLE(5);

    final int percent;

    Corruption(int percent) {
        this.percent = percent;
    }
}
