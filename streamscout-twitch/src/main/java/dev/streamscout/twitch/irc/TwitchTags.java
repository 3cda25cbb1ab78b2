package dev.streamscout.twitch.irc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading Twitch's tag values into typed values. Every reader is total: a missing or garbled value
 * gives {@code null} (or an empty collection), never an exception, because a single odd tag must
 * not cost the whole line.
 */
final class TwitchTags {

    /** Longest decimal accepted; anything longer would overflow a long. */
    private static final int MAX_DIGITS = 18;

    private TwitchTags() {}

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A non-negative decimal ({@code tmi-sent-ts}, {@code bits}, counts), or null. */
    static Long parseUnsigned(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_DIGITS) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(value);
    }

    /** A decimal that may be negative ({@code followers-only=-1}), or null; int range only. */
    static Integer parseInt(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        boolean negative = value.charAt(0) == '-';
        Long magnitude = parseUnsigned(negative ? value.substring(1) : value);
        if (magnitude == null || magnitude > Integer.MAX_VALUE) {
            return null;
        }
        return (int) (negative ? -magnitude : magnitude);
    }

    /** {@code 1} true, {@code 0} false, anything else (or absent) null. */
    static Boolean parseFlag(String value) {
        if ("1".equals(value)) {
            return Boolean.TRUE;
        }
        return "0".equals(value) ? Boolean.FALSE : null;
    }

    /** {@code name/version,name2/version2} to an ordered map; a badge without {@code /} gets version "". */
    static Map<String, String> badges(String value) {
        if (value == null || value.isEmpty()) {
            return Map.of();
        }
        Map<String, String> badges = new LinkedHashMap<>();
        for (String badge : value.split(",")) {
            if (badge.isEmpty()) {
                continue;
            }
            int slash = badge.indexOf('/');
            if (slash == 0) {
                continue;
            }
            if (slash < 0) {
                badges.put(badge, "");
            } else {
                badges.put(badge.substring(0, slash), badge.substring(slash + 1));
            }
        }
        return Collections.unmodifiableMap(badges);
    }

    /** A comma-separated list ({@code emote-sets}); empty entries dropped. */
    static List<String> commaList(String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isEmpty()) {
                list.add(item);
            }
        }
        return List.copyOf(list);
    }

    /** Every {@code msg-param-*} tag with the prefix removed, in tag order. */
    static Map<String, String> msgParams(Map<String, String> tags) {
        Map<String, String> params = new LinkedHashMap<>();
        tags.forEach((k, v) -> {
            if (k.startsWith("msg-param-") && k.length() > "msg-param-".length()) {
                params.put(k.substring("msg-param-".length()), v);
            }
        });
        return Collections.unmodifiableMap(params);
    }

    /** An unmodifiable copy that keeps the iteration order (Map.copyOf would not). */
    static Map<String, String> copyOrdered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
