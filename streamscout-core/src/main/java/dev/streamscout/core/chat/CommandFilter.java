package dev.streamscout.core.chat;

import java.util.regex.Pattern;

/** The seed's definition of a bot command: {@code ^![a-zA-Z0-9]+}. */
public final class CommandFilter {

    private static final Pattern COMMAND = Pattern.compile("^![a-zA-Z0-9]+");

    private CommandFilter() {}

    public static boolean isCommand(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == '!' && COMMAND.matcher(text).lookingAt();
    }
}
