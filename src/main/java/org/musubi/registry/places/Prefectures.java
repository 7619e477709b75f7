package org.musubi.registry.places;

import java.util.List;
import java.util.Optional;

/** The 47 prefectures (都道府県), numbered 1 (北海道) to 47 (沖縄県) as JIS X 0401 numbers them. */
public final class Prefectures {

    private static final List<String> NAMES = List.of(("北海道 青森県 岩手県 宮城県 秋田県 山形県 "
            + "福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 "
            + "岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 "
            + "山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県").split(" "));

    private Prefectures() {
    }

    /** The prefecture's name as an address writes it (広島県). */
    public static String name(int prefecture) {
        if (prefecture < 1 || prefecture > 47) {
            throw new IllegalArgumentException("prefecture must be 1–47: " + prefecture);
        }
        return NAMES.get(prefecture - 1);
    }

    /** The prefecture an address starts with, if it names one. */
    public static Optional<Integer> startOf(String address) {
        for (int i = 0; i < NAMES.size(); i++) {
            if (address.startsWith(NAMES.get(i))) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** The address with its prefecture's name in front, unless it starts with a prefecture's name already. */
    public static String withPrefecture(int prefecture, String address) {
        String rest = address == null ? "" : address.strip();
        return startOf(rest).isPresent() ? rest : name(prefecture) + rest;
    }
}
