package dev.streamscout.core.detect;

import java.util.List;

/**
 * One chat line as a {@link SecondBucket} keeps it for a moment's explanation: who wrote it, what, and
 * which emotes it carried. Words, emote counts and sample lines are read from these only when a
 * moment is explained (see {@link SecondBucket#tokenCounts()}), not for every message.
 *
 * <p>A mutable Flink POJO (it sits in keyed state inside its bucket).
 */
public class ChatLine {

    /** The sender's login as the message had it (null or empty when the source had none). */
    public String user;
    public String text;
    /** Emote names in order of appearance; null means none. */
    public List<String> emotes;

    public ChatLine() {}

    public ChatLine(String user, String text, List<String> emotes) {
        this.user = user;
        this.text = text;
        this.emotes = emotes == null || emotes.isEmpty() ? null : emotes;
    }
}
