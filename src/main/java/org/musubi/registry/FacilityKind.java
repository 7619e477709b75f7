package org.musubi.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a participating facility is. The fee-table digits are the third digit of a 10-digit
 * medical-institution code that a facility of this kind may carry (1 医科, 2 非保険健診, 3 歯科,
 * 4 調剤, 6 訪問看護); kinds with no digits have no such code.
 *
 * <p>{@link #PERSONAL_HEALTH_RECORD} is no participant: it is the one network-wide source of residents' own entries
 * in their health notebook (made by migration V31), never registered, offered in a form or a search, nor anyone's
 * workplace.
 */
public enum FacilityKind {
    HOSPITAL(true, 1),
    CLINIC(true, 1),
    DENTAL_CLINIC(true, 3),
    PHARMACY(true, 4),
    HOME_NURSING_STATION(true, 6),
    CARE_FACILITY(false),
    LAB_CENTRE(false, 1, 2),
    CHECKUP_CENTRE(false, 1, 2),
    FIRE_DEPARTMENT(false),
    MUNICIPALITY(false),
    OTHER(false, 1, 2, 3, 4, 6),
    /** 健康手帳（本人記録）: the source of what residents record themselves in their health notebook. */
    PERSONAL_HEALTH_RECORD(false),
    /** 保健所: the public-health office, which watches the region's daily infection surveillance (issue 48). */
    PUBLIC_HEALTH_CENTER(false);

    private final boolean codeRequired;
    private final Set<Integer> feeTables;

    FacilityKind(boolean codeRequired, Integer... feeTables) {
        this.codeRequired = codeRequired;
        this.feeTables = Set.of(feeTables);
    }

    /** Whether a facility of this kind must have a medical-institution code. */
    public boolean codeRequired() {
        return codeRequired;
    }

    /** Whether a code with this fee-table digit fits this kind. */
    public boolean acceptsFeeTable(int feeTable) {
        return feeTables.contains(feeTable);
    }

    public boolean mayHaveCode() {
        return !feeTables.isEmpty();
    }

    /** Whether facilities of this kind take part in the network (registered by operators, offered in forms). */
    public boolean participating() {
        return this != PERSONAL_HEALTH_RECORD;
    }

    /** The kinds a facility form or search offers: every kind of participating facility. */
    public static List<FacilityKind> participatingKinds() {
        return Arrays.stream(values()).filter(FacilityKind::participating).toList();
    }
}
