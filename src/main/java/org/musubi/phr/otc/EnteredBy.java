package org.musubi.phr.otc;

/**
 * Who entered a self-entered medicine: the resident in their own notebook, or a proxy (代理人) acting for them, named
 * as their notebook account shows them.
 */
public record EnteredBy(By by, String name) {

    public enum By {
        RESIDENT("resident"),
        PROXY("proxy");

        private final String code;

        By(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static By of(String code) {
            return PROXY.code.equals(code) ? PROXY : RESIDENT;
        }
    }

    public static EnteredBy resident() {
        return new EnteredBy(By.RESIDENT, null);
    }

    public static EnteredBy proxy(String name) {
        return new EnteredBy(By.PROXY, name);
    }

    public boolean proxy() {
        return by == By.PROXY;
    }
}
