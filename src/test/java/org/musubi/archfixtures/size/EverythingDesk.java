package org.musubi.archfixtures.size;

/** Eleven public methods: a noun that does every act of its feature. */
public final class EverythingDesk {

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

    public String sweep() {
        return "sweep";
    }
}
