package org.musubi.ingest.jahis.mapping;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;

/**
 * The FHIR category of a JAHIS allergy note, guessed from its words since JAHIS has no code for it:
 * an adverse reaction (副作用歴) is to a medication by definition; for an allergy, drug words come first
 * (セフェム系, 造影剤 …), then food (乳製品, 卵, そば …), then environment (花粉, ダニ …); otherwise none
 * (the note keeps its text, a reader decides).
 */
final class AllergyCategory {

    private static final List<String> MEDICATION = List.of("薬", "剤", "錠", "系", "ペニシリン", "セフェム", "抗生",
            "NSAID", "アスピリン", "ワクチン", "注射", "造影", "麻酔", "ピリン", "サルファ", "インスリン");
    private static final List<String> FOOD = List.of("乳", "卵", "たまご", "タマゴ", "小麦", "そば", "ソバ", "蕎麦", "落花生",
            "ピーナッツ", "えび", "エビ", "海老", "かに", "カニ", "蟹", "大豆", "魚", "貝", "食", "果物", "キウイ", "もも", "りんご",
            "ナッツ", "ごま", "胡麻", "くるみ");
    private static final List<String> ENVIRONMENT = List.of("花粉", "ダニ", "ハウスダスト", "ほこり", "埃", "金属", "ラテックス",
            "ゴム", "動物", "猫", "犬", "ハチ", "蜂", "虫", "カビ");

    private AllergyCategory() {
    }

    static Optional<AllergyIntoleranceCategory> of(String noteType, String content) {
        if ("2".equals(noteType)) {
            return Optional.of(AllergyIntoleranceCategory.MEDICATION);
        }
        String text = Normalizer.normalize(content, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        if (mentions(text, MEDICATION)) {
            return Optional.of(AllergyIntoleranceCategory.MEDICATION);
        }
        if (mentions(text, FOOD)) {
            return Optional.of(AllergyIntoleranceCategory.FOOD);
        }
        return mentions(text, ENVIRONMENT) ? Optional.of(AllergyIntoleranceCategory.ENVIRONMENT) : Optional.empty();
    }

    private static boolean mentions(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }
}
