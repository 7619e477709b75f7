package org.musubi.archfixtures.size;

/** Ten public methods, and the three of Object's that are not counted: within the rule. */
public final class WithinTheRule {

    private int count;

    public int first(int step) {
        count += step * 2;
        return count;
    }

    public int second(int step) {
        count += step * 3;
        return count;
    }

    public int third(int step) {
        count += step * 4;
        return count;
    }

    public int fourth(int step) {
        count += step * 5;
        return count;
    }

    public int fifth(int step) {
        count += step * 6;
        return count;
    }

    public int sixth(int step) {
        count += step * 7;
        return count;
    }

    public int seventh(int step) {
        count += step * 8;
        return count;
    }

    public int eighth(int step) {
        count += step * 9;
        return count;
    }

    public int ninth(int step) {
        count += step * 10;
        return count;
    }

    public int tenth(int step) {
        count += step * 11;
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return count;
    }

    @Override
    public String toString() {
        return "within " + count;
    }
}
