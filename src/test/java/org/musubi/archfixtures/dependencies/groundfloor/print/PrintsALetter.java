package org.musubi.archfixtures.dependencies.groundfloor.print;

import org.musubi.archfixtures.dependencies.groundfloor.letters.Letter;

/** A ground-floor printer that knows the letters it prints: what the PDF renderer was while it lived in phr. */
final class PrintsALetter {

    String print(Letter letter) {
        return "<p>" + letter.body() + "</p>";
    }
}
