package org.musubi.identity.matching.compare;

/**
 * Two names lined up part for part before they are compared, when one of them came in one piece — a family name and no
 * given name, as an import keeps a kana name sent without a separator it could not split (テストハンヨウ). Applied to
 * the kana names and to the kanji names separately, on values already normalised. Where the other side has both parts,
 * the whole is split where the other name says ({@code ヤマダハナコ} against ヤマダ ハナコ):
 * <ol>
 * <li>the whole is the other's family and given name together: the other's parts (both then agree);</li>
 * <li>else it begins with the other's family name: that, and the rest as the given name (a misspelt given name is
 *     then compared as one; another given name disagrees, as it does for twins);</li>
 * <li>else it ends with the other's given name: the rest as the family name, and that (a married name);</li>
 * <li>else the whole is compared with the other's whole name (family and given together), and neither side has a
 *     given name in this script: the given name is then judged by the other script, or not at all.</li>
 * </ol>
 * Two whole names that are equal agree as family and as given name alike: the whole name agrees, which is what two
 * agreeing parts say. Names that both have two parts, or whose whole names differ, are left as they are.
 */
public final class WholeNames {

    private WholeNames() {
    }

    /** The names of side a ({@code familyA}, {@code givenA}) and side b lined up; "" for a missing part. */
    public record Aligned(String familyA, String givenA, String familyB, String givenB) {
    }

    /** Lines up a's and b's names (normalised; "" or null for a missing part) as the rules above say. */
    public static Aligned align(String familyA, String givenA, String familyB, String givenB) {
        String fa = familyA == null ? "" : familyA;
        String ga = givenA == null ? "" : givenA;
        String fb = familyB == null ? "" : familyB;
        String gb = givenB == null ? "" : givenB;
        boolean wholeA = !fa.isEmpty() && ga.isEmpty();
        boolean wholeB = !fb.isEmpty() && gb.isEmpty();
        if (wholeA && wholeB) {
            return fa.equals(fb) ? new Aligned(fa, fa, fb, fb) : new Aligned(fa, ga, fb, gb);
        }
        if (wholeA && !gb.isEmpty() && !fb.isEmpty()) {
            String[] a = split(fa, fb, gb);
            return a == null ? new Aligned(fa, "", fb + gb, "") : new Aligned(a[0], a[1], fb, gb);
        }
        if (wholeB && !ga.isEmpty() && !fa.isEmpty()) {
            String[] b = split(fb, fa, ga);
            return b == null ? new Aligned(fa + ga, "", fb, "") : new Aligned(fa, ga, b[0], b[1]);
        }
        return new Aligned(fa, ga, fb, gb);
    }

    /** The whole's family and given name by the other's (rules 1–3); null when neither fits. */
    private static String[] split(String whole, String family, String given) {
        if (whole.length() > family.length() && whole.startsWith(family)) {
            return new String[] {family, whole.substring(family.length())};
        }
        if (whole.length() > given.length() && whole.endsWith(given)) {
            return new String[] {whole.substring(0, whole.length() - given.length()), given};
        }
        return null;
    }
}
