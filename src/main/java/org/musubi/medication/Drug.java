package org.musubi.medication;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One product of the drug master, as the MHLW drug price list carries it.
 *
 * @param yjCode            薬価基準収載医薬品コード, 12 characters (also the YJ code of nearly every product)
 * @param kind              区分
 * @param ingredientName    成分名, may be blank for some combination products
 * @param standard          規格 (e.g. 5mg1錠)
 * @param productName       品名
 * @param maker             メーカー名
 * @param price             薬価 in yen per unit of {@code standard}
 * @param generic           a generic (後発医薬品) as the list marks it
 * @param brand             the 先発医薬品 column as printed (先発品, 準先発品 ...), null when blank
 * @param brandWithGeneric  同一剤形・規格の後発医薬品がある先発医薬品
 * @param transitionalUntil 経過措置による使用期限 as printed, null when none
 * @param remarks           備考
 * @param listed            false once a newer list of the same kind no longer carries it
 */
public record Drug(String yjCode, DrugKind kind, String ingredientName, String standard, String productName,
                   String maker, BigDecimal price, boolean generic, String brand, boolean brandWithGeneric,
                   String transitionalUntil, String remarks, boolean listed) {

    public Drug {
        Objects.requireNonNull(yjCode, "yjCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(price, "price");
    }

    /** Characters 1–7: the ingredient (with its route); equal for all strengths and forms of it. */
    public String ingredientCode() {
        return yjCode.substring(0, 7);
    }

    /** Characters 1–4: the therapeutic class (薬効分類). */
    public String classCode() {
        return yjCode.substring(0, 4);
    }

    /** The ingredient's name for people: 成分名, or the product's name when the list gives none. */
    public String ingredientLabel() {
        return ingredientName == null || ingredientName.isBlank() ? productName : ingredientName;
    }
}
