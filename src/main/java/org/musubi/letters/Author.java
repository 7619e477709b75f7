package org.musubi.letters;

/**
 * Who writes and signs the letter.
 *
 * @param name       full name as written (漢字, family and given separated by a space: {@code 結 太郎})
 * @param nameKana   the reading in katakana, or {@code null}
 * @param profession the author's profession
 * @param department the department (診療科) as the facility names it, or {@code null}
 * @param staffId    the author's id at the sending facility (Musubi's staff account), or {@code null}
 */
public record Author(String name, String nameKana, Profession profession, String department, String staffId) {

    /** The professions that write letters. */
    public enum Profession {
        DOCTOR("医師"), DENTIST("歯科医師"), PHARMACIST("薬剤師"), NURSE("看護師"), OTHER("その他");

        private final String japanese;

        Profession(String japanese) {
            this.japanese = japanese;
        }

        public String japanese() {
            return japanese;
        }
    }

    public Author {
        Letter.require(name, "author.name");
        if (profession == null) {
            throw new IllegalArgumentException("author.profession is required");
        }
    }
}
