package dev.streamscout.core.chat;

import java.util.Locale;

/** The kinds of {@link ChatEvent}; {@link #OTHER} keeps any {@code msg-id} we do not model. */
public enum ChatEventType {
    SUB, RESUB, SUBGIFT, SUBMYSTERYGIFT, RAID, ANNOUNCEMENT, BITS, BITSBADGETIER, OTHER;

    /** Maps a USERNOTICE {@code msg-id}; unknown ids become {@link #OTHER} (the raw id stays on the event). */
    public static ChatEventType fromMsgId(String msgId) {
        if (msgId == null) {
            return OTHER;
        }
        return switch (msgId.toLowerCase(Locale.ROOT)) {
            case "sub" -> SUB;
            case "resub" -> RESUB;
            case "subgift", "anonsubgift" -> SUBGIFT;
            case "submysterygift", "anonsubmysterygift" -> SUBMYSTERYGIFT;
            case "raid" -> RAID;
            case "announcement" -> ANNOUNCEMENT;
            case "bitsbadgetier" -> BITSBADGETIER;
            default -> OTHER;
        };
    }
}
