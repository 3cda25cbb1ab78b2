package dev.streamscout.sim.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A line a client sent, reduced to what the server acts on: the command (upper case) and its
 * parameters. Tags and prefix are skipped. Anything that is not a well-formed IRC line parses to
 * empty, so the session can ignore it.
 */
record ClientLine(String command, List<String> params) {

    static Optional<ClientLine> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String rest = raw.strip();
        if (rest.startsWith("@")) {
            rest = afterFirstSpace(rest);
        }
        if (rest.startsWith(":")) {
            rest = afterFirstSpace(rest);
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        int space = rest.indexOf(' ');
        String command = space < 0 ? rest : rest.substring(0, space);
        if (!command.matches("[A-Za-z]+|[0-9]{3}")) {
            return Optional.empty();
        }
        List<String> params = new ArrayList<>();
        String remaining = space < 0 ? "" : rest.substring(space + 1);
        while (!remaining.isEmpty()) {
            if (remaining.startsWith(" ")) {
                remaining = remaining.substring(1);
            } else if (remaining.startsWith(":")) {
                params.add(remaining.substring(1));
                break;
            } else {
                int next = remaining.indexOf(' ');
                params.add(next < 0 ? remaining : remaining.substring(0, next));
                remaining = next < 0 ? "" : remaining.substring(next + 1);
            }
        }
        return Optional.of(new ClientLine(command.toUpperCase(Locale.ROOT), List.copyOf(params)));
    }

    String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    private static String afterFirstSpace(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? "" : text.substring(space + 1).stripLeading();
    }
}
