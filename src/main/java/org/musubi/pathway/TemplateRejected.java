package org.musubi.pathway;

import java.util.List;

/** A template or an imported Questionnaire that cannot be used, with every fault found in it. */
public final class TemplateRejected extends RuntimeException {

    private final transient List<FormFault> faults;

    public TemplateRejected(List<FormFault> faults) {
        super("pathway template rejected: " + faults);
        this.faults = List.copyOf(faults);
    }

    /** What is wrong, each naming the item and the reason. */
    public List<FormFault> faults() {
        return faults;
    }
}
