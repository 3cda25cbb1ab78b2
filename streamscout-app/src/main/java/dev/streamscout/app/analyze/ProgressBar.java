package dev.streamscout.app.analyze;

import java.io.PrintStream;

/**
 * A one-line progress display on a terminal ({@code \r}-rewritten on stderr); silent when output is not
 * a terminal, so logs and pipes stay clean.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final int files;

    public ProgressBar(PrintStream out, boolean enabled, int files) {
        this.out = out;
        this.enabled = enabled;
        this.files = files;
    }

    /** A bar on stderr when this process talks to a terminal. */
    public static ProgressBar forTerminal(int files) {
        return new ProgressBar(System.err, System.console() != null, files);
    }

    public void update(int fileIndex, String source, long messages) {
        if (!enabled) {
            return;
        }
        int filled = files == 0 ? WIDTH : (int) ((long) WIDTH * fileIndex / files);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + fileIndex + "/" + files + " "
                + source + " " + messages + " messages   ");
        out.flush();
    }

    public void done() {
        if (enabled) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
        }
    }
}
