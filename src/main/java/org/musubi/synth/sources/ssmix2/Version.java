package org.musubi.synth.sources.ssmix2;

/**
 * Which version of an order a message carries: a plain new order, the first version of an order
 * updated later (its content differs from the final one), the update, or the cancellation.
 */
enum Version {
    NEW("NW"), DRAFT("NW"), UPDATE("XO"), CANCEL("CA");

    private final String control;

    Version(String control) {
        this.control = control;
    }

    /** ORC-1, the order control code (HL7 table 0119). */
    String control() {
        return control;
    }
}
