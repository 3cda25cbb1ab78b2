package dev.streamscout.twitch.irc;

/**
 * A line that is not a valid IRC message. The only exception {@link IrcLineParser} throws; callers
 * count it, log it once with the truncated line and move on.
 */
public final class IrcParseException extends RuntimeException {

    /** Longest part of the offending line kept in the message (lines can be 8 KiB). */
    public static final int MAX_LINE_IN_MESSAGE = 200;

    private final String reason;

    public IrcParseException(String reason, String line) {
        super(reason + ": " + truncate(line));
        this.reason = reason;
    }

    /** Short, stable description of what is wrong (usable as a metric label). */
    public String reason() {
        return reason;
    }

    /** The line cut to {@link #MAX_LINE_IN_MESSAGE} characters, with control characters made visible. */
    public static String truncate(String line) {
        if (line == null) {
            return "<null>";
        }
        String cut = line.length() <= MAX_LINE_IN_MESSAGE ? line : line.substring(0, MAX_LINE_IN_MESSAGE) + "...";
        return cut.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
