package org.musubi.scan.internal;

import java.io.InputStream;
import org.musubi.scan.Scanner;
import org.musubi.scan.Verdict;

/**
 * No scanner set up ({@code musubi.box.scan.clamd-host} empty): nothing is scanned, and {@link #configured()} says so,
 * so that the operator sees a warning that scanning is off. Its verdict is {@link Verdict.Failed}, never clean: a
 * caller that scans anyway cannot mistake "not scanned" for "no malware".
 */
public final class NoScanner implements Scanner {

    @Override
    public Verdict scan(InputStream content, long size) {
        return new Verdict.Failed("no malware scanner is configured (musubi.box.scan.clamd-host)");
    }

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public long maxBytes() {
        return Long.MAX_VALUE;
    }
}
