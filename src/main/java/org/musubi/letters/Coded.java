package org.musubi.letters;

import java.util.List;

/**
 * A coded item as the record holds it: the words shown and the codes behind them (none when the item is free text).
 *
 * @param text  the words, as written (required)
 * @param codes the codings, most specific first (MEDIS 病名管理番号, ICD-10, YJ, JLAC10 …)
 */
public record Coded(String text, List<Code> codes) {

    /** One coding. */
    public record Code(String system, String code, String display) {
        public Code {
            Letter.require(system, "Coded.system");
            Letter.require(code, "Coded.code");
        }
    }

    public Coded {
        Letter.require(text, "text");
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** Free text with no code. */
    public static Coded text(String text) {
        return new Coded(text, List.of());
    }

    /** The first coding of this system, if any. */
    public java.util.Optional<Code> code(String system) {
        return codes.stream().filter(c -> c.system().equals(system)).findFirst();
    }
}
