package org.musubi.synth.facilities;

import java.util.List;
import java.util.SplittableRandom;
import org.musubi.registry.FacilityKind;
import org.musubi.synth.population.Municipality;
import org.musubi.synth.population.NameBook;
import org.musubi.synth.population.Reading;

/**
 * Invented facility names with their katakana readings, shaped like real ones of each kind:
 * 広島市立中央病院, 佐藤内科医院, さくら薬局, 若葉訪問看護ステーション, 呉市消防局港出張所.
 */
final class FacilityNames {

    private static final List<Reading> WORDS = Reading.list("""
            若葉 ワカバ 青葉 アオバ 桜台 サクラダイ 緑ヶ丘 ミドリガオカ 朝日 アサヒ 港 ミナト 山手 ヤマテ
            川辺 カワベ 松風 マツカゼ 白鷺 シラサギ 駅前 エキマエ 本町 ホンマチ 紅葉 モミジ 瀬戸 セト
            千鳥 チドリ 鶴見 ツルミ 日の出 ヒノデ 潮見 シオミ 城南 ジョウナン 東雲 シノノメ
            """);
    private static final List<Reading> GENTLE_WORDS = Reading.list("""
            さくら サクラ ひまわり ヒマワリ すずらん スズラン たんぽぽ タンポポ ふたば フタバ あおい アオイ
            こもれび コモレビ ひだまり ヒダマリ のぞみ ノゾミ つばさ ツバサ
            """);
    private static final List<Reading> HOSPITAL_WORDS = Reading.list("""
            中央 チュウオウ 総合 ソウゴウ 市民 シミン 第一 ダイイチ 東 ヒガシ 西 ニシ 南 ミナミ 北 キタ
            """);
    /**
     * Clinics of the internal-medicine family, as the clinics of the synthetic records treat diabetes, hypertension,
     * lipids, kidneys and reflux (an eye or ENT clinic prescribing a statin would look wrong to a doctor).
     */
    private static final List<Reading> CLINIC_SPECIALTIES = Reading.list("""
            内科医院 ナイカイイン 内科クリニック ナイカクリニック 消化器内科 ショウカキナイカ 内科小児科医院 ナイカショウニカイイン
            糖尿病内科 トウニョウビョウナイカ 腎臓内科 ジンゾウナイカ 内科胃腸科 ナイカイチョウカ 呼吸器内科 コキュウキナイカ
            循環器内科 ジュンカンキナイカ 総合内科 ソウゴウナイカ 診療所 シンリョウジョ
            """);
    private static final List<Reading> DENTAL_SUFFIXES = Reading.list("""
            歯科医院 シカイイン 歯科クリニック シカクリニック デンタルクリニック デンタルクリニック
            """);
    private static final Reading HOSPITAL = new Reading("病院", "ビョウイン");

    private FacilityNames() {
    }

    static Reading name(FacilityKind kind, Municipality municipality, SplittableRandom random) {
        Reading word = Reading.pick(WORDS, random);
        Reading gentle = Reading.pick(GENTLE_WORDS, random);
        Reading surname = NameBook.surname(random);
        boolean either = random.nextBoolean();
        return switch (kind) {
            case HOSPITAL -> hospital(municipality, word, surname, random);
            case CLINIC -> (either ? surname : word).then(Reading.pick(CLINIC_SPECIALTIES, random));
            case DENTAL_CLINIC -> (either ? surname : word).then(Reading.pick(DENTAL_SUFFIXES, random));
            case PHARMACY -> (either ? gentle : word).then("薬局", "ヤッキョク");
            case HOME_NURSING_STATION -> (either ? gentle : word)
                    .then("訪問看護ステーション", "ホウモンカンゴステーション");
            case CARE_FACILITY -> (either ? gentle : word)
                    .then("居宅介護支援事業所", "キョタクカイゴシエンジギョウショ");
            case LAB_CENTRE -> municipality.stem().then(word).then("臨床検査センター", "リンショウケンサセンター");
            case CHECKUP_CENTRE -> municipality.stem().then(word).then("健診センター", "ケンシンセンター");
            case FIRE_DEPARTMENT -> municipality.city().then("消防局", "ショウボウキョク").then(word)
                    .then("出張所", "シュッチョウジョ");
            case MUNICIPALITY -> municipality.city().then(word).then("保健センター", "ホケンセンター");
            case OTHER -> word.then("医療福祉センター", "イリョウフクシセンター");
            case PUBLIC_HEALTH_CENTER -> municipality.city().then("保健所", "ホケンジョ");
            case PERSONAL_HEALTH_RECORD -> throw new IllegalArgumentException("the health notebook's source is no participant");
        };
    }

    /** A branch of a facility with this name, for when the plain name is taken. */
    static Reading branch(
            Reading name, FacilityKind kind, Municipality municipality, SplittableRandom random) {
        Reading place = municipality.stem().then(Reading.pick(WORDS, random));
        return switch (kind) {
            case PHARMACY -> name.then(place).then("店", "テン");
            case HOME_NURSING_STATION -> name.then(place).then("サテライト", "サテライト");
            case HOSPITAL, CLINIC, DENTAL_CLINIC -> name.then(place).then("分院", "ブンイン");
            default -> name.then(place).then("分室", "ブンシツ");
        };
    }

    private static Reading hospital(
            Municipality municipality, Reading word, Reading surname, SplittableRandom random) {
        Reading hospitalWord = Reading.pick(HOSPITAL_WORDS, random);
        return switch (random.nextInt(4)) {
            case 0 -> municipality.city().then("立", "リツ").then(hospitalWord).then(HOSPITAL);
            case 1 -> municipality.stem().then(hospitalWord).then(HOSPITAL);
            case 2 -> surname.then("記念", "キネン").then(HOSPITAL);
            default -> municipality.stem().then(word).then(HOSPITAL);
        };
    }
}
