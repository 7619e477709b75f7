package org.musubi.synth.population;

import org.musubi.identity.Sex;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Common Japanese surnames (most frequent first, a few in variant characters such as 髙橋, 山﨑,
 * 渡邊 that identity matching must cope with) and given names by sex and birth era, each with
 * its katakana reading.
 */
public final class NameBook {

    static final List<Reading> SURNAMES = Reading.list("""
            佐藤 サトウ 鈴木 スズキ 高橋 タカハシ 田中 タナカ 伊藤 イトウ 渡辺 ワタナベ 山本 ヤマモト 中村 ナカムラ
            小林 コバヤシ 加藤 カトウ 吉田 ヨシダ 山田 ヤマダ 佐々木 ササキ 山口 ヤマグチ 松本 マツモト 井上 イノウエ
            木村 キムラ 林 ハヤシ 斎藤 サイトウ 清水 シミズ 山崎 ヤマザキ 森 モリ 池田 イケダ 橋本 ハシモト
            阿部 アベ 石川 イシカワ 山下 ヤマシタ 中島 ナカジマ 石井 イシイ 小川 オガワ 前田 マエダ 岡田 オカダ
            長谷川 ハセガワ 藤田 フジタ 後藤 ゴトウ 近藤 コンドウ 村上 ムラカミ 遠藤 エンドウ 青木 アオキ 坂本 サカモト
            斉藤 サイトウ 福田 フクダ 太田 オオタ 西村 ニシムラ 藤井 フジイ 金子 カネコ 岡本 オカモト 藤原 フジワラ
            中野 ナカノ 三浦 ミウラ 原田 ハラダ 中川 ナカガワ 松田 マツダ 竹内 タケウチ 小野 オノ 田村 タムラ
            中山 ナカヤマ 和田 ワダ 石田 イシダ 森田 モリタ 上田 ウエダ 原 ハラ 内田 ウチダ 柴田 シバタ
            酒井 サカイ 宮崎 ミヤザキ 横山 ヨコヤマ 高木 タカギ 安藤 アンドウ 宮本 ミヤモト 大野 オオノ 小島 コジマ
            谷口 タニグチ 今井 イマイ 工藤 クドウ 高田 タカダ 増田 マスダ 丸山 マルヤマ 杉山 スギヤマ 村田 ムラタ
            大塚 オオツカ 新井 アライ 藤本 フジモト 河野 コウノ 沖本 オキモト 桑田 クワタ 新谷 シンタニ 浜田 ハマダ
            広田 ヒロタ 中沢 ナカザワ 髙橋 タカハシ 山﨑 ヤマザキ 渡邊 ワタナベ 齋藤 サイトウ 濱田 ハマダ 廣田 ヒロタ
            中澤 ナカザワ 渡邉 ワタナベ
            """);

    private static final List<Reading> MALE_BEFORE_1960 = Reading.list("""
            清 キヨシ 茂 シゲル 勇 イサム 博 ヒロシ 実 ミノル 進 ススム 正 タダシ 武 タケシ 稔 ミノル 昭 アキラ
            明 アキラ 弘 ヒロシ 修 オサム 豊 ユタカ 三郎 サブロウ 正夫 マサオ 和夫 カズオ 義雄 ヨシオ 幸雄 ユキオ 隆 タカシ
            """);
    private static final List<Reading> MALE_BEFORE_1990 = Reading.list("""
            誠 マコト 浩 ヒロシ 健一 ケンイチ 哲也 テツヤ 直樹 ナオキ 剛 ツヨシ 大輔 ダイスケ 和也 カズヤ 達也 タツヤ 拓也 タクヤ
            健太 ケンタ 秀樹 ヒデキ 浩二 コウジ 聡 サトシ 学 マナブ 治 オサム 英樹 ヒデキ 雅之 マサユキ 智之 トモユキ 洋平 ヨウヘイ
            """);
    private static final List<Reading> MALE_SINCE_1990 = Reading.list("""
            翔太 ショウタ 蓮 レン 大翔 ヒロト 悠真 ユウマ 陽翔 ハルト 湊 ミナト 颯太 ソウタ 大和 ヤマト 翼 ツバサ 拓海 タクミ
            陸 リク 悠人 ユウト 樹 イツキ 健人 ケント 優斗 ユウト 駿 シュン 亮 リョウ 海斗 カイト 陽太 ヨウタ 蒼 アオイ
            """);
    private static final List<Reading> FEMALE_BEFORE_1960 = Reading.list("""
            幸子 サチコ 和子 カズコ 節子 セツコ 洋子 ヨウコ 美智子 ミチコ 京子 キョウコ 久美子 クミコ 恵子 ケイコ 文子 フミコ 千代子 チヨコ
            静子 シズコ 久子 ヒサコ 花子 ハナコ 絹子 キヌコ 多恵子 タエコ 清子 キヨコ 八重子 ヤエコ 初江 ハツエ ミヨ ミヨ ハル ハル
            """);
    private static final List<Reading> FEMALE_BEFORE_1990 = Reading.list("""
            由美子 ユミコ 裕子 ユウコ 真由美 マユミ 恵美 エミ 直美 ナオミ 智子 トモコ 陽子 ヨウコ 明美 アケミ 香織 カオリ 綾 アヤ
            純子 ジュンコ 美穂 ミホ 麻衣 マイ 千秋 チアキ 典子 ノリコ 里美 サトミ 理恵 リエ 亜紀 アキ 愛 アイ 紀子 ノリコ
            """);
    private static final List<Reading> FEMALE_SINCE_1990 = Reading.list("""
            陽菜 ヒナ 結衣 ユイ 美咲 ミサキ さくら サクラ 葵 アオイ 凛 リン 結菜 ユイナ 芽依 メイ 莉子 リコ 美羽 ミウ
            彩花 アヤカ 七海 ナナミ 花音 カノン 優奈 ユウナ 心春 コハル 琴音 コトネ 杏 アン 紗希 サキ 萌 モエ 愛莉 アイリ
            """);

    private NameBook() {
    }

    /** A surname, common ones more often: the index is skewed towards the head of the list. */
    public static Reading surname(SplittableRandom random) {
        double u = random.nextDouble();
        return SURNAMES.get((int) (SURNAMES.size() * u * u));
    }

    /** A given name typical for the sex and the decade of birth. */
    public static Reading givenName(SplittableRandom random, Sex sex, int birthYear) {
        return Reading.pick(givenNames(sex, birthYear), random);
    }

    static List<List<Reading>> allGivenNames() {
        return List.of(MALE_BEFORE_1960, MALE_BEFORE_1990, MALE_SINCE_1990,
                FEMALE_BEFORE_1960, FEMALE_BEFORE_1990, FEMALE_SINCE_1990);
    }

    private static List<Reading> givenNames(Sex sex, int birthYear) {
        boolean male = sex == Sex.MALE;
        if (birthYear < 1960) {
            return male ? MALE_BEFORE_1960 : FEMALE_BEFORE_1960;
        }
        if (birthYear < 1990) {
            return male ? MALE_BEFORE_1990 : FEMALE_BEFORE_1990;
        }
        return male ? MALE_SINCE_1990 : FEMALE_SINCE_1990;
    }
}
