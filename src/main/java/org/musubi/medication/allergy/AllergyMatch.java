package org.musubi.medication.allergy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.musubi.text.PlainText;

/**
 * How a recorded allergy and a drug relate, by the documented table (docs/drug-master.md, "Allergy alerts"):
 * <ul>
 * <li>{@link Relation#NAMED}: the allergy names the drug itself — its ingredient (without the salt: セファゾリン of
 * セファゾリンナトリウム) or its product's name (ロキソニン of ロキソニン錠60mg), three characters or more;</li>
 * <li>{@link Relation#SAME_CLASS}: the drug is of a class the allergy names (セフェム系 and セファゾリン), or of the
 * class of a drug the allergy names (ロキソニン and another loxoprofen or any NSAID);</li>
 * <li>{@link Relation#CROSS}: the drug is of a class that may cross-react with the one the allergy names — the
 * β-lactams: ペニシリン系 with セフェム系 and カルバペネム系 each way (a few per cent of patients with a penicillin
 * allergy react to a cephem: prescribing is a doctor's judgement, told as a caution, not as the same class).</li>
 * </ul>
 */
public final class AllergyMatch {

    /** How an allergy and a drug relate, the strongest first. */
    public enum Relation { NAMED, SAME_CLASS, CROSS }

    private static final Set<DrugClass> BETA_LACTAMS = EnumSet.of(DrugClass.PENICILLIN, DrugClass.CEPHEM,
            DrugClass.CARBAPENEM);
    /** What a drug's ingredient name carries besides the ingredient: its salt, its water. */
    private static final Pattern SALT = Pattern.compile("(水和物|無水物|ナトリウム|カリウム|カルシウム|マグネシウム|メグルミン"
            + "|(塩|硫|リン|酢|乳|硝|ベシル|マレイン|酒石|クエン|メシル|トシル|フマル|コハク|臭化水素|安息香|プロピオン)酸塩"
            + "|[（(][^）)]*[)）])$");
    /** Where a product's name ends and its form and strength begin (錠, カプセル, 注 …, a digit, a 「brand」). */
    private static final Pattern FORM = Pattern.compile("(錠|カプセル|散|細粒|顆粒|シロップ|注|点滴|液|軟膏|クリーム|テープ"
            + "|パップ|坐剤|ゲル|ローション|ドライシロップ|内用|静注|[0-9０-９]|「).*$");

    private AllergyMatch() {
    }

    /**
     * How {@code allergy} (its words as recorded) and a drug relate, if at all.
     *
     * @param yjCode         the drug's YJ code (from the record or the drug master), or {@code null}
     * @param ingredientName the master's ingredient name, or {@code null} when the master does not know the drug
     * @param productName    the drug's name as recorded
     */
    public static Optional<Relation> of(String allergy, String yjCode, String ingredientName, String productName) {
        return of(Allergy.of(allergy), Drug.of(yjCode, ingredientName, productName));
    }

    /** How an allergy and a drug, each read once ({@link Allergy#of}, {@link Drug#of}), relate, if at all. */
    public static Optional<Relation> of(Allergy allergy, Drug drug) {
        if (allergy.said().isEmpty()) {
            return Optional.empty();
        }
        if (names(allergy.said(), drug.ingredient()) || names(allergy.said(), drug.product())) {
            return Optional.of(Relation.NAMED);
        }
        if (allergy.classes().stream().anyMatch(drug.classes()::contains)) {
            return Optional.of(Relation.SAME_CLASS);
        }
        boolean cross = allergy.classes().stream().anyMatch(BETA_LACTAMS::contains)
                && drug.classes().stream().anyMatch(BETA_LACTAMS::contains);
        return cross ? Optional.of(Relation.CROSS) : Optional.empty();
    }

    /**
     * An allergy's words as the match reads them: as {@link PlainText} compares, and the classes they name — a class
     * itself, or a drug's (an allergy to ロキソニン is one to its class too).
     */
    public record Allergy(String said, Set<DrugClass> classes) {

        public Allergy {
            classes = Set.copyOf(classes);
        }

        public static Allergy of(String allergy) {
            Set<DrugClass> named = EnumSet.noneOf(DrugClass.class);
            named.addAll(DrugClass.named(allergy));
            named.addAll(DrugClass.of(null, allergy));
            return new Allergy(PlainText.of(allergy), named);
        }
    }

    /**
     * A drug as the match reads it: its ingredient without the salt, its product's name without form and strength, its
     * classes (by YJ code and names).
     */
    public record Drug(String ingredient, String product, Set<DrugClass> classes) {

        public Drug {
            classes = Set.copyOf(classes);
        }

        public static Drug of(String yjCode, String ingredientName, String productName) {
            return new Drug(base(ingredientName), AllergyMatch.product(productName),
                    DrugClass.of(yjCode, (ingredientName == null ? "" : ingredientName) + " " + productName));
        }
    }

    private static boolean names(String said, String name) {
        return name.length() >= 3 && said.contains(name);
    }

    /** An ingredient's name without its salt and water, as {@link PlainText} compares. */
    static String base(String ingredientName) {
        String name = PlainText.of(ingredientName);
        String stripped;
        do {
            stripped = name;
            name = SALT.matcher(name).replaceFirst("");
        } while (!name.equals(stripped) && !name.isEmpty());
        return name.isEmpty() ? stripped : name;
    }

    /** A product's name without its form and strength (ロキソニン錠60mg → ロキソニン). */
    static String product(String productName) {
        return FORM.matcher(PlainText.of(productName)).replaceFirst("");
    }
}
