package org.musubi.archfixtures.size;

/** Ten public methods, and the three of Object's that are not counted: within the rule. */
public final class WithinTheRule {

    public String open() {
        return "open";
    }

    public String close() {
        return "close";
    }

    public String send() {
        return "send";
    }

    public String receive() {
        return "receive";
    }

    public String archive() {
        return "archive";
    }

    public String restore() {
        return "restore";
    }

    public String sign() {
        return "sign";
    }

    public String revoke() {
        return "revoke";
    }

    public String print() {
        return "print";
    }

    public String count() {
        return "count";
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "within";
    }
}
