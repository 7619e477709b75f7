package org.musubi.registry;

import java.util.List;

/** Submitted facility or user data was refused; every fault names its field. */
public final class InvalidRegistration extends RuntimeException {

    private final transient List<FieldFault> faults;

    public InvalidRegistration(List<FieldFault> faults) {
        super(faults.stream().map(f -> f.field() + ": " + f.messageKey()).toList().toString());
        this.faults = List.copyOf(faults);
    }

    public List<FieldFault> faults() {
        return faults;
    }
}
