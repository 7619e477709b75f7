package org.musubi.phr.sheet;

import java.util.Arrays;
import java.util.Optional;

/**
 * The coded answers of the emergency sheet, in Musubi's own code system ({@link #SYSTEM} + {@code :} + the item),
 * each shown through its label ({@code sheet.<item>.<code>} in the message bundles).
 */
public final class SheetChoices {

    /** The code system prefix: {@code urn:musubi:phr:sheet:care-level} … */
    public static final String SYSTEM = "urn:musubi:phr:sheet";

    private SheetChoices() {
    }

    /** A coded answer. */
    public interface Choice {
        String code();

        /** The message key of its label. */
        String label();
    }

    /** 要介護度 under the long-term care insurance (介護保険), or none / applied for. */
    public enum CareLevel implements Choice {
        NONE("none"), APPLIED("applied"), SUPPORT_1("support-1"), SUPPORT_2("support-2"), CARE_1("care-1"),
        CARE_2("care-2"), CARE_3("care-3"), CARE_4("care-4"), CARE_5("care-5");

        private final String code;

        CareLevel(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return "sheet.careLevel." + code;
        }
    }

    /** ABO blood group. */
    public enum BloodAbo implements Choice {
        A("A"), B("B"), O("O"), AB("AB"), UNKNOWN("unknown");

        private final String code;

        BloodAbo(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return "sheet.bloodAbo." + code;
        }
    }

    /** Rh. */
    public enum BloodRh implements Choice {
        POSITIVE("positive"), NEGATIVE("negative"), UNKNOWN("unknown");

        private final String code;

        BloodRh(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return "sheet.bloodRh." + code;
        }
    }

    /** 延命治療について: what the person wants about life-prolonging treatment. */
    public enum AcpWish implements Choice {
        WANTS_ALL("wants-all"), COMFORT_ONLY("comfort-only"), FAMILY_DECIDES("family-decides"),
        DOCTOR_DECIDES("doctor-decides"), UNDECIDED("undecided");

        private final String code;

        AcpWish(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return "sheet.acpWish." + code;
        }
    }

    /** The constant with this code, if any. */
    static <E extends Enum<E> & Choice> Optional<E> of(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
    }
}
