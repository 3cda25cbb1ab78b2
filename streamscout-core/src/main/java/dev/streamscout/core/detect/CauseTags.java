package dev.streamscout.core.detect;

import dev.streamscout.core.chat.ChatEvent;
import java.util.Optional;

/**
 * Which structured chat events can explain (or should suppress) a spike, and the tag each gets on a
 * moment: a raid brings a crowd, a mystery-gift bomb makes chat thank the gifter, an announcement
 * makes chat answer it.
 */
public final class CauseTags {

    public static final String RAID = "raid";
    public static final String GIFT_SUB_BOMB = "gift_sub_bomb";
    public static final String ANNOUNCEMENT = "announcement";
    /** Gifting at least this many subs at once counts as a bomb. */
    public static final int GIFT_BOMB_MIN_SUBS = 5;

    private CauseTags() {}

    /** The tag for an event, or empty if it does not explain spikes. */
    public static Optional<String> of(ChatEvent event) {
        if (event == null || event.type() == null) {
            return Optional.empty();
        }
        return switch (event.type()) {
            case RAID -> Optional.of(RAID);
            case SUBMYSTERYGIFT -> event.amount() >= GIFT_BOMB_MIN_SUBS ? Optional.of(GIFT_SUB_BOMB) : Optional.empty();
            case ANNOUNCEMENT -> Optional.of(ANNOUNCEMENT);
            default -> Optional.empty();
        };
    }
}
