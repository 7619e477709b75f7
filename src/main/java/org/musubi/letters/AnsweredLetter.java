package org.musubi.letters;

import java.time.LocalDate;

/**
 * The letter a reply answers, as the reply's paper form names it for the people who read it: its kind, the day it was
 * sent (Japan), its sending facility and author — 「2026年11月10日 結クリニック 結 太郎 先生からの診療情報提供書」, never
 * an id.
 *
 * @param kind     the kind of the letter answered
 * @param issued   the day it was sent, in Japan
 * @param facility the facility that sent it
 * @param author   who wrote it, or {@code null}
 */
public record AnsweredLetter(LetterKind kind, LocalDate issued, String facility, String author) {

    public AnsweredLetter {
        if (kind == null || issued == null || facility == null || facility.isBlank()) {
            throw new IllegalArgumentException("the letter answered needs its kind, day and facility");
        }
        author = author == null || author.isBlank() ? null : author.strip();
    }
}
