package org.musubi.synth.sources.sites;

import java.util.List;
import java.util.SplittableRandom;
import org.musubi.registry.FacilityKind;
import org.musubi.synth.SynthFacility;

/**
 * A facility that writes source files: its index in the network, the facility, how it numbers its
 * patients, the staff named in its records (doctors, or pharmacists at a pharmacy) and the name of
 * its hospital information system, as sent in MSH-3.
 */
public record Site(int index, SynthFacility facility, LocalIds patientIds, List<Staff> staff, String application) {

    public Site {
        staff = List.copyOf(staff);
        if (staff.isEmpty()) {
            throw new IllegalArgumentException("a site needs staff");
        }
    }

    /** The 10-digit medical-institution code. */
    public String code() {
        return facility.code().value();
    }

    public boolean hospital() {
        return facility.kind() == FacilityKind.HOSPITAL;
    }

    boolean pharmacy() {
        return facility.kind() == FacilityKind.PHARMACY;
    }

    public Staff someStaff(SplittableRandom random) {
        return staff.get(random.nextInt(staff.size()));
    }
}
