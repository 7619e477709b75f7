/**
 * How every {@code musubi} command reads its command line (picocli): options as {@code --name=value} or
 * {@code --name value}, flags without a value, hand-written {@code --help} texts, settings for the application
 * ({@code --musubi.database.url=...}) passed through, and usage errors in Japanese and English that name the
 * option and what it expects (exit code 2).
 */
package org.musubi.commandline;
