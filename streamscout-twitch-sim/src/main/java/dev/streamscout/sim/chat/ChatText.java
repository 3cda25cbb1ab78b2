package dev.streamscout.sim.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of one chat message and the emotes Twitch would find in it.
 *
 * @param text   message text as the user typed it (for an action, without the ACTION framing)
 * @param emotes emote occurrences in order of appearance
 * @param action whether the message is a {@code /me} action
 */
public record ChatText(String text, List<EmoteRange> emotes, boolean action) {

    /**
     * One emote occurrence: zero-based Unicode code point offsets, end inclusive, as in the
     * {@code emotes} tag.
     */
    public record EmoteRange(Emote emote, int start, int end) {}

    /**
     * Finds emotes the way Twitch does: every space-separated word that is exactly an emote code.
     * Offsets count code points, so an emoji before an emote shifts it by one (or more, for
     * emoji built from several code points).
     */
    public static ChatText of(String text, boolean action, String channelLogin, EmoteCatalog catalog) {
        List<EmoteRange> ranges = new ArrayList<>();
        int codePoint = 0;
        int wordStart = 0;
        int wordStartCodePoint = 0;
        for (int i = 0; i <= text.length(); ) {
            if (i == text.length() || text.charAt(i) == ' ') {
                if (i > wordStart) {
                    Emote emote = catalog.lookup(channelLogin, text.substring(wordStart, i));
                    if (emote != null) {
                        ranges.add(new EmoteRange(emote, wordStartCodePoint, codePoint - 1));
                    }
                }
                i++;
                codePoint++;
                wordStart = i;
                wordStartCodePoint = codePoint;
            } else {
                i += Character.charCount(text.codePointAt(i));
                codePoint++;
            }
        }
        return new ChatText(text, List.copyOf(ranges), action);
    }

    /** The {@code emotes} tag value: {@code id:s-e,s-e/id2:s-e}, ids in order of first use. */
    public String emotesTag() {
        Map<String, StringBuilder> byId = new LinkedHashMap<>();
        for (EmoteRange range : emotes) {
            StringBuilder ranges = byId.get(range.emote().id());
            if (ranges == null) {
                byId.put(range.emote().id(), new StringBuilder().append(range.start()).append('-').append(range.end()));
            } else {
                ranges.append(',').append(range.start()).append('-').append(range.end());
            }
        }
        StringBuilder tag = new StringBuilder();
        byId.forEach((id, ranges) -> {
            if (tag.length() > 0) {
                tag.append('/');
            }
            tag.append(id).append(':').append(ranges);
        });
        return tag.toString();
    }

    /** Emote names, one per occurrence, in order of appearance (the core model's view). */
    public List<String> emoteNames() {
        List<String> names = new ArrayList<>(emotes.size());
        for (EmoteRange range : emotes) {
            names.add(range.emote().name());
        }
        return names;
    }

    /** The PRIVMSG trailing parameter: actions are wrapped in CTCP {@code \x01ACTION ...\x01}. */
    public String wireText() {
        return action ? "\u0001ACTION " + text + "\u0001" : text;
    }
}
