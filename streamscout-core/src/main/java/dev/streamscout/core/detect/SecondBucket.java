package dev.streamscout.core.detect;

import dev.streamscout.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one channel said in one second, gathered while the second is open: the counts a
 * detector needs ({@link #toChatSecond()}) and the material a moment's explanation is built from.
 *
 * <p>A mutable Flink POJO (public fields of lists and maps of strings) so that it can sit in keyed
 * state while the second is open. Commands must be filtered out before {@link #add}.
 */
public class SecondBucket {

    /** Samples kept per second; the explanation picks its five from these. */
    public static final int SAMPLES_PER_SECOND = 5;
    private static final int MAX_SAMPLE_LENGTH = 200;

    public long startMs;
    public int messages;
    public int emoteMessages;
    public int loudMessages;
    /** Distinct chatters (usernames), in order of first message. */
    public List<String> users = new ArrayList<>();
    /** Normalised text to how many messages had it, for copypasta. */
    public Map<String, Integer> texts = new HashMap<>();
    public Map<String, Integer> tokens = new HashMap<>();
    public Map<String, Integer> emotes = new HashMap<>();
    /** The first few lines of the second, as {@code user: text}. */
    public List<String> samples = new ArrayList<>();
    /** Cause tags of structured events in this second. */
    public List<String> causes = new ArrayList<>();

    public SecondBucket() {}

    public SecondBucket(long startMs) {
        this.startMs = startMs;
    }

    /** Counts one chat message into the second. */
    public void add(ChatMessage message) {
        messages++;
        String text = message.message();
        if (!message.emotes().isEmpty()) {
            emoteMessages++;
            for (String emote : message.emotes()) {
                emotes.merge(emote, 1, Integer::sum);
            }
        }
        if (ChatSignals.isLoud(text)) {
            loudMessages++;
        }
        String user = message.username();
        if (user != null && !user.isEmpty() && !users.contains(user)) {
            users.add(user);
        }
        texts.merge(ChatSignals.normalise(text), 1, Integer::sum);
        // Emotes are counted as emotes, not also as words (tokens are lower-cased, emote names are not).
        List<String> emoteWords = message.emotes().stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList();
        for (String token : ChatSignals.tokens(text)) {
            if (!emoteWords.contains(token)) {
                tokens.merge(token, 1, Integer::sum);
            }
        }
        if (samples.size() < SAMPLES_PER_SECOND && !text.isBlank()) {
            String line = (user == null ? "" : user + ": ") + text;
            samples.add(line.length() > MAX_SAMPLE_LENGTH ? line.substring(0, MAX_SAMPLE_LENGTH) : line);
        }
    }

    /** Notes a structured event (see {@link CauseTags}) in this second. */
    public void noteCause(String tag) {
        if (tag != null && !causes.contains(tag)) {
            causes.add(tag);
        }
    }

    /** What the detector sees of this second. */
    public ChatSecond toChatSecond() {
        int repeated = 0;
        for (int n : texts.values()) {
            if (n > 1) {
                repeated += n;
            }
        }
        return new ChatSecond(startMs, messages, users.size(), emoteMessages, loudMessages, repeated, users.size());
    }
}
