package org.musubi.phr.checkups;

import java.math.BigDecimal;

/**
 * One result of a checkup as the resident sees it.
 *
 * @param key        what the result is across checkups (the analyte of a 特定健診項目コード, else system|code): one trend
 * @param name       its name as the sender wrote it
 * @param item       the key item it is, when it is one (shown under the item's label); null otherwise
 * @param group      where it is shown
 * @param value      the value as text (a number with its comparator, a coded answer, a finding); null when absent
 * @param number     the value as a number, for trends; null when it is none
 * @param unit       its unit as sent; null when none
 * @param range      the reference range as text ({@code 80–129}, {@code ≤ 149} …); null when none was sent
 * @param flag       high or low; null when within the range or unknown
 */
public record CheckupValue(String key, String name, PaperItem item, CheckupGroup group, String value, BigDecimal number,
                           String unit, String range, ResultFlag flag) {
}
