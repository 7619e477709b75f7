package org.musubi.synth;

import org.musubi.identity.Person;
import java.util.List;

/** A generated network: facilities, their users (operator first) and the persons it serves. */
public record SyntheticNetwork(
        List<SynthFacility> facilities,
        List<SynthUser> users,
        List<Person> persons) {

    public SyntheticNetwork {
        facilities = List.copyOf(facilities);
        users = List.copyOf(users);
        persons = List.copyOf(persons);
    }
}
