package dev.streamscout.twitch.helix;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Building blocks of Helix query strings: login filters, batches of filter values, encoding. */
final class HelixQuery {

    private HelixQuery() {}

    static List<String> normalizedLogins(Collection<String> logins) {
        Set<String> unique = new LinkedHashSet<>();
        for (String login : Objects.requireNonNull(logins, "logins")) {
            if (login == null) {
                continue;
            }
            String l = login.trim().toLowerCase(Locale.ROOT);
            if (l.startsWith("#")) {
                l = l.substring(1);
            }
            if (!l.isEmpty()) {
                unique.add(l);
            }
        }
        return List.copyOf(unique);
    }

    static List<List<String>> batches(List<String> values) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += HelixClient.MAX_FILTER_VALUES) {
            batches.add(values.subList(from, Math.min(values.size(), from + HelixClient.MAX_FILTER_VALUES)));
        }
        return batches;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
