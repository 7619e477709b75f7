package org.musubi.synth.population;

import java.util.List;
import java.util.SplittableRandom;
import org.musubi.synth.Weights;

/**
 * Draws places within one prefecture: a municipality weighted by population, then a postal
 * code, a street address (invented town, 丁目-番-号) and landline or mobile numbers.
 */
public final class Locality {

    private static final List<String> TOWNS = List.of(("若葉町 青葉台 桜町 緑ヶ丘 旭町 本町 栄町 幸町 東雲 "
            + "港町 松原町 宮下 山手町 新町 中町 寺町 日の出町 八幡 城南 泉町 千代田町 春日 高須台 白鳥町 "
            + "朝日が丘 松風町 梅ヶ丘 柳町 紅葉台 潮見町").split(" "));
    private static final List<String> MOBILE_PREFIXES = List.of("090", "080", "070");

    private final int prefecture;
    private final String prefectureName;
    private final List<Municipality> municipalities;
    private final Weights weights;

    public Locality(int prefecture) {
        this.prefecture = prefecture;
        this.prefectureName = Municipalities.prefectureName(prefecture);
        this.municipalities = Municipalities.of(prefecture);
        this.weights = Weights.of(municipalities, Municipality::weight);
    }

    public int prefecture() {
        return prefecture;
    }

    public Municipality municipality(SplittableRandom random) {
        return municipalities.get(weights.draw(random));
    }

    public String postalCode(SplittableRandom random, Municipality municipality) {
        return "%s-%04d".formatted(municipality.postalPrefix(), random.nextInt(10_000));
    }

    public String address(SplittableRandom random, Municipality municipality) {
        String town = TOWNS.get(random.nextInt(TOWNS.size()));
        return "%s%s%s%d丁目%d番%d号".formatted(prefectureName, municipality.name(), town,
                1 + random.nextInt(5), 1 + random.nextInt(30), 1 + random.nextInt(20));
    }

    /** A 10-digit landline number: area code, exchange (first digit 2–9), four-digit line. */
    public String landline(SplittableRandom random, Municipality municipality) {
        String area = municipality.areaCode();
        int exchangeDigits = 6 - area.length();
        int low = (int) Math.pow(10, exchangeDigits - 1) * 2;
        int high = (int) Math.pow(10, exchangeDigits);
        return "%s-%d-%04d".formatted(area, random.nextInt(low, high), random.nextInt(10_000));
    }

    String mobile(SplittableRandom random) {
        return "%s-%04d-%04d".formatted(MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size())),
                random.nextInt(1_000, 10_000), random.nextInt(10_000));
    }
}
