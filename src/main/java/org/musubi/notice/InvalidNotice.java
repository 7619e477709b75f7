package org.musubi.notice;

import java.util.List;
import org.musubi.registry.FieldFault;

/** A submitted notice was refused; every fault names its field. */
public final class InvalidNotice extends RuntimeException {

    private final transient List<FieldFault> faults;

    public InvalidNotice(List<FieldFault> faults) {
        super(faults.stream().map(f -> f.field() + ": " + f.messageKey()).toList().toString());
        this.faults = List.copyOf(faults);
    }

    public List<FieldFault> faults() {
        return faults;
    }
}
