package org.musubi.medication.allergy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.musubi.text.PlainText;

/**
 * The drug classes an allergy is recorded against, and which drugs belong to each: the small documented table for what
 * the drug master does not say by itself (docs/drug-master.md, "Allergy alerts"). A drug belongs to a class by its
 * 薬効分類 (the YJ code's first four characters, {@link #yjClasses}) when the master or the record gives a YJ code,
 * or by its ingredient's name ({@link #ingredients}: a part of the name, compared as {@link PlainText} compares) —
 * the penicillins mixed with an inhibitor (アモキシシリン・クラブラン酸, 6139) and the NSAIDs spread over several 薬効分類
 * are found so. An allergy names a class by any of its {@link #named} words.
 */
public enum DrugClass {

    /** セフェム系 (and オキサセフェム系): 薬効分類 6132, 6133; セフ…, …キセフ. */
    CEPHEM(List.of("セフェム", "セファロスポリン", "オキサセフェム", "cephem", "cephalosporin"), List.of("6132", "6133"),
            List.of("セフ", "セファ", "キセフ")),
    /** ペニシリン系: 薬効分類 6131; …シリン (INN -cillin). */
    PENICILLIN(List.of("ペニシリン", "penicillin"), List.of("6131"), List.of("シリン", "ペニシリン")),
    /** カルバペネム系 and ペネム系: …ペネム. */
    CARBAPENEM(List.of("カルバペネム", "ペネム系", "carbapenem"), List.of(), List.of("ペネム")),
    /** NSAIDs (非ステロイド性抗炎症薬), アスピリン included; acetaminophen is not one. */
    NSAID(List.of("nsaid", "非ステロイド", "消炎鎮痛", "解熱鎮痛消炎", "アスピリン喘息", "鎮痛剤喘息", "鎮痛薬喘息"), List.of(),
            List.of("ロキソプロフェン", "イブプロフェン", "ジクロフェナク", "セレコキシブ", "メロキシカム", "ナプロキセン",
                    "インドメタシン", "アセチルサリチル酸", "アスピリン", "メフェナム酸", "エトドラク", "ケトプロフェン",
                    "フルルビプロフェン", "ザルトプロフェン", "スリンダク", "ロルノキシカム", "ピロキシカム", "アンピロキシカム",
                    "ナブメトン", "オキサプロジン", "プラノプロフェン", "アルミノプロフェン", "チアプロフェン", "モフェゾラク",
                    "ジフルニサル", "ロキソニン", "ボルタレン", "セレコックス", "モービック")),
    /** ピリン系 (pyrazolones): スルピリン, アンチピリン, アミノピリン — never aspirin, whose name only sounds alike. */
    PYRAZOLONE(List.of("ピリン系", "ピリン疹", "ピラゾロン", "スルピリン", "アンチピリン", "アミノピリン"), List.of(),
            List.of("スルピリン", "アンチピリン", "アミノピリン")),
    /** ヨード造影剤 (iodinated contrast media). An allergy to 造影剤 unnamed counts against both kinds of contrast. */
    IODINATED_CONTRAST(List.of("ヨード", "造影剤", "iodinated contrast", "contrast"), List.of(),
            List.of("イオヘキソール", "イオパミドール", "イオメプロール", "イオプロミド", "イオベルソール", "イオキシラン",
                    "イオジキサノール", "イオトロラン", "イオキサグル酸", "アミドトリゾ酸")),
    /** ガドリニウム造影剤 (MRI contrast media). */
    GADOLINIUM_CONTRAST(List.of("ガドリニウム", "mri造影", "造影剤", "gadolinium"), List.of(), List.of("ガド"));

    private final List<String> named;
    private final List<String> yjClasses;
    private final List<String> ingredients;

    DrugClass(List<String> named, List<String> yjClasses, List<String> ingredients) {
        this.named = named.stream().map(PlainText::of).toList();
        this.yjClasses = yjClasses;
        this.ingredients = ingredients.stream().map(PlainText::of).toList();
    }

    /** The message key of its name ({@code drugClass.<NAME>}). */
    public String key() {
        return "drugClass." + name();
    }

    /**
     * The classes an allergy's words name: each class whose words it contains (ヨード造影剤 only when ヨード is said,
     * or 造影剤 without ガドリニウム or MRI; ガドリニウム likewise).
     */
    public static Set<DrugClass> named(String allergy) {
        String plain = PlainText.of(allergy);
        Set<DrugClass> found = EnumSet.noneOf(DrugClass.class);
        for (DrugClass c : values()) {
            if (c.named.stream().anyMatch(plain::contains)) {
                found.add(c);
            }
        }
        if (found.contains(IODINATED_CONTRAST) && found.contains(GADOLINIUM_CONTRAST)) {
            boolean iodine = plain.contains("ヨード") || plain.contains("iodinated");
            boolean gadolinium = plain.contains("ガドリニウム") || plain.contains("mri") || plain.contains("gadolinium");
            if (iodine && !gadolinium) {
                found.remove(GADOLINIUM_CONTRAST);
            } else if (gadolinium && !iodine) {
                found.remove(IODINATED_CONTRAST);
            }
        }
        if (found.contains(IODINATED_CONTRAST) && !plain.contains("造影") && !plain.contains("contrast")) {
            found.remove(IODINATED_CONTRAST); // ヨード alone (iodine, a disinfectant) is not a contrast medium
        }
        return found;
    }

    /** The classes a drug belongs to, by its YJ code ({@code null} when unknown) and its ingredient's or product's name. */
    public static Set<DrugClass> of(String yjCode, String ingredientName) {
        String yj = yjCode == null ? "" : yjCode.strip().toUpperCase(Locale.ROOT);
        String plain = PlainText.of(ingredientName);
        Set<DrugClass> found = EnumSet.noneOf(DrugClass.class);
        for (DrugClass c : values()) {
            if (c.yjClasses.stream().anyMatch(yj::startsWith) || c.ingredients.stream().anyMatch(plain::contains)) {
                found.add(c);
            }
        }
        return found;
    }
}
