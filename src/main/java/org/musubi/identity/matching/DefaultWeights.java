package org.musubi.identity.matching;

import static org.musubi.identity.matching.compare.Agreement.CLOSE;
import static org.musubi.identity.matching.compare.Agreement.CONTAINS;
import static org.musubi.identity.matching.compare.Agreement.DAY_MONTH_SWAPPED;
import static org.musubi.identity.matching.compare.Agreement.EXACT;
import static org.musubi.identity.matching.compare.Agreement.FAMILY_MEMBER;
import static org.musubi.identity.matching.compare.Agreement.FIRST_3_DIGITS;
import static org.musubi.identity.matching.compare.Agreement.LAST_8_DIGITS;
import static org.musubi.identity.matching.compare.Agreement.ONE_DIGIT;
import static org.musubi.identity.matching.compare.Agreement.SAME_CARD;
import static org.musubi.identity.matching.compare.Agreement.SAME_READING;
import static org.musubi.identity.matching.compare.Agreement.SAME_YEAR_MONTH;
import static org.musubi.identity.matching.compare.Agreement.TOKEN_OVERLAP;

import java.util.Map;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;

/**
 * Default m/u probabilities, reasoned from Japanese demographics and registration practice rather
 * than estimated (weights in bits in brackets; disagreement derived, see {@link MatchWeights}).
 * <ul>
 * <li>Family name: exact m 0.87, u 0.01 (+6.4) — the commonest surnames (佐藤, 鈴木) hold 1–2 % of
 *     the population; m leaves room for marriage (about 7 % of records disagree, −3.8). Same
 *     reading, other kanji (伊藤/伊東) m 0.02 u 0.002 (+3.3); close m 0.04 u 0.004 (+3.3).
 * <li>Given name: exact m 0.93, u 0.005 (+7.5) — given names are more varied than surnames and
 *     rarely change (disagree −5.6); same reading m 0.02 u 0.002; close m 0.03 u 0.004 (+2.9).
 * <li>Birth date: exact m 0.96, u 1/30 000 (+14.8) — about 95 years of birth dates, weighted to
 *     the elderly; day–month swapped m 0.005 u 1/75 000 (+8.6, only dates with day ≤ 12 can swap);
 *     one digit m 0.02 u 1/1 600 (+5.0, each date has about 20 one-digit neighbours); same year
 *     and month m 0.005 u 1/1 200 (+2.6); disagree −6.6.
 * <li>Sex: agree m 0.985 u 0.5 (+1.0); disagree −5.1 (entry errors are rare).
 * <li>Phone: exact m 0.6 u 1/10 000 (+12.6) — u is far above chance to allow for households,
 *     care homes and shared landlines; m is low because numbers change; last 8 digits m 0.05
 *     u 1/10 000 (+9.0); disagree only −1.5.
 * <li>Postal code: exact m 0.8 u 1/1 000 (+9.6) — a region has a few thousand codes and people
 *     cluster; first three digits m 0.08 u 0.05 (+0.7); disagree −3.0 (people move).
 * <li>Address: exact m 0.65 u 1/2 000 (+10.3) — households share it; contains m 0.1 u 1/2 000
 *     (+7.6); token overlap m 0.1 u 0.01 (+3.3, same town); disagree −2.7.
 * <li>Insured number (only when both sides have one): the same card and 枝番 m 0.55 u 1/1 000 000 (+19.1) — a number
 *     names one person; m allows for cards changed with a new job, retirement or 後期高齢者. The same card, one side
 *     without 枝番, m 0.15 u 0.01 (+3.9, weak: the family shares the card; u is high because the card's blocking
 *     key gathers the family into one block). The same card, another 枝番, m 0.001 u 0.05 (−5.6: a family member;
 *     besides, it never links automatically, {@link AutoLinkSafety}). Another card: disagree −1.7 (people change
 *     insurance).
 * </ul>
 * An exact duplicate with every field scores about +62; names, birth date and sex alone +30.
 */
final class DefaultWeights {

    static final Map<MatchField, Map<Agreement, Probabilities>> TABLE = Map.of(
            MatchField.FAMILY_NAME, Map.of(
                    EXACT, new Probabilities(0.87, 0.01),
                    SAME_READING, new Probabilities(0.02, 0.002),
                    CLOSE, new Probabilities(0.04, 0.004)),
            MatchField.GIVEN_NAME, Map.of(
                    EXACT, new Probabilities(0.93, 0.005),
                    SAME_READING, new Probabilities(0.02, 0.002),
                    CLOSE, new Probabilities(0.03, 0.004)),
            MatchField.BIRTH_DATE, Map.of(
                    EXACT, new Probabilities(0.96, 1.0 / 30_000),
                    DAY_MONTH_SWAPPED, new Probabilities(0.005, 1.0 / 75_000),
                    ONE_DIGIT, new Probabilities(0.02, 1.0 / 1_600),
                    SAME_YEAR_MONTH, new Probabilities(0.005, 1.0 / 1_200)),
            MatchField.SEX, Map.of(
                    EXACT, new Probabilities(0.985, 0.5)),
            MatchField.PHONE, Map.of(
                    EXACT, new Probabilities(0.6, 1.0 / 10_000),
                    LAST_8_DIGITS, new Probabilities(0.05, 1.0 / 10_000)),
            MatchField.POSTAL_CODE, Map.of(
                    EXACT, new Probabilities(0.8, 1.0 / 1_000),
                    FIRST_3_DIGITS, new Probabilities(0.08, 0.05)),
            MatchField.ADDRESS, Map.of(
                    EXACT, new Probabilities(0.65, 1.0 / 2_000),
                    CONTAINS, new Probabilities(0.1, 1.0 / 2_000),
                    TOKEN_OVERLAP, new Probabilities(0.1, 0.01)),
            MatchField.INSURED_NUMBER, Map.of(
                    EXACT, new Probabilities(0.55, 1.0 / 1_000_000),
                    SAME_CARD, new Probabilities(0.15, 0.01),
                    FAMILY_MEMBER, new Probabilities(0.001, 0.05)));

    private DefaultWeights() {
    }
}
