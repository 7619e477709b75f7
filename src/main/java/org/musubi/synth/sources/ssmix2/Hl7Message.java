package org.musubi.synth.sources.ssmix2;

/** Segments of one HL7 v2 message, each ended with a carriage return as SS-MIX2 files store them. */
final class Hl7Message {

    private final StringBuilder text = new StringBuilder(1024);

    Hl7Message add(Object segment) {
        text.append(segment).append('\r');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
