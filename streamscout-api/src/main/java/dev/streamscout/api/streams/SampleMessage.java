package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat line kept with a moment, split into who wrote it and what.
 *
 * @param user the chatter's login, null when the stored line carries none
 * @param text the message, verbatim (escape it when rendering)
 */
public record SampleMessage(@JsonProperty("user") String user, @JsonProperty("text") String text) {

    // The detector stores "login: text"; a Twitch login is 1-25 letters, digits or underscores, so
    // a line whose prefix is anything else has no user part.
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_]{1,25}): (.*)", Pattern.DOTALL);

    public static SampleMessage parse(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? new SampleMessage(m.group(1), m.group(2)) : new SampleMessage(null, line);
    }
}
