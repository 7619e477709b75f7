package org.musubi.commandline;

/** A command whose {@code --help} prints this text, written by hand, rather than one picocli composes. */
public interface UsageText {

    String usage();
}
