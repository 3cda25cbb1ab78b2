package dev.streamscout.core.detect;

import java.util.List;

/**
 * What chat said around a detection, for the moment's explanation fields.
 *
 * @param uniqueChatters distinct chatters in the explanation window
 * @param topTokens      most frequent words, most frequent first
 * @param topEmotes      most frequent emotes, most frequent first
 * @param sampleMessages a few lines from the peak
 * @param causeTags      structured events in or just before the window (raid, gift_sub_bomb, announcement)
 */
public record Explanation(int uniqueChatters, List<String> topTokens, List<String> topEmotes,
        List<String> sampleMessages, List<String> causeTags) {

    /** Nothing known. */
    public static final Explanation NONE = new Explanation(0, List.of(), List.of(), List.of(), List.of());

    public Explanation {
        topTokens = List.copyOf(topTokens);
        topEmotes = List.copyOf(topEmotes);
        sampleMessages = List.copyOf(sampleMessages);
        causeTags = List.copyOf(causeTags);
    }
}
