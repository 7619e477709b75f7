package org.musubi.medication.allergy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table of true and false pairs (issue 63): a recorded allergy's words, a drug (its YJ code, the master's
 * ingredient name where the master knows it, the name as prescribed) and what the documented table says: NAMED (the
 * allergy names the drug), SAME_CLASS, CROSS (a β-lactam that may cross-react), or NONE.
 */
class AllergyMatchTest {

    @ParameterizedTest(name = "{0} × {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            セフェム系抗生物質で全身に発疹 | 6132401D1135 | セファゾリンナトリウム | セファゾリンナトリウム注射用1g | SAME_CLASS
            セフェム系抗生物質で全身に発疹 | 6132016C1027 | セフカペンピボキシル塩酸塩水和物 | フロモックス錠100mg | SAME_CLASS
            セフェム系 | - | - | セフトリアキソンNa静注用1g「日医工」 | SAME_CLASS
            セフェム系 | 6133400D1035 | フロモキセフナトリウム | フルマリン静注用1g | SAME_CLASS
            セフェム系 | 6131001C1210 | アモキシシリン水和物 | サワシリンカプセル250 | CROSS
            セフェム系 | 6139505D1020 | タゾバクタム・ピペラシリン水和物 | ゾシン静注用4.5 | CROSS
            セフェム系 | - | - | メロペネム点滴静注用0.5g | CROSS
            セフェム系 | 6149002F1020 | クラリスロマイシン | クラリス錠200 | NONE
            セフェム系 | 2171022F1020 | アムロジピンベシル酸塩 | アムロジピン錠5mg | NONE
            ペニシリン系抗菌薬 | 6131001C1210 | アモキシシリン水和物 | アモキシシリンカプセル250mg「トーワ」 | SAME_CLASS
            ペニシリン系抗菌薬 | 6139100F1048 | アモキシシリン水和物・クラブラン酸カリウム | オーグメンチン配合錠250RS | SAME_CLASS
            ペニシリン系抗菌薬 | 6139400D1060 | スルバクタムナトリウム・アンピシリンナトリウム | ユナシン-S静注用1.5g | SAME_CLASS
            ペニシリン系抗菌薬 | 6132401D1135 | セファゾリンナトリウム | セファゾリンナトリウム注射用1g | CROSS
            ペニシリン系抗菌薬 | - | - | メロペネム点滴静注用0.5g | CROSS
            ペニシリン系抗菌薬 | 6241008F1020 | レボフロキサシン水和物 | クラビット錠500mg | NONE
            ペニシリン系抗菌薬 | 3399007H1021 | アスピリン | バイアスピリン錠100mg | NONE
            ペニシリン | 6149003F1020 | アジスロマイシン水和物 | ジスロマック錠250mg | NONE
            NSAIDsで喘息発作 | 1149019F1560 | ロキソプロフェンナトリウム水和物 | ロキソニン錠60mg | SAME_CLASS
            NSAIDsで喘息発作 | - | - | ボルタレン錠25mg | SAME_CLASS
            アスピリン喘息 | 1149037F1020 | セレコキシブ | セレコックス錠100mg | SAME_CLASS
            アスピリン喘息 | 3399007H1021 | アスピリン | バイアスピリン錠100mg | NAMED
            NSAIDsで喘息発作 | 1141007F1063 | アセトアミノフェン | カロナール錠200 | NONE
            消炎鎮痛剤でじんましん | 1147002F1560 | ジクロフェナクナトリウム | ジクロフェナクNa錠25mg「サワイ」 | SAME_CLASS
            ピリン系 | 1149001X1030 | スルピリン水和物 | スルピリン注射液250mg「日医工」 | SAME_CLASS
            ピリン系 | 3399007H1021 | アスピリン | バイアスピリン錠100mg | NONE
            ピリン疹 | 1141007F1063 | アセトアミノフェン | カロナール錠200 | NONE
            ヨード造影剤で嘔吐・発疹 | 7219416A1030 | イオヘキソール | オムニパーク300注シリンジ100mL | SAME_CLASS
            ヨード造影剤で嘔吐・発疹 | 7290409A1024 | ガドテル酸メグルミン | マグネスコープ静注38% | NONE
            造影剤アレルギー | 7290409A1024 | ガドテル酸メグルミン | マグネスコープ静注38% | SAME_CLASS
            造影剤アレルギー | 7219412A2069 | イオパミドール | イオパミロン注370 | SAME_CLASS
            ガドリニウム造影剤 | 7219412A2069 | イオパミドール | イオパミロン注370 | NONE
            ヨード（うがい薬） | 7219412A2069 | イオパミドール | イオパミロン注370 | NONE
            ロキソニンで蕁麻疹 | 1149019F1560 | ロキソプロフェンナトリウム水和物 | ロキソプロフェンNa錠60mg「サワイ」 | SAME_CLASS
            ロキソニンで蕁麻疹 | 1149037F1020 | セレコキシブ | セレコックス錠100mg | SAME_CLASS
            ロキソニンで蕁麻疹 | - | - | ロキソニン錠60mg | NAMED
            アモキシシリンで発疹 | 6131001C1210 | アモキシシリン水和物 | サワシリンカプセル250 | NAMED
            セファクロル | 6132002M1100 | セファクロル | ケフラールカプセル250mg | NAMED
            卵 | 3999002F1032 | リゾチーム塩酸塩 | ノイチーム錠90mg | NONE
            そば | 2171022F1020 | アムロジピンベシル酸塩 | アムロジピン錠5mg | NONE
            アムロジピンで浮腫 | 2171022F1020 | アムロジピンベシル酸塩 | アムロジピン錠5mg | NAMED
            """)
    void anAllergyAndADrugRelateAsTheTableSays(String allergy, String yj, String ingredient, String product,
                                               String expected) {
        assertThat(AllergyMatch.of(allergy, yj, ingredient, product).map(Enum::name).orElse("NONE"))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            セファゾリンナトリウム | セファゾリン
            アモキシシリン水和物 | アモキシシリン
            ロキソプロフェンナトリウム水和物 | ロキソプロフェン
            アムロジピンベシル酸塩 | アムロジピン
            ドネペジル塩酸塩 | ドネペジル
            セフカペンピボキシル塩酸塩水和物 | セフカペンピボキシル
            """)
    void anIngredientIsNamedWithoutItsSaltAndWater(String ingredient, String base) {
        assertThat(AllergyMatch.base(ingredient)).isEqualTo(base);
    }
}
